import { Types, type QueryFilter, type Model, type PipelineStage } from 'mongoose';
import { oid } from '../../db/ids';
import type { VacancyDoc } from './vacancy.model';
import type { Connection } from 'mongoose';
import { vacancyModel } from './vacancy.model';

export type VacancyRecord = Omit<VacancyDoc, '_id' | 'enterpriseId' | 'postedBy'> & {
  id: string;
  enterpriseId: string;
  postedBy: string;
  /** Metres from the search point, when searched near one. */
  distanceM?: number;
};
export type NewVacancy = Omit<VacancyRecord, 'id' | 'filled' | 'reserved' | 'distanceM'>;

/** What an edit may change: everything the firm wrote, never its counts, owner or status. */
export type VacancyEditFields = Omit<
  NewVacancy,
  'enterpriseId' | 'enterpriseName' | 'postedBy' | 'status' | 'postedAt' | 'idempotencyKey'
>;

export interface VacancyFilter {
  region?: string;
  industry?: string;
  wage?: number;
  contractKind?: VacancyDoc['contractKind'];
  keywordTerms?: string[];
  noCertificate?: boolean;
  freshSince: Date;
  near?: { lng: number; lat: number; maxMetres: number };
  limit: number;
}

function toRecord(d: VacancyDoc & { distanceM?: number }): VacancyRecord {
  const { _id, enterpriseId, postedBy, ...rest } = d;
  return {
    ...rest,
    id: _id.toHexString(),
    enterpriseId: enterpriseId.toHexString(),
    postedBy: postedBy.toHexString(),
  };
}

/** The open-vacancy cap every slot write carries: only an open vacancy with room takes one. */
const hasRoom = (field: '$filled' | '$reserved'): QueryFilter<VacancyDoc> => ({
  status: 'open',
  $expr: { $lt: [field, '$headcount'] },
});

