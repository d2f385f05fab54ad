import { Schema, type Types, type Connection, type Model } from 'mongoose';

export interface VisitDoc {
  _id: Types.ObjectId;
  enterpriseId: Types.ObjectId;
  stewardId: Types.ObjectId;
  visitedAt: Date;
  place: string;
  location: { lat: number; lng: number } | null;
  checklist: { key: string; status: 'met' | 'not_met' | 'na'; note: string }[];
  findings: string;
  issueIds: Types.ObjectId[];
  createdAt: Date;
}

const schema = new Schema<VisitDoc>(
  {
    enterpriseId: { type: Schema.Types.ObjectId, required: true },
    stewardId: { type: Schema.Types.ObjectId, required: true },
    visitedAt: { type: Date, required: true },
    place: { type: String, required: true },
    location: { type: new Schema({ lat: Number, lng: Number }, { _id: false }), default: null },
    checklist: {
      type: [new Schema({ key: String, status: String, note: String }, { _id: false })],
      required: true,
    },
    findings: { type: String, default: '' },
    issueIds: { type: [Schema.Types.ObjectId], default: [] },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'steward_visits' },
);

// An enterprise's visits newest first, and its last visit (need ranking, coverage, overview).
schema.index({ enterpriseId: 1, visitedAt: -1 });
// A steward's own visit log.
schema.index({ stewardId: 1, visitedAt: -1 });

/** Registers the model on a connection. */
export function visitModel(conn: Connection): Model<VisitDoc> {
  return conn.models.StewardVisit ?? conn.model<VisitDoc>('StewardVisit', schema);
}
