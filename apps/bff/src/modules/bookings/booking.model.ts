import { Schema, type Connection, type Model } from 'mongoose';
import { BOOKING_STATUSES } from '@fugong/contracts';
import type { BookingDoc } from './booking.types';

export type { BookingDoc, BookingFlag } from './booking.types';

const schema = new Schema<BookingDoc>(
  {
    tripId: { type: Schema.Types.ObjectId, required: true },
    workerId: { type: Schema.Types.ObjectId, required: true },
    travelDay: { type: String, required: true },
    status: { type: String, enum: BOOKING_STATUSES, required: true },
    live: { type: Boolean },
    pickupPoint: { type: String, required: true },
    waitSeq: { type: Number, default: null },
    flag: { type: Schema.Types.Mixed, default: null },
    seatNo: { type: Number, default: null },
    boardedAt: { type: Date, default: null },
    boardingTemperature: { type: Number, default: null },
    boardedBy: { type: String, default: null },
    arrivedAt: { type: Date, default: null },
    boardingDeviceId: { type: String, default: null },
    bookedBy: { type: String, enum: ['self', 'liaison'], required: true },
    bookedById: { type: String, required: true },
    cancelReason: { type: String, default: null },
    cancelledAt: { type: Date, default: null },
    // Set from the injected clock (not mongoose timestamps) so the sweep's "stale pending"
    // and cut-off logic can be driven by a manual clock in tests.
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'bookings' },
);

// THE rule "a worker holds at most one live booking per travel day": inserting a second live
// booking for the same day fails with E11000 however many requests race (retries, two phones,
// a liaison booking at the same time). Cancelled and released bookings drop `live` and leave
// the index, so the worker can book again. Also serves "my live booking on day D".
schema.index({ workerId: 1, travelDay: 1 }, { unique: true, partialFilterExpression: { live: true } });
// A trip's bookings by status: the waitlist in joining order (firstWaitlisted, positions), the
// manifest (confirmed/boarded), the fan-out of trip notices and the flag sweep.
schema.index({ tripId: 1, status: 1, waitSeq: 1 });
// "My bookings", newest first.
schema.index({ workerId: 1, createdAt: -1 });
// The sweep's recovery of bookings a crash left half-placed (pending for more than seconds).
schema.index({ status: 1, updatedAt: 1 }, { partialFilterExpression: { status: 'pending' } });

/** Registers the model on a connection. */
export function bookingModel(conn: Connection): Model<BookingDoc> {
  return conn.models.Booking ?? conn.model<BookingDoc>('Booking', schema);
}
