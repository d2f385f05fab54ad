import { Schema, type Types, type Connection, type Model } from 'mongoose';
import { POST_SIDES, SUPPLY_CATEGORIES, type PostSide, type SupplyCategory } from '@fugong/contracts';

/** One 供需 post; the contact phone only encrypted; the place a GeoJSON point for $near. */
export interface PostDoc {
  _id: Types.ObjectId;
  enterpriseId: Types.ObjectId;
  enterpriseName: string;
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
}

const postSchema = new Schema<PostDoc>(
  {
    enterpriseId: { type: Schema.Types.ObjectId, required: true },
    enterpriseName: { type: String, required: true },
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
  },
  { versionKey: false, collection: 'supply_posts' },
);
// Candidates: open posts of the other side in the category, nearest first ($near needs 2dsphere).
postSchema.index({ point: '2dsphere', side: 1, category: 1, status: 1 });
// A firm's own posts, newest first.
postSchema.index({ enterpriseId: 1, createdAt: -1 });
// The figures: open posts by side and category.
postSchema.index({ status: 1, side: 1, category: 1 });

/** A proposed or confirmed pairing of one supply post and one demand post. */
export interface MatchDoc {
  _id: Types.ObjectId;
  supplyPostId: Types.ObjectId;
  demandPostId: Types.ObjectId;
  supplyEnterpriseId: Types.ObjectId;
  demandEnterpriseId: Types.ObjectId;
  category: SupplyCategory;
  status: 'proposed' | 'confirmed';
  proposedBy: PostSide;
  proposedAt: Date;
  confirmedAt: Date | null;
  confirmedBy: Types.ObjectId | null;
  distanceKm: number;
}

const matchSchema = new Schema<MatchDoc>(
  {
    supplyPostId: { type: Schema.Types.ObjectId, required: true },
    demandPostId: { type: Schema.Types.ObjectId, required: true },
    supplyEnterpriseId: { type: Schema.Types.ObjectId, required: true },
    demandEnterpriseId: { type: Schema.Types.ObjectId, required: true },
    category: { type: String, enum: SUPPLY_CATEGORIES, required: true },
    status: { type: String, enum: ['proposed', 'confirmed'], required: true },
    proposedBy: { type: String, enum: POST_SIDES, required: true },
    proposedAt: { type: Date, required: true },
    confirmedAt: { type: Date, default: null },
    confirmedBy: { type: Schema.Types.ObjectId, default: null },
    distanceKm: { type: Number, required: true },
  },
  { versionKey: false, collection: 'supply_matches' },
);
// One match per pair of posts: proposing the same pairing twice is refused by the database.
matchSchema.index({ supplyPostId: 1, demandPostId: 1 }, { unique: true });
// A firm's matches on either side, newest first.
matchSchema.index({ supplyEnterpriseId: 1, proposedAt: -1 });
matchSchema.index({ demandEnterpriseId: 1, proposedAt: -1 });
// 工信局's list and the figures by status.
matchSchema.index({ status: 1, proposedAt: -1 });

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
