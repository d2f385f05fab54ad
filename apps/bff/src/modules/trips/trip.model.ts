import { Schema, type Connection, type Model } from 'mongoose';
import { TRIP_STATUSES } from '@fugong/contracts';
import type { TripDoc } from './trip.types';

export type { TripDoc, TripNotice } from './trip.types';

const schema = new Schema<TripDoc>(
  {
    status: { type: String, enum: TRIP_STATUSES, required: true },
    originRegionCode: { type: String, required: true },
    originName: { type: String, required: true },
    pickupPoints: { type: [new Schema({ name: String }, { _id: false })], required: true },
    destinations: {
      type: [
        new Schema(
          { enterpriseId: Schema.Types.ObjectId, enterpriseName: String, dropPoint: String },
          { _id: false },
        ),
      ],
      required: true,
    },
    departureAt: { type: Date, required: true },
    travelDay: { type: String, required: true },
    vehicle: { type: new Schema({ plate: String, seats: Number }, { _id: false }), required: true },
    driver: { type: new Schema({ name: String }, { _id: false }), required: true },
    occupancyCapPct: { type: Number, required: true },
    capacity: { type: Number, required: true },
    bookedCount: { type: Number, required: true, default: 0 },
    seatHolders: { type: [Schema.Types.ObjectId], default: [] },
    boardedCount: { type: Number, required: true, default: 0 },
    notices: {
      type: [new Schema({ seq: Number, kind: String, at: Date, text: String }, { _id: false })],
      default: [],
    },
    noticesPending: { type: Boolean, default: false },
    cancelReason: { type: String, default: null },
    createdBy: { type: String, required: true },
  },
  { timestamps: true, versionKey: false, collection: 'trips' },
);

// Worker search: published trips of a day from an origin (prefix on originRegionCode).
schema.index({ status: 1, travelDay: 1, originRegionCode: 1 });
// Search by destination enterprise (liaison's charters, a worker looking for their factory).
schema.index({ 'destinations.enterpriseId': 1, travelDay: 1 });
// The sweep: published trips departing within the flag window, in departure order.
schema.index({ status: 1, departureAt: 1 });
// The sweep's outbox fan-out: trips with a change not yet told to their workers.
schema.index({ noticesPending: 1 }, { partialFilterExpression: { noticesPending: true } });

/** Registers the model on a connection. */
export function tripModel(conn: Connection): Model<TripDoc> {
  return conn.models.Trip ?? conn.model<TripDoc>('Trip', schema);
}
