import { Types, type Connection, type Model } from 'mongoose';
import { oid } from '../../db/ids';
import { insertEach } from '../../db/insert-each';
import type { DigestDoc, DigestRunDoc } from './digest.model';
import { digestModel, digestRunModel } from './digest.model';

export interface NewDigest {
  userId: string;
  day: string;
  kind: DigestDoc['kind'];
  vacancyIds: string[];
  title: string;
  body: string;
  page: string;
}
export type DigestRecord = NewDigest & { id: string };

const toRecord = (d: DigestDoc): DigestRecord => ({
  id: d._id.toHexString(),
  userId: d.userId.toHexString(),
  day: d.day,
  kind: d.kind,
  vacancyIds: d.vacancyIds.map((v) => v.toHexString()),
  title: d.title,
  body: d.body,
  page: d.page,
});

/** The daily digests and the day's sweep marks. */
export class DigestRepository {
  static on(conn: Connection): DigestRepository {
    return new DigestRepository(digestModel(conn), digestRunModel(conn));
  }

  constructor(
    private readonly model: Model<DigestDoc>,
    private readonly runs: Model<DigestRunDoc>,
  ) {}

  /**
   * Claims many people's digests in one unordered insert (a page of the sweep): the records
   * whose insert applied. A person who already has one for the day is refused by the unique
   * index and left out; any other failure is thrown.
   */
  async claimMany(ds: NewDigest[], now: Date): Promise<DigestRecord[]> {
    if (ds.length === 0) return [];
    const docs = ds.map((d) => ({
      ...d,
      _id: new Types.ObjectId(),
      userId: oid(d.userId),
      vacancyIds: d.vacancyIds.map(oid),
      createdAt: now,
      queuedAt: null,
    }));
    const outcomes = await insertEach(this.model.collection, docs);
    const failed = outcomes.find((o): o is Error => o instanceof Error);
    if (failed) throw failed;
    return docs.filter((_, i) => outcomes[i] === 'inserted').map(toRecord);
  }

  /** Marks handed-on digests queued, in one write. */
  async markQueued(ids: string[], now: Date): Promise<void> {
    await this.model.updateMany({ _id: { $in: ids.map(oid) }, queuedAt: null }, { $set: { queuedAt: now } });
  }

  /** The day's claimed digests whose notice was never queued (their run stopped in between). */
  async unqueued(day: string, limit: number): Promise<DigestRecord[]> {
    const docs = await this.model.find({ day, queuedAt: null }).limit(limit).lean<DigestDoc[]>();
    return docs.map(toRecord);
  }

  /** The vacancies each of these people was sent on `day` (so the next digest does not repeat them). */
  async sentOn(userIds: string[], day: string): Promise<Map<string, Set<string>>> {
    const docs = await this.model
      .find({ userId: { $in: userIds.map(oid) }, day }, { userId: 1, vacancyIds: 1 })
      .lean<Pick<DigestDoc, 'userId' | 'vacancyIds'>[]>();
    return new Map(docs.map((d) => [d.userId.toHexString(), new Set(d.vacancyIds.map(String))]));
  }

  async finishedDay(day: string): Promise<boolean> {
    return (await this.runs.countDocuments({ _id: day })) > 0;
  }

  /** Marks the day's sweep done; a second run finishing the same day leaves the first mark. */
  async finishDay(day: string, now: Date): Promise<void> {
    await this.runs.updateOne({ _id: day }, { $setOnInsert: { finishedAt: now } }, { upsert: true });
  }
}