export class VacancyRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): VacancyRepository {
    return new VacancyRepository(vacancyModel(conn));
  }

  constructor(private readonly model: Model<VacancyDoc>) {}

  async create(v: NewVacancy): Promise<VacancyRecord> {
    const doc = await this.model.create({
      ...v,
      enterpriseId: oid(v.enterpriseId),
      postedBy: oid(v.postedBy),
      filled: 0,
      reserved: 0,
    });
    return toRecord(doc.toObject());
  }

  async findByKey(postedBy: string, key: string): Promise<VacancyRecord | null> {
    const d = await this.model.findOne({ postedBy: oid(postedBy), idempotencyKey: key }).lean<VacancyDoc>();
    return d ? toRecord(d) : null;
  }

  async findById(id: string): Promise<VacancyRecord | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const d = await this.model.findById(id).lean<VacancyDoc>();
    return d ? toRecord(d) : null;
  }

  async listByEnterprises(ids: string[]): Promise<VacancyRecord[]> {
    const docs = await this.model
      .find({ enterpriseId: { $in: ids.map(oid) } })
      .sort({ postedAt: -1 })
      .limit(200)
      .lean<VacancyDoc[]>();
    return docs.map(toRecord);
  }

  /**
   * Open, fresh vacancies matching the filter. With a point: `$geoNear` on the 2dsphere index,
   * nearest first (valid on MongoDB too: first stage, one geo index on the collection); without
   * one: the most recently confirmed first.
   */
  async search(f: VacancyFilter): Promise<VacancyRecord[]> {
    const query: QueryFilter<VacancyDoc> = { status: 'open', confirmedAt: { $gt: f.freshSince } };
    if (f.region) query.regionCode = { $regex: `^${f.region}` };
    if (f.industry) query.industry = f.industry;
    if (f.wage !== undefined) query.wageMax = { $gte: f.wage };
    if (f.contractKind) query.contractKind = f.contractKind;
    if (f.noCertificate) query.certificateRequired = false;
    if (f.keywordTerms && f.keywordTerms.length > 0) query.keywords = { $all: f.keywordTerms };
    const project = { keywords: 0 };
    if (!f.near) {
      const docs = await this.model
        .find(query, project)
        .sort({ confirmedAt: -1 })
        .limit(f.limit)
        .lean<VacancyDoc[]>();
      return docs.map(toRecord);
    }
    const pipeline: PipelineStage[] = [
      {
        $geoNear: {
          near: { type: 'Point', coordinates: [f.near.lng, f.near.lat] },
          distanceField: 'distanceM',
          maxDistance: f.near.maxMetres,
          spherical: true,
          key: 'location',
          query,
        },
      },
      { $limit: f.limit },
      { $project: project },
    ];
    const docs = await this.model.aggregate<VacancyDoc & { distanceM: number }>(pipeline);
    return docs.map(toRecord);
  }

  /**
   * Open vacancies posted after `since` and still fresh, newest first: the day's new postings a
   * digest offers. `confirmedAt` is never before `postedAt`, so bounding it too lets the
   * { status, confirmedAt } prefix of the search index serve the read.
   */
  async postedSince(since: Date, freshSince: Date, limit: number): Promise<VacancyRecord[]> {
    const docs = await this.model
      .find(
        {
          status: 'open',
          confirmedAt: { $gt: since > freshSince ? since : freshSince },
          postedAt: { $gt: since },
        },
        { keywords: 0 },
      )
      .sort({ confirmedAt: -1 })
      .limit(limit)
      .lean<VacancyDoc[]>();
    return docs.map(toRecord);
  }

  /** Open, fresh vacancies in any of these industries (whom the firms' digest may tell of new seekers). */
  async openInIndustries(industries: string[], freshSince: Date, limit: number): Promise<VacancyRecord[]> {
    const docs = await this.model
      .find(
        { status: 'open', confirmedAt: { $gt: freshSince }, industry: { $in: industries } },
        { keywords: 0 },
      )
      .sort({ confirmedAt: -1 })
      .limit(limit)
      .lean<VacancyDoc[]>();
    return docs.map(toRecord);
  }

  /** The firm confirms the vacancy is current (resets staleness), maybe with a new headcount. */
  async confirm(
    id: string,
    enterpriseIds: string[],
    now: Date,
    headcount?: number,
  ): Promise<VacancyRecord | null> {
    const filter: QueryFilter<VacancyDoc> = {
      _id: oid(id),
      enterpriseId: { $in: enterpriseIds.map(oid) },
      status: { $in: ['open', 'full'] },
    };
    // Never below the hires made: the guard is in the filter, not a read before the write.
    if (headcount !== undefined) filter.filled = { $lte: headcount };
    const set: Partial<VacancyDoc> = { confirmedAt: now };
    if (headcount !== undefined) set.headcount = headcount;
    const d = await this.model
      .findOneAndUpdate(filter, { $set: set }, { returnDocument: 'after' })
      .lean<VacancyDoc>();
    return d ? toRecord(d) : null;
  }

  /** Restates a posting of the actor's firms while it is open or full, never below its hires. */
  async edit(id: string, enterpriseIds: string[], set: VacancyEditFields): Promise<VacancyRecord | null> {
    const d = await this.model
      .findOneAndUpdate(
        {
          _id: oid(id),
          enterpriseId: { $in: enterpriseIds.map(oid) },
          status: { $in: ['open', 'full'] },
          filled: { $lte: set.headcount },
        },
        { $set: set },
        { returnDocument: 'after' },
      )
      .lean<VacancyDoc>();
    return d ? toRecord(d) : null;
  }

  /** Re-derives open/full after a headcount or hire change (guarded by the counts it finds). */
  async settleStatus(id: string): Promise<void> {
    await this.model.updateOne(
      { _id: oid(id), status: 'open', $expr: { $gte: ['$filled', '$headcount'] } },
      { $set: { status: 'full' } },
    );
    await this.model.updateOne(
      { _id: oid(id), status: 'full', $expr: { $lt: ['$filled', '$headcount'] } },
      { $set: { status: 'open' } },
    );
  }

  async withdraw(id: string, enterpriseIds: string[]): Promise<VacancyRecord | null> {
    const d = await this.model
      .findOneAndUpdate(
        { _id: oid(id), enterpriseId: { $in: enterpriseIds.map(oid) }, status: { $in: ['open', 'full'] } },
        { $set: { status: 'withdrawn' } },
        { returnDocument: 'after' },
      )
      .lean<VacancyDoc>();
    return d ? toRecord(d) : null;
  }

  /** An offer holds a place: refused (null) once filled + outstanding offers reach headcount. */
  async reserveOffer(id: string): Promise<boolean> {
    const r = await this.model.updateOne(
      { _id: oid(id), ...hasRoom('$reserved') },
      { $inc: { reserved: 1 } },
    );
    return r.modifiedCount === 1;
  }

  /** A declined (or lapsed) offer gives its place back. */
  async releaseOffer(id: string): Promise<void> {
    await this.model.updateOne({ _id: oid(id), reserved: { $gt: 0 } }, { $inc: { reserved: -1 } });
  }

  /** 定岗 takes a headcount slot: the filter requires filled < headcount on an open vacancy. */
  async claimHire(id: string): Promise<boolean> {
    const r = await this.model.updateOne({ _id: oid(id), ...hasRoom('$filled') }, { $inc: { filled: 1 } });
    return r.modifiedCount === 1;
  }

  /** Gives a slot back when the application's own guarded step did not apply after all. */
  async releaseHire(id: string): Promise<void> {
    await this.model.updateOne({ _id: oid(id), filled: { $gt: 0 } }, { $inc: { filled: -1 } });
  }
}
