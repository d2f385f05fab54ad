import { Types, type QueryFilter, type Model, type UpdateQuery } from 'mongoose';
import { oid } from '../../db/ids';
import type { ApplicationStatus } from '@fugong/contracts';
import { isDuplicateKey } from '../../db/errors';
import type { ApplicationDoc, TimelineEntry } from './application.model';
import type { Connection } from 'mongoose';
import { applicationModel } from './application.model';

export type ApplicationRecord = Omit<
  ApplicationDoc,
  '_id' | 'vacancyId' | 'enterpriseId' | 'seekerUserId'
> & {
  id: string;
  vacancyId: string;
  enterpriseId: string;
  seekerUserId: string;
};
export type NewApplication = Omit<ApplicationRecord, 'id'>;

function toRecord(d: ApplicationDoc): ApplicationRecord {
  const { _id, vacancyId, enterpriseId, seekerUserId, ...rest } = d;
  return {
    ...rest,
    id: _id.toHexString(),
    vacancyId: vacancyId.toHexString(),
    enterpriseId: enterpriseId.toHexString(),
    seekerUserId: seekerUserId.toHexString(),
  };
}

export interface ApplicationScope {
  seekerUserId?: string;
  enterpriseIds?: string[];
  vacancyId?: string;
  status?: ApplicationStatus;
}

export class ApplicationRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): ApplicationRepository {
    return new ApplicationRepository(applicationModel(conn));
  }

  constructor(private readonly model: Model<ApplicationDoc>) {}

  /** 'duplicate' when this seeker already applied to this vacancy (unique index). */
  async create(a: NewApplication): Promise<ApplicationRecord | 'duplicate'> {
    try {
      const doc = await this.model.create({
        ...a,
        vacancyId: oid(a.vacancyId),
        enterpriseId: oid(a.enterpriseId),
        seekerUserId: oid(a.seekerUserId),
      });
      return toRecord(doc.toObject());
    } catch (err) {
      if (isDuplicateKey(err)) return 'duplicate';
      throw err;
    }
  }

  async findById(id: string): Promise<ApplicationRecord | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const d = await this.model.findById(id).lean<ApplicationDoc>();
    return d ? toRecord(d) : null;
  }

  /** Which of these seekers applied to this vacancy (the unique { vacancyId, seekerUserId } index). */
  async appliedAmong(vacancyId: string, seekerUserIds: string[]): Promise<Set<string>> {
    if (seekerUserIds.length === 0) return new Set();
    const docs = await this.model
      .find({ vacancyId: oid(vacancyId), seekerUserId: { $in: seekerUserIds.map(oid) } }, { seekerUserId: 1 })
      .lean<Pick<ApplicationDoc, 'seekerUserId'>[]>();
    return new Set(docs.map((d) => d.seekerUserId.toHexString()));
  }

  async list(scope: ApplicationScope, limit = 200): Promise<ApplicationRecord[]> {
    const q: QueryFilter<ApplicationDoc> = {};
    if (scope.seekerUserId) q.seekerUserId = oid(scope.seekerUserId);
    if (scope.enterpriseIds) q.enterpriseId = { $in: scope.enterpriseIds.map(oid) };
    if (scope.vacancyId) q.vacancyId = oid(scope.vacancyId);
    if (scope.status) q.status = scope.status;
    const docs = await this.model.find(q).sort({ appliedAt: -1 }).limit(limit).lean<ApplicationDoc[]>();
    return docs.map(toRecord);
  }

  /**
   * One step: applies only while the application is in one of `from` (the guard is the filter),
   * appending its timeline entry in the same write. Null when the guard did not hold.
   */
  async step(
    id: string,
    from: readonly ApplicationStatus[],
    entry: TimelineEntry,
    set: Partial<ApplicationDoc> | Record<string, unknown> = {},
  ): Promise<ApplicationRecord | null> {
    const update: UpdateQuery<ApplicationDoc> = {
      $set: { ...set, status: entry.status },
      $push: { timeline: entry },
    };
    const d = await this.model
      .findOneAndUpdate({ _id: oid(id), status: { $in: [...from] } }, update, { returnDocument: 'after' })
      .lean<ApplicationDoc>();
    return d ? toRecord(d) : null;
  }
}
