import { Schema, type Types, type Connection, type Model } from 'mongoose';
import {
  APPROVAL_PATHS,
  CARGO_CATEGORIES,
  FREIGHT_STATUSES,
  VEHICLE_TYPES,
  type ApprovalPath,
  type CargoCategory,
  type FreightStatus,
  type VehicleType,
} from '@fugong/contracts';

/** 货车通行证: one vehicle, one driver, one cargo category, one route, one validity window. */
export interface FreightPassDoc {
  _id: Types.ObjectId;
  enterpriseId: Types.ObjectId;
  enterpriseName: string;
  appliedBy: Types.ObjectId;
  plate: string;
  vehicleType: VehicleType;
  /** Phone and ID number only encrypted; the phone's keyed hash finds the driver's own passes. */
  driver: { name: string; phoneEnc: string; phoneHash: string; idNumberEnc: string };
  cargo: CargoCategory;
  cargoNote: string;
  route: {
    originRegionCode: string;
    originText: string;
    destinationRegionCode: string;
    destinationText: string;
  };
  validFrom: Date;
  validUntil: Date;
  approvalPath: ApprovalPath;
  status: FreightStatus;
  commitment: { version: string; signedAt: Date };
  appliedAt: Date;
  reviewDueAt: Date | null;
  decidedAt: Date | null;
  decidedBy: Types.ObjectId | null;
  decisionNote: string;
  revokedAt: Date | null;
  revokedBy: Types.ObjectId | null;
  revokeReason: string;
}

const schema = new Schema<FreightPassDoc>(
  {
    enterpriseId: { type: Schema.Types.ObjectId, required: true },
    enterpriseName: { type: String, required: true },
    appliedBy: { type: Schema.Types.ObjectId, required: true },
    plate: { type: String, required: true },
    vehicleType: { type: String, enum: VEHICLE_TYPES, required: true },
    driver: {
      type: new Schema(
        {
          name: { type: String, required: true },
          phoneEnc: { type: String, required: true },
          phoneHash: { type: String, required: true },
          idNumberEnc: { type: String, required: true },
        },
        { _id: false },
      ),
      required: true,
    },
    cargo: { type: String, enum: CARGO_CATEGORIES, required: true },
    cargoNote: { type: String, default: '' },
    route: {
      type: new Schema(
        {
          originRegionCode: { type: String, required: true },
          originText: { type: String, required: true },
          destinationRegionCode: { type: String, required: true },
          destinationText: { type: String, required: true },
        },
        { _id: false },
      ),
      required: true,
    },
    validFrom: { type: Date, required: true },
    validUntil: { type: Date, required: true },
    approvalPath: { type: String, enum: APPROVAL_PATHS, required: true },
    status: { type: String, enum: FREIGHT_STATUSES, required: true },
    commitment: {
      type: new Schema({ version: String, signedAt: Date }, { _id: false }),
      required: true,
    },
    appliedAt: { type: Date, required: true },
    reviewDueAt: { type: Date, default: null },
    decidedAt: { type: Date, default: null },
    decidedBy: { type: Schema.Types.ObjectId, default: null },
    decisionNote: { type: String, default: '' },
    revokedAt: { type: Date, default: null },
    revokedBy: { type: Schema.Types.ObjectId, default: null },
    revokeReason: { type: String, default: '' },
  },
  { versionKey: false, collection: 'freight_passes' },
);

// A firm's own passes, newest first, optionally by status (the liaison's list).
schema.index({ enterpriseId: 1, status: 1, appliedAt: -1 });
// The transport officer's review queue: pending passes, soonest deadline first.
schema.index({ status: 1, reviewDueAt: 1 });
// "My passes as a driver": the signed-in person's phone hash, newest first.
schema.index({ 'driver.phoneHash': 1, appliedAt: -1 });
// The command's figures are counters of their own (freight-figures.model.ts): no index here.

/** Registers the model on a connection. */
export function freightPassModel(conn: Connection): Model<FreightPassDoc> {
  return conn.models.FreightPass ?? conn.model<FreightPassDoc>('FreightPass', schema);
}
