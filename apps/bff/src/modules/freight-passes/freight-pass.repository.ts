import { Types, type Model } from 'mongoose';
import type { FreightStatus } from '@fugong/contracts';
import type { FreightPassDoc } from './freight-pass.model';
import type { Connection } from 'mongoose';
import { freightPassModel } from './freight-pass.model';
import { oid } from '../../db/ids';
import type { FigureBump, FreightFiguresRepository } from './freight-figures.repository';

/** A pass as services see it: ids as strings, driver PII still encrypted. */
export type FreightPassRecord = Omit<
  FreightPassDoc,
  '_id' | 'enterpriseId' | 'appliedBy' | 'decidedBy' | 'revokedBy'
> & {
  id: string;
  enterpriseId: string;
  appliedBy: string;
  decidedBy: string | null;
  revokedBy: string | null;
};

export type NewFreightPass = Omit<
  FreightPassRecord,
  'id' | 'decidedAt' | 'decidedBy' | 'decisionNote' | 'revokedAt' | 'revokedBy' | 'revokeReason'
> & { decidedAt: Date | null };

const hex = (id: Types.ObjectId | null) => (id ? id.toHexString() : null);

function toRecord(d: FreightPassDoc): FreightPassRecord {
  const { _id, enterpriseId, appliedBy, decidedBy, revokedBy, ...rest } = d;
  return {
    ...rest,
    id: _id.toHexString(),
    enterpriseId: enterpriseId.toHexString(),
    appliedBy: appliedBy.toHexString(),
    decidedBy: hex(decidedBy),
    revokedBy: hex(revokedBy),
    cargoNote: d.cargoNote ?? '',
    decisionNote: d.decisionNote ?? '',
    revokeReason: d.revokeReason ?? '',
  };
}

const LIST_LIMIT = 200;

const issued = (p: FreightPassRecord): FigureBump => ({
  kind: 'issued',
  cargo: p.cargo,
  approvalPath: p.approvalPath,
});
/** A pass leaving one status for another: one fewer in the first, one more in the second. */
const moved = (from: FreightStatus, to: FreightStatus): FigureBump[] => [
  { kind: 'status', status: from, by: -1 },
  { kind: 'status', status: to, by: 1 },
];

export class FreightPassRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection, figures: FreightFiguresRepository): FreightPassRepository {
    return new FreightPassRepository(freightPassModel(conn), figures);
  }

  constructor(
    private readonly model: Model<FreightPassDoc>,
    /** Every write below moves the command's figures in the same transaction. */
    private readonly figures: FreightFiguresRepository,
  ) {}

  async create(p: NewFreightPass): Promise<FreightPassRecord> {
    const created = await this.figures.withCounts(async (session) => {
      const [doc] = await this.model.create(
        [{ ...p, enterpriseId: oid(p.enterpriseId), appliedBy: oid(p.appliedBy) }],
        { session },
      );
      const pass = toRecord(doc.toObject() as FreightPassDoc);
      const bumps: FigureBump[] = [{ kind: 'status', status: pass.status, by: 1 }];
      if (pass.status === 'approved') bumps.push(issued(pass));
      return { value: pass, bumps };
    });
    return created as FreightPassRecord;
  }

  async findById(id: string): Promise<FreightPassRecord | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.model.findById(id).lean<FreightPassDoc>();
    return doc ? toRecord(doc) : null;
  }

  /** Passes of one firm (the liaison's list), or of every firm when `enterpriseId` is null. */
  async list(enterpriseId: string | null, status?: FreightStatus): Promise<FreightPassRecord[]> {
    const q: Record<string, unknown> = {};
    if (enterpriseId) q.enterpriseId = oid(enterpriseId);
    if (status) q.status = status;
    const docs = await this.model.find(q).sort({ appliedAt: -1 }).limit(LIST_LIMIT).lean<FreightPassDoc[]>();
    return docs.map(toRecord);
  }

  /** Pending passes, soonest review deadline first. */
  async pending(): Promise<FreightPassRecord[]> {
    const docs = await this.model
      .find({ status: 'pending' })
      .sort({ reviewDueAt: 1, _id: 1 })
      .limit(LIST_LIMIT)
      .lean<FreightPassDoc[]>();
    return docs.map(toRecord);
  }

  async listForDriver(phoneHash: string): Promise<FreightPassRecord[]> {
    const docs = await this.model
      .find({ 'driver.phoneHash': phoneHash })
      .sort({ appliedAt: -1 })
      .limit(50)
      .lean<FreightPassDoc[]>();
    return docs.map(toRecord);
  }

  /**
   * pending → approved/refused in one guarded update: of two officers deciding the same pass at
   * once, exactly one matches `status: 'pending'`; the other gets null and is told who was first.
   */
  async decide(
    id: string,
    to: 'approved' | 'refused',
    by: string,
    at: Date,
    note: string,
  ): Promise<FreightPassRecord | null> {
    return this.figures.withCounts(async (session) => {
      const doc = await this.model
        .findOneAndUpdate(
          { _id: oid(id), status: 'pending' },
          { $set: { status: to, decidedAt: at, decidedBy: oid(by), decisionNote: note } },
          { returnDocument: 'after', session },
        )
        .lean<FreightPassDoc>();
      if (!doc) return null;
      const pass = toRecord(doc);
      const bumps: FigureBump[] = [...moved('pending', to)];
      if (to === 'approved') bumps.push(issued(pass));
      return { value: pass, bumps };
    });
  }

  /** approved → revoked, guarded the same way; the next scan reads the new status. */
  async revoke(id: string, by: string, at: Date, reason: string): Promise<FreightPassRecord | null> {
    return this.figures.withCounts(async (session) => {
      const doc = await this.model
        .findOneAndUpdate(
          { _id: oid(id), status: 'approved' },
          { $set: { status: 'revoked', revokedAt: at, revokedBy: oid(by), revokeReason: reason } },
          { returnDocument: 'after', session },
        )
        .lean<FreightPassDoc>();
      // Still counted as issued: a revoked pass was issued once.
      return doc ? { value: toRecord(doc), bumps: moved('approved', 'revoked') } : null;
    });
  }
}
