import { Schema, type Types, type Connection, type Model } from 'mongoose';

/** 电话回访: a supervisor's call to an enterprise about the steward serving it. */
export interface CallbackDoc {
  _id: Types.ObjectId;
  enterpriseId: Types.ObjectId;
  /** The steward serving the firm at the time of the call (the rating belongs to them). */
  stewardId: Types.ObjectId | null;
  callerId: Types.ObjectId;
  calledAt: Date;
  reached: boolean;
  satisfaction: number | null;
  remarks: string;
  /** Findings of the call (contracts' CALLBACK_FLAGS); older records have none. */
  flags?: string[];
}

const schema = new Schema<CallbackDoc>(
  {
    enterpriseId: { type: Schema.Types.ObjectId, required: true },
    stewardId: { type: Schema.Types.ObjectId, default: null },
    callerId: { type: Schema.Types.ObjectId, required: true },
    calledAt: { type: Date, required: true },
    reached: { type: Boolean, required: true },
    satisfaction: { type: Number, default: null, min: 1, max: 5 },
    remarks: { type: String, default: '' },
    flags: { type: [String], default: [] },
  },
  { versionKey: false, collection: 'steward_callbacks' },
);

// An enterprise's call-backs, newest first.
schema.index({ enterpriseId: 1, calledAt: -1 });
// A steward's recent ratings (average satisfaction for the attention list) and scorecard window.
schema.index({ stewardId: 1, calledAt: -1 });

/** Registers the model on a connection. */
export function callbackModel(conn: Connection): Model<CallbackDoc> {
  return conn.models.StewardCallback ?? conn.model<CallbackDoc>('StewardCallback', schema);
}
