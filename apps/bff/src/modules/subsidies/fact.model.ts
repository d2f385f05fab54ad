import { Schema, type Connection, type Model, type Types } from 'mongoose';

/**
 * Imported facts. A re-import of a period never edits rows in place: it writes a new batch, then
 * moves the period's pointer to it in one atomic update (`subsidy_fact_periods`), then deletes the
 * old batch. A reader follows the pointer, so it sees the old batch or the new one, never a mix —
 * on the embedded database and on a replica set alike, without a transaction.
 */
export interface FactPeriodDoc {
  /** `${kind}:${period}`: one pointer per kind and period, so two imports race on one document. */
  _id: string;
  batchId: Types.ObjectId;
  rows: number;
  importedBy: string;
  importedAt: Date;
}

export interface RosterRowDoc {
  _id: Types.ObjectId;
  batchId: Types.ObjectId;
  enterpriseId: Types.ObjectId;
  /** Keyed hash of the ID number (PiiCipher.lookupHash): a person is matched, never stored. */
  personKey: string;
  hiredOn: string;
  contractStart: string;
  contractEnd: string | null;
  insured: boolean;
}

export interface PremiumRowDoc {
  _id: Types.ObjectId;
  batchId: Types.ObjectId;
  enterpriseId: Types.ObjectId;
  sme: boolean;
  insuredAtStart: number;
  layoffs: number;
  premiumsPaidFen: number;
}

/**
 * A person-level fact from the referral, training and charter imports: who, for which firm, and
 * the few attributes that kind needs (the rest stay unset).
 */
export interface PersonRowDoc {
  _id: Types.ObjectId;
  batchId: Types.ObjectId;
  enterpriseId: Types.ObjectId;
  personKey: string;
  agencyKind?: 'public' | 'licensed' | 'unlicensed';
  category?: 'skilled' | 'graduate' | 'other';
  verified?: boolean;
  firmKinds?: string[];
  programme?: 'online' | 'apprenticeship' | 'project';
  tripId?: string;
  originRegion?: string;
}

const periodSchema = new Schema<FactPeriodDoc>(
  {
    _id: { type: String, required: true },
    batchId: { type: Schema.Types.ObjectId, required: true },
    rows: { type: Number, required: true },
    importedBy: { type: String, required: true },
    importedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'subsidy_fact_periods' },
);

const rosterSchema = new Schema<RosterRowDoc>(
  {
    batchId: { type: Schema.Types.ObjectId, required: true },
    enterpriseId: { type: Schema.Types.ObjectId, required: true },
    personKey: { type: String, required: true },
    hiredOn: { type: String, required: true },
    contractStart: { type: String, required: true },
    contractEnd: { type: String, default: null },
    insured: { type: Boolean, required: true },
  },
  { versionKey: false, collection: 'subsidy_roster_rows' },
);
// A run reads one batch grouped by enterprise; deleting a replaced batch is by batchId.
rosterSchema.index({ batchId: 1, enterpriseId: 1 });

const premiumSchema = new Schema<PremiumRowDoc>(
  {
    batchId: { type: Schema.Types.ObjectId, required: true },
    enterpriseId: { type: Schema.Types.ObjectId, required: true },
    sme: { type: Boolean, required: true },
    insuredAtStart: { type: Number, required: true },
    layoffs: { type: Number, required: true },
    premiumsPaidFen: { type: Number, required: true },
  },
  { versionKey: false, collection: 'subsidy_premium_rows' },
);
// One row per firm in a batch (the import rejects duplicates; this makes a retry of the same
// insert unable to double a firm's premiums). Serves the run's read and the batch delete.
premiumSchema.index({ batchId: 1, enterpriseId: 1 }, { unique: true });

const personSchema = new Schema<PersonRowDoc>(
  {
    batchId: { type: Schema.Types.ObjectId, required: true },
    enterpriseId: { type: Schema.Types.ObjectId, required: true },
    personKey: { type: String, required: true },
    agencyKind: { type: String },
    category: { type: String },
    verified: { type: Boolean },
    firmKinds: { type: [String], default: undefined },
    programme: { type: String },
    tripId: { type: String },
    originRegion: { type: String },
  },
  { versionKey: false, collection: 'subsidy_person_rows' },
);
// A run reads one batch (one kind and period) grouped by enterprise; a replaced batch is deleted by batchId.
personSchema.index({ batchId: 1, enterpriseId: 1 });

/** Registers the models on a connection. */
export function factModels(conn: Connection) {
  return {
    periods:
      (conn.models.SubsidyFactPeriod as Model<FactPeriodDoc> | undefined) ??
      conn.model<FactPeriodDoc>('SubsidyFactPeriod', periodSchema),
    roster:
      (conn.models.SubsidyRosterRow as Model<RosterRowDoc> | undefined) ??
      conn.model<RosterRowDoc>('SubsidyRosterRow', rosterSchema),
    premiums:
      (conn.models.SubsidyPremiumRow as Model<PremiumRowDoc> | undefined) ??
      conn.model<PremiumRowDoc>('SubsidyPremiumRow', premiumSchema),
    people:
      (conn.models.SubsidyPersonRow as Model<PersonRowDoc> | undefined) ??
      conn.model<PersonRowDoc>('SubsidyPersonRow', personSchema),
  };
}
export type FactModels = ReturnType<typeof factModels>;
