/**
 * A booking as stored: what the model's schema and the repository's driver calls type. Apart
 * from the model so the repository's helpers (waitlist positions) can type their data without
 * importing the model.
 */
import type { Types } from 'mongoose';
import type { BookingStatus, PassColor, PassReason } from '@fugong/contracts';

export interface BookingFlag {
  color: PassColor;
  reasons: PassReason[];
  at: Date;
}

export interface BookingDoc {
  _id: Types.ObjectId;
  tripId: Types.ObjectId;
  workerId: Types.ObjectId;
  travelDay: string;
  status: BookingStatus;
  /** Present (true) exactly while the booking is live; the partial unique index keys on it. */
  live?: true;
  pickupPoint: string;
  waitSeq: number | null;
  flag: BookingFlag | null;
  seatNo: number | null;
  boardedAt: Date | null;
  boardingTemperature: number | null;
  boardedBy: string | null;
  /** When the worker confirmed arrival; set once, only on a boarded booking. */
  arrivedAt?: Date | null;
  /** The phone that fetched the offline boarding code last (only its code is honoured). */
  boardingDeviceId?: string | null;
  bookedBy: 'self' | 'liaison';
  bookedById: string;
  cancelReason: 'worker' | 'liaison' | 'trip_cancelled' | 'pass_not_green' | null;
  cancelledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}
