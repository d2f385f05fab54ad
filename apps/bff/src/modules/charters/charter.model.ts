import { Schema, type Types, type Connection, type Model } from 'mongoose';

export interface ParticipantDoc {
  enterpriseId: Types.ObjectId;
  enterpriseName: string;
  workers: number;
  /** Named staff: names, and phones encrypted (PII never stored in clear). */
  namedStaff: { name: string; phoneEnc: string | null }[];
  joinedAt: Date;
}

/** 包车需求, shared by every enterprise that joined it (抱团组团包车). */
export interface CharterDoc {
  _id: Types.ObjectId;
  ownerEnterpriseId: Types.ObjectId;
  originRegionCode: string;
  originName: string;
  pickupPoint: string;
  earliestArrival: string;
  latestArrival: string;
  destinationRegionCode: string;
  participants: ParticipantDoc[];
  totalWorkers: number;
  note: string;
  state: 'open' | 'converted' | 'cancelled';
  tripIds: Types.ObjectId[];
  createdBy: Types.ObjectId;
  createdAt: Date;
}

const participant = new Schema<ParticipantDoc>(
  {
    enterpriseId: { type: Schema.Types.ObjectId, required: true },
    enterpriseName: { type: String, required: true },
    workers: { type: Number, required: true, min: 1 },
    namedStaff: {
      type: [new Schema({ name: String, phoneEnc: { type: String, default: null } }, { _id: false })],
      default: [],
    },
    joinedAt: { type: Date, required: true },
  },
  { _id: false },
);

const schema = new Schema<CharterDoc>(
  {
    ownerEnterpriseId: { type: Schema.Types.ObjectId, required: true },
    originRegionCode: { type: String, required: true },
    originName: { type: String, required: true },
    pickupPoint: { type: String, required: true },
    earliestArrival: { type: String, required: true },
    latestArrival: { type: String, required: true },
    destinationRegionCode: { type: String, required: true },
    participants: { type: [participant], required: true },
    totalWorkers: { type: Number, required: true },
    note: { type: String, default: '' },
    state: { type: String, enum: ['open', 'converted', 'cancelled'], required: true },
    tripIds: { type: [Schema.Types.ObjectId], default: [] },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'charter_requests' },
);

// Transport grouping and "joinable" lists: open requests by origin and arrival day.
schema.index({ state: 1, originRegionCode: 1, earliestArrival: 1 });
// A firm's own requests, including those it joined (multikey on participants).
schema.index({ 'participants.enterpriseId': 1, createdAt: -1 });

/** Registers the model on a connection. */
export function charterModel(conn: Connection): Model<CharterDoc> {
  return conn.models.CharterRequest ?? conn.model<CharterDoc>('CharterRequest', schema);
}
