import { Schema, type Types, type Connection, type Model } from 'mongoose';
import {
  INSURANCE_PAYERS,
  SHARING_AGREEMENT_STATUSES,
  SHARING_KINDS,
  type InsurancePayer,
  type SharingAgreementStatus,
  type SharingKind,
} from '@fugong/contracts';

/**
 * One 用工调剂 post: a firm's surplus staff it can lend, or the hands it lacks, for a period.
 * `free` is the headcount not yet placed in an agreed arrangement; it only ever moves by a guarded
 * `$inc` (`free ≥ n`), so the places agreed never exceed the headcount posted.
 */
export interface SharingPostDoc {
  _id: Types.ObjectId;
  enterpriseId: Types.ObjectId;
  enterpriseName: string;
  kind: SharingKind;
  headcount: number;
  free: number;
  fromDay: string;
  toDay: string;
  industry: string;
  regionCode: string;
  note: string;
  status: 'open' | 'closed';
  postedBy: Types.ObjectId;
  postedAt: Date;
}

const post = new Schema<SharingPostDoc>(
  {
    enterpriseId: { type: Schema.Types.ObjectId, required: true },
    enterpriseName: { type: String, required: true },
    kind: { type: String, enum: SHARING_KINDS, required: true },
    headcount: { type: Number, required: true, min: 1 },
    free: { type: Number, required: true, min: 0 },
    fromDay: { type: String, required: true },
    toDay: { type: String, required: true },
    industry: { type: String, required: true },
    regionCode: { type: String, required: true },
    note: { type: String, default: '' },
    status: { type: String, enum: ['open', 'closed'], required: true },
    postedBy: { type: Schema.Types.ObjectId, required: true },
    postedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'labour_sharing_posts' },
);
// The board: open posts of one kind (and industry), newest first; 人社局's totals by kind.
post.index({ status: 1, kind: 1, industry: 1, postedAt: -1 });
// A firm's own posts, newest first.
post.index({ enterpriseId: 1, postedAt: -1 });

/** An arrangement between a lending and a borrowing firm; the lent workers keep their employer. */
export interface SharingAgreementDoc {
  _id: Types.ObjectId;
  surplusId: Types.ObjectId;
  shortageId: Types.ObjectId;
  lenderId: Types.ObjectId;
  lenderName: string;
  borrowerId: Types.ObjectId;
  borrowerName: string;
  headcount: number;
  fromDay: string;
  toDay: string;
  terms: string;
  insurancePayer: InsurancePayer;
  /** The lent workers' phones, only as lookup hashes: enough for each to find their arrangement. */
  workerPhoneHashes: string[];
  status: SharingAgreementStatus;
  proposedBy: 'lender' | 'borrower';
  proposedByUser: Types.ObjectId;
  proposedAt: Date;
  agreedAt: Date | null;
  decidedBy: Types.ObjectId | null;
}

const agreement = new Schema<SharingAgreementDoc>(
  {
    surplusId: { type: Schema.Types.ObjectId, required: true },
    shortageId: { type: Schema.Types.ObjectId, required: true },
    lenderId: { type: Schema.Types.ObjectId, required: true },
    lenderName: { type: String, required: true },
    borrowerId: { type: Schema.Types.ObjectId, required: true },
    borrowerName: { type: String, required: true },
    headcount: { type: Number, required: true, min: 1 },
    fromDay: { type: String, required: true },
    toDay: { type: String, required: true },
    terms: { type: String, required: true },
    insurancePayer: { type: String, enum: INSURANCE_PAYERS, required: true },
    workerPhoneHashes: { type: [String], default: [] },
    status: { type: String, enum: SHARING_AGREEMENT_STATUSES, required: true },
    proposedBy: { type: String, enum: ['lender', 'borrower'], required: true },
    proposedByUser: { type: Schema.Types.ObjectId, required: true },
    proposedAt: { type: Date, required: true },
    agreedAt: { type: Date, default: null },
    decidedBy: { type: Schema.Types.ObjectId, default: null },
  },
  { versionKey: false, collection: 'labour_sharing_agreements' },
);
// One open proposal per pair of posts: a second one (or a double tap) is a duplicate key.
agreement.index(
  { surplusId: 1, shortageId: 1 },
  { unique: true, partialFilterExpression: { status: 'proposed' } },
);
// Each firm's arrangements, lending and borrowing, newest first.
agreement.index({ lenderId: 1, proposedAt: -1 });
agreement.index({ borrowerId: 1, proposedAt: -1 });
// 人社局's list and counts by status.
agreement.index({ status: 1, proposedAt: -1 });
// A lent worker's own arrangements (their phone's lookup hash).
agreement.index({ workerPhoneHashes: 1 });

export function sharingPostModel(conn: Connection): Model<SharingPostDoc> {
  return conn.models.LabourSharingPost ?? conn.model<SharingPostDoc>('LabourSharingPost', post);
}
export function sharingAgreementModel(conn: Connection): Model<SharingAgreementDoc> {
  return (
    conn.models.LabourSharingAgreement ?? conn.model<SharingAgreementDoc>('LabourSharingAgreement', agreement)
  );
}
