import { Types, type Connection, type Model } from 'mongoose';
import type { RosterPerson, UnemploymentRefundInput } from '@fugong/domain';
import type { SubsidyImportKind } from '@fugong/contracts';
import {
  factModels,
  type FactModels,
  type FactPeriodDoc,
  type PersonRowDoc,
  type PremiumRowDoc,
  type RosterRowDoc,
} from './fact.model';

export type FactKind = SubsidyImportKind;
/** The kinds kept as person rows (one collection, kind-specific attributes). */
export type PersonFactKind = 'placements' | 'trainings' | 'charters';
export type RosterRow = RosterPerson & { enterpriseId: string };
export type PremiumRow = UnemploymentRefundInput & { enterpriseId: string };
export type PersonRow = Omit<PersonRowDoc, '_id' | 'batchId' | 'enterpriseId'> & { enterpriseId: string };

const pointerId = (kind: FactKind, period: string) => `${kind}:${period}`;

/** Imported facts, replaced a whole period at a time (see fact.model.ts for why this is atomic). */
export class FactRepository {
  /** Built on a connection: which models and collections it uses is this repository's business. */
  static on(conn: Connection): FactRepository {
    return new FactRepository(factModels(conn));
  }

  constructor(private readonly m: FactModels) {}

  /**
   * Writes the rows as a new batch, moves the period's pointer to it, then removes the batch it
   * replaced. A crash before the pointer moves leaves only unreferenced rows, never a half period.
   * Returns how many rows the replaced batch had.
   */
  async replacePeriod(
    kind: 'roster',
    period: string,
    rows: RosterRow[],
    by: string,
    at: Date,
  ): Promise<number>;
  async replacePeriod(
    kind: 'premiums',
    period: string,
    rows: PremiumRow[],
    by: string,
    at: Date,
  ): Promise<number>;
  async replacePeriod(
    kind: PersonFactKind,
    period: string,
    rows: PersonRow[],
    by: string,
    at: Date,
  ): Promise<number>;
  async replacePeriod(
    kind: FactKind,
    period: string,
    rows: (RosterRow | PremiumRow | PersonRow)[],
    by: string,
    at: Date,
  ): Promise<number> {
    const batchId = new Types.ObjectId();
    const docs = rows.map((r) => ({ ...r, batchId, enterpriseId: new Types.ObjectId(r.enterpriseId) }));
    // Both row models share batchId and enterpriseId, which is all this method touches.
    const model = kind === 'roster' ? this.m.roster : kind === 'premiums' ? this.m.premiums : this.m.people;
    const target = model as unknown as Model<{
      batchId: Types.ObjectId;
    }>;
    if (docs.length > 0) await target.insertMany(docs, { ordered: true });
    const before = await this.m.periods
      .findOneAndUpdate(
        { _id: pointerId(kind, period) },
        { $set: { batchId, rows: rows.length, importedBy: by, importedAt: at } },
        { upsert: true, returnDocument: 'before' },
      )
      .lean<FactPeriodDoc>();
    if (before) await target.deleteMany({ batchId: before.batchId });
    return before?.rows ?? 0;
  }

  private async currentBatch(kind: FactKind, period: string): Promise<Types.ObjectId | null> {
    const p = await this.m.periods.findById(pointerId(kind, period)).lean<FactPeriodDoc>();
    return p?.batchId ?? null;
  }

  /** The period's roster, or null when none was imported. */
  async roster(period: string): Promise<RosterRow[] | null> {
    const batchId = await this.currentBatch('roster', period);
    if (!batchId) return null;
    const docs = await this.m.roster.find({ batchId }).lean<RosterRowDoc[]>();
    return docs.map((d) => ({
      enterpriseId: d.enterpriseId.toHexString(),
      personKey: d.personKey,
      hiredOn: d.hiredOn,
      contractStart: d.contractStart,
      contractEnd: d.contractEnd ?? null,
      insured: d.insured,
    }));
  }

  /** The period's premiums and layoffs, or null when none were imported. */
  async premiums(period: string): Promise<PremiumRow[] | null> {
    const batchId = await this.currentBatch('premiums', period);
    if (!batchId) return null;
    const docs = await this.m.premiums.find({ batchId }).lean<PremiumRowDoc[]>();
    return docs.map((d) => ({
      enterpriseId: d.enterpriseId.toHexString(),
      sme: d.sme,
      insuredAtStart: d.insuredAtStart,
      layoffs: d.layoffs,
      premiumsPaidFen: d.premiumsPaidFen,
    }));
  }

  /** The period's person rows of a kind (placements, trainings, charters), or null when none were imported. */
  async people(kind: PersonFactKind, period: string): Promise<PersonRow[] | null> {
    const batchId = await this.currentBatch(kind, period);
    if (!batchId) return null;
    const docs = await this.m.people.find({ batchId }).lean<PersonRowDoc[]>();
    return docs.map(({ _id, batchId: _b, enterpriseId, ...rest }) => ({
      ...rest,
      enterpriseId: enterpriseId.toHexString(),
    }));
  }
}
