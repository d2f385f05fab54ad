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

  /**
   * A period's imported rows of one kind, one firm at a time in enterprise order, read through a
   * cursor in batches: a run over a 400,000-person roster holds one firm's rows, not the roster.
   * Null when the kind was not imported for the period. `rows` is the import's count, for progress.
   */
  async byFirm(kind: 'roster', period: string): Promise<FirmStream<RosterRow> | null>;
  async byFirm(kind: 'premiums', period: string): Promise<FirmStream<PremiumRow> | null>;
  async byFirm(kind: PersonFactKind, period: string): Promise<FirmStream<PersonRow> | null>;
  async byFirm(
    kind: FactKind,
    period: string,
  ): Promise<FirmStream<RosterRow | PremiumRow | PersonRow> | null> {
    const pointer = await this.m.periods.findById(pointerId(kind, period)).lean<FactPeriodDoc>();
    if (!pointer) return null;
    const model = (kind === 'roster'
      ? this.m.roster
      : kind === 'premiums'
        ? this.m.premiums
        : this.m.people) as unknown as Model<RowDoc>;
    const toRow: (d: never) => RosterRow | PremiumRow | PersonRow =
      kind === 'roster' ? rosterRow : kind === 'premiums' ? premiumRow : personRow;
    const batchId = pointer.batchId;
    return {
      rows: pointer.rows,
      firms: () => groupedByFirm(model, batchId, toRow),
    };
  }
}

/** One firm's rows, in the order a run reads them. */
export type FirmRows<T> = [enterpriseId: string, rows: T[]];
export interface FirmStream<T> {
  rows: number;
  /** Each call reads the batch afresh (a run reads it twice: once to fingerprint, once to write). */
  firms(): AsyncIterable<FirmRows<T>>;
}

type RowDoc = (RosterRowDoc | PremiumRowDoc | PersonRowDoc) & { enterpriseId: Types.ObjectId };
const CURSOR_BATCH = 2_000;

/** Consecutive rows of one enterprise (the cursor is sorted on the batch's enterprise index). */
async function* groupedByFirm<T>(
  model: Model<RowDoc>,
  batchId: Types.ObjectId,
  toRow: (d: never) => T,
): AsyncGenerator<FirmRows<T>> {
  const cursor = model
    .find({ batchId })
    .sort({ enterpriseId: 1 })
    .lean<RowDoc[]>()
    .cursor({ batchSize: CURSOR_BATCH });
  let current: string | null = null;
  let rows: T[] = [];
  for await (const doc of cursor as AsyncIterable<RowDoc>) {
    const id = doc.enterpriseId.toHexString();
    if (id !== current) {
      if (current !== null) yield [current, rows];
      current = id;
      rows = [];
    }
    rows.push(toRow(doc as never));
  }
  if (current !== null) yield [current, rows];
}

const rosterRow = (d: RosterRowDoc): RosterRow => ({
  enterpriseId: d.enterpriseId.toHexString(),
  personKey: d.personKey,
  hiredOn: d.hiredOn,
  contractStart: d.contractStart,
  contractEnd: d.contractEnd ?? null,
  insured: d.insured,
});

const premiumRow = (d: PremiumRowDoc): PremiumRow => ({
  enterpriseId: d.enterpriseId.toHexString(),
  sme: d.sme,
  insuredAtStart: d.insuredAtStart,
  layoffs: d.layoffs,
  premiumsPaidFen: d.premiumsPaidFen,
});

const personRow = ({ _id, batchId: _b, enterpriseId, ...rest }: PersonRowDoc): PersonRow => ({
  ...rest,
  enterpriseId: enterpriseId.toHexString(),
});
