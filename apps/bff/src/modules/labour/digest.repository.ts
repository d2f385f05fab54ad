import { Types, type Connection, type Model } from 'mongoose';
import { isDuplicateKey } from '../../db/errors';
import type { DigestDoc, DigestRunDoc } from './digest.model';
import { digestModel, digestRunModel } from './digest.model';

const oid = (id: string) => new Types.ObjectId(id);

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
   * Claims the person's digest for the day: the record, or null when they already have one
   * (the unique person+day index refused the insert). Only the claimant sends it.
   */
  async claim(d: NewDigest, now: Date): Promise<DigestRecord | null> {
    try {
      const doc = await this.model.create({
        ...d,
        userId: oid(d.userId),
        vacancyIds: d.vacancyIds.map(oid),
        createdAt: now,
        queuedAt: null,
      });
      return toRecord(doc.toObject());
    } catch (err) {
      if (isDuplicateKey(err)) return null;
      throw err;
    }
  }

  async markQueued(id: string, now: Date): Promise<void> {
    await this.model.updateOne({ _id: oid(id), queuedAt: null }, { $set: { queuedAt: now } });
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
