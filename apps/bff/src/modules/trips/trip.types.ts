/**
 * The trip record's shapes: as stored (what the model's schema and the repository's driver calls
 * type) and as services see it. Apart from the model so the repository's helpers (seat claims,
 * snapshots) can type their data without importing the model or the repository that uses them.
 */
import type { Types } from 'mongoose';
import type { TripStatus } from '@fugong/contracts';

/** A change booked workers must hear about; written in the same atomic update as the change. */
export interface TripNotice {
  seq: number;
  kind: 'time_changed' | 'cancelled';
  at: Date;
  text: string;
}

export interface TripDoc {
  _id: Types.ObjectId;
  status: TripStatus;
  originRegionCode: string;
  originName: string;
  pickupPoints: { name: string }[];
  destinations: { enterpriseId: Types.ObjectId; enterpriseName: string; dropPoint: string }[];
  departureAt: Date;
  /** China-time day of departure: the "travel day" of the one-live-booking-per-day rule. */
  travelDay: string;
  vehicle: { plate: string; seats: number };
  driver: { name: string };
  occupancyCapPct: number;
  /** floor(seats × cap); seats sold never exceed it (guarded in every seat claim). */
  capacity: number;
  /** Always equal to seatHolders.length: both change in the same single-document update. */
  bookedCount: number;
  /** Bookings holding a seat. The source of truth for "does booking X hold a seat?". */
  seatHolders: Types.ObjectId[];
  /** Last seat number given at boarding. */
  boardedCount: number;
  notices: TripNotice[];
  /** True while some notice has not yet been fanned out to the outbox. */
  noticesPending: boolean;
  cancelReason: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A trip as services see it: plain data, ids as strings. */
export interface TripRecord {
  id: string;
  status: TripStatus;
  originRegionCode: string;
  originName: string;
  pickupPoints: { name: string }[];
  destinations: { enterpriseId: string; enterpriseName: string; dropPoint: string }[];
  departureAt: Date;
  travelDay: string;
  vehicle: { plate: string; seats: number };
  driver: { name: string };
  occupancyCapPct: number;
  capacity: number;
  bookedCount: number;
  seatHolders: string[];
  boardedCount: number;
  notices: TripNotice[];
  noticesPending: boolean;
  cancelReason: string | null;
  /** The transport officer who set the trip up (entitled to its full passenger list). */
  createdBy: string;
}

export type NewTrip = Omit<
  TripRecord,
  'id' | 'bookedCount' | 'seatHolders' | 'boardedCount' | 'notices' | 'noticesPending' | 'cancelReason'
>;
