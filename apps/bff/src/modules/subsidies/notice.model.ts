import { Schema, type Connection, type Model, type Types } from 'mongoose';

/**
 * 政策直通: one document per firm, policy and period whose entitlement was announced to it.
 * The `_id` is the key `${policy}:${enterpriseId}:${period}`, so a firm hears of a policy period
 * once however often its list is rerun and republished (the unique `_id` is the guard).
 */
export interface NoticeDoc {
  _id: string;
  listId: Types.ObjectId;
  enterpriseId: Types.ObjectId;
  amountFen: number;
  /** The liaisons the notice was queued for (empty: the firm has no liaison yet). */
  recipients: number;
  at: Date;
}

const schema = new Schema<NoticeDoc>(
  {
    _id: { type: String, required: true },
    listId: { type: Schema.Types.ObjectId, required: true },
    enterpriseId: { type: Schema.Types.ObjectId, required: true },
    amountFen: { type: Number, required: true },
    recipients: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false, collection: 'subsidy_notices' },
);
// Only the `_id` key is read (the claim); no other index is needed.

export function noticeModel(conn: Connection): Model<NoticeDoc> {
  return (
    (conn.models.SubsidyNotice as Model<NoticeDoc> | undefined) ??
    conn.model<NoticeDoc>('SubsidyNotice', schema)
  );
}
