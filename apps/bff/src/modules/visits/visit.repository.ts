import { Types, type Model } from 'mongoose';
import type { VisitDoc } from './visit.model';
import type { Connection } from 'mongoose';
import { visitModel } from './visit.model';
import { oid } from '../../db/ids';

export interface VisitRecord {
  id: string;
  enterpriseId: string;
  stewardId: string;
  visitedAt: Date;
  place: string;
  location: { lat: number; lng: number } | null;
  checklist: VisitDoc['checklist'];
  findings: string;
  issueIds: string[];
  createdAt: Date;
}

const toRecord = (d: VisitDoc): VisitRecord => ({
  id: d._id.toHexString(),
  enterpriseId: d.enterpriseId.toHexString(),
  stewardId: d.stewardId.toHexString(),
  visitedAt: d.visitedAt,
  place: d.place,
  location: d.location ? { lat: d.location.lat, lng: d.location.lng } : null,
  checklist: d.checklist.map((c) => ({ key: c.key, status: c.status, note: c.note ?? '' })),
  findings: d.findings ?? '',
  issueIds: (d.issueIds ?? []).map((i) => i.toHexString()),
  createdAt: d.createdAt,
});

export class VisitRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): VisitRepository {
    return new VisitRepository(visitModel(conn));
  }

  constructor(private readonly model: Model<VisitDoc>) {}

  // ---- Reads for the dashboard's rollups (their sync and their recount from raw data), as stored.

  /** An enterprise's latest visit (its time only); null before the first. */
  latestStoredOf(enterpriseId: Types.ObjectId): Promise<Pick<VisitDoc, '_id' | 'visitedAt'> | null> {
    return this.model.findOne({ enterpriseId }, { visitedAt: 1 }).sort({ visitedAt: -1 }).lean<VisitDoc>();
  }

  /** Every visit's enterprise, steward and time, as a cursor. */
  visitsForRecount(batchSize: number) {
    return this.model
      .find({}, { enterpriseId: 1, stewardId: 1, visitedAt: 1 })
      .lean<Pick<VisitDoc, '_id' | 'enterpriseId' | 'stewardId' | 'visitedAt'>>()
      .cursor({ batchSize });
  }

  async create(input: Omit<VisitRecord, 'id' | 'issueIds'>): Promise<VisitRecord> {
    const doc = await this.model.create({
      ...input,
      enterpriseId: oid(input.enterpriseId),
      stewardId: oid(input.stewardId),
      issueIds: [],
    });
    return toRecord(doc.toObject() as VisitDoc);
  }

  /** Records the issues raised from the visit ($addToSet: a retry adds nothing twice). */
  async addIssues(id: string, issueIds: string[]): Promise<VisitRecord | null> {
    const doc = await this.model
      .findByIdAndUpdate(
        id,
        { $addToSet: { issueIds: { $each: issueIds.map(oid) } } },
        { returnDocument: 'after' },
      )
      .lean<VisitDoc>();
    return doc ? toRecord(doc) : null;
  }

  async findById(id: string): Promise<VisitRecord | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.model.findById(id).lean<VisitDoc>();
    return doc ? toRecord(doc) : null;
  }

  async listForEnterprise(enterpriseId: string, limit = 50): Promise<VisitRecord[]> {
    return (
      await this.model
        .find({ enterpriseId: oid(enterpriseId) })
        .sort({ visitedAt: -1 })
        .limit(limit)
        .lean<VisitDoc[]>()
    ).map(toRecord);
  }

  /** The last visit time of each enterprise that has one. */
  async lastVisitAt(enterpriseIds: string[]): Promise<Map<string, Date>> {
    if (enterpriseIds.length === 0) return new Map();
    const rows = await this.model.aggregate<{ _id: Types.ObjectId; last: Date }>([
      { $match: { enterpriseId: { $in: enterpriseIds.map(oid) } } },
      { $group: { _id: '$enterpriseId', last: { $max: '$visitedAt' } } },
    ]);
    return new Map(rows.map((r) => [r._id.toHexString(), new Date(r.last)]));
  }

  /** Per steward, visits since `since` and the issues those visits raised. */
  async countsBySteward(
    stewardIds: string[],
    since: Date,
  ): Promise<Map<string, { visits: number; issuesRaised: number }>> {
    if (stewardIds.length === 0) return new Map();
    const rows = await this.model.aggregate<{ _id: Types.ObjectId; visits: number; issuesRaised: number }>([
      { $match: { stewardId: { $in: stewardIds.map(oid) }, visitedAt: { $gte: since } } },
      {
        $group: {
          _id: '$stewardId',
          visits: { $sum: 1 },
          issuesRaised: { $sum: { $size: { $ifNull: ['$issueIds', []] } } },
        },
      },
    ]);
    return new Map(rows.map(({ _id, ...counts }) => [_id.toHexString(), counts]));
  }
}
