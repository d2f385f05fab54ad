import { Schema, type Types, type Connection, type Model } from 'mongoose';
import {
  MATCH_STATUSES,
  POST_SIDES,
  SUPPLY_CATEGORIES,
  type MatchStatus,
  type PostSide,
  type SupplyCategory,
} from '@fugong/contracts';

/** One 供需 post; the contact phone only encrypted; the place a GeoJSON point for $near. */
export interface PostDoc {
  _id: Types.ObjectId;
  enterpriseId: Types.ObjectId;
  enterpriseName: string;
  /** The firm's 行业 when it posted, for 工信局's filter (null on posts older than the field). */
  industry?: string | null;
  side: PostSide;
  category: SupplyCategory;
  title: string;
  quantity: number;
  unit: string;
  regionCode: string;
  point: { type: 'Point'; coordinates: [number, number] };
  availableFrom: string;
  availableUntil: string;
  contact: { name: string; phoneEnc: string };
  status: 'open' | 'closed';
  createdBy: Types.ObjectId;
  createdAt: Date;
  /** Set by the one close that applied (the firm no longer needs or offers it). */
  closedAt?: Date | null;
  closedBy?: Types.ObjectId | null;
}

const postSchema = new Schema<PostDoc>(
  {
    enterpriseId: { type: Schema.Types.ObjectId, required: true },
    enterpriseName: { type: String, required: true },
    industry: { type: String, default: null },
    side: { type: String, enum: POST_SIDES, required: true },
    category: { type: String, enum: SUPPLY_CATEGORIES, required: true },
    title: { type: String, required: true },
    quantity: { type: Number, required: true },
    unit: { type: String, required: true },
    regionCode: { type: String, required: true },
    point: {
      type: new Schema({ type: { type: String, enum: ['Point'] }, coordinates: [Number] }, { _id: false }),
      required: true,
    },
    availableFrom: { type: String, required: true },
    availableUntil: { type: String, required: true },
    contact: { type: new Schema({ name: String, phoneEnc: String }, { _id: false }), required: true },
    status: { type: String, enum: ['open', 'closed'], required: true },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true },
    closedAt: { type: Date, default: null },
    closedBy: { type: Schema.Types.ObjectId, default: null },
  },
  { versionKey: false, collection: 'supply_posts' },
);
// Candidates: open posts of the other side in the category, nearest first ($near needs 2dsphere).
postSchema.index({ point: '2dsphere', side: 1, category: 1, status: 1 });
// A firm's own posts, newest first.
postSchema.index({ enterpriseId: 1, createdAt: -1 });
// The figures: open posts by side and category; 工信局's list filtered by status, 供/需, category.
postSchema.index({ status: 1, side: 1, category: 1 });
// 工信局's list in its two orders: soonest to end, newest first (the filters narrow within them).
postSchema.index({ availableUntil: 1, _id: 1 });
postSchema.index({ createdAt: -1, _id: -1 });

/** A proposed or confirmed pairing of one supply post and one demand post. */
export interface MatchDoc {
  _id: Types.ObjectId;
  supplyPostId: Types.ObjectId;
  demandPostId: Types.ObjectId;
  supplyEnterpriseId: Types.ObjectId;
  demandEnterpriseId: Types.ObjectId;
  category: SupplyCategory;
  status: MatchStatus;
  proposedBy: PostSide;
  proposedAt: Date;
  confirmedAt: Date | null;
  confirmedBy: Types.ObjectId | null;
  distanceKm: number;
  /** Both parties' regions and industries and the sooner end of the two posts: 工信局's filters. */
  regionCodes?: string[];
  industries?: string[];
  untilDay?: string;
  /** A proposal ends, unconfirmed, when either post closes; both parties read why. */
  endedAt?: Date | null;
  endedReason?: string | null;
}

const matchSchema = new Schema<MatchDoc>(
  {
    supplyPostId: { type: Schema.Types.ObjectId, required: true },
    demandPostId: { type: Schema.Types.ObjectId, required: true },
    supplyEnterpriseId: { type: Schema.Types.ObjectId, required: true },
    demandEnterpriseId: { type: Schema.Types.ObjectId, required: true },
    category: { type: String, enum: SUPPLY_CATEGORIES, required: true },
    status: { type: String, enum: MATCH_STATUSES, required: true },
    proposedBy: { type: String, enum: POST_SIDES, required: true },
    proposedAt: { type: Date, required: true },
    confirmedAt: { type: Date, default: null },
    confirmedBy: { type: Schema.Types.ObjectId, default: null },
    distanceKm: { type: Number, required: true },
    regionCodes: { type: [String], default: [] },
    industries: { type: [String], default: [] },
    untilDay: { type: String, default: null },
    endedAt: { type: Date, default: null },
    endedReason: { type: String, default: null },
  },
  { versionKey: false, collection: 'supply_matches' },
);
// One match per pair of posts: proposing the same pairing twice is refused by the database.
matchSchema.index({ supplyPostId: 1, demandPostId: 1 }, { unique: true });
// Closing a demand post ends its pending proposals (a supply post's are found by the unique index's prefix).
matchSchema.index({ demandPostId: 1, status: 1 });
// A firm's matches on either side, newest first.
matchSchema.index({ supplyEnterpriseId: 1, proposedAt: -1 });
matchSchema.index({ demandEnterpriseId: 1, proposedAt: -1 });
// 工信局's list and the figures by status; the list soonest-to-end first.
matchSchema.index({ status: 1, proposedAt: -1 });
matchSchema.index({ untilDay: 1, _id: 1 });
// 工信局's list by either party's region (multikey).
matchSchema.index({ regionCodes: 1, proposedAt: -1 });

/** A lead firm's 核心配套供应商. */
export interface SupplierDoc {
  _id: Types.ObjectId;
  leadEnterpriseId: Types.ObjectId;
  name: string;
  regionCode: string;
  enterpriseId: Types.ObjectId | null;
  supplies: string;
  reportedReopened: boolean | null;
  coordinationIssueId: Types.ObjectId | null;
  createdAt: Date;
}

const supplierSchema = new Schema<SupplierDoc>(
  {
    leadEnterpriseId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    regionCode: { type: String, required: true },
    enterpriseId: { type: Schema.Types.ObjectId, default: null },
    supplies: { type: String, required: true },
    reportedReopened: { type: Boolean, default: null },
    coordinationIssueId: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'supply_chain_suppliers' },
);
// A lead firm's suppliers (its list), and one entry per supplier name per lead firm.
supplierSchema.index({ leadEnterpriseId: 1, name: 1 }, { unique: true });

export const postModel = (c: Connection): Model<PostDoc> =>
  c.models.SupplyPost ?? c.model<PostDoc>('SupplyPost', postSchema);
export const matchModel = (c: Connection): Model<MatchDoc> =>
  c.models.SupplyMatch ?? c.model<MatchDoc>('SupplyMatch', matchSchema);
export const supplierModel = (c: Connection): Model<SupplierDoc> =>
  c.models.SupplyChainSupplier ?? c.model<SupplierDoc>('SupplyChainSupplier', supplierSchema);
