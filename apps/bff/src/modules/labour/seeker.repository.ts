import type { Model } from 'mongoose';
import { oid } from '../../db/ids';
import type { SeekerDoc } from './seeker.model';
import type { Connection } from 'mongoose';
import { seekerModel } from './seeker.model';

export type SeekerRecord = Omit<SeekerDoc, '_id' | 'userId'> & { id: string; userId: string };
export type SeekerFields = Omit<SeekerRecord, 'id' | 'userId' | 'registeredAt' | 'updatedAt'>;

function toRecord(d: SeekerDoc): SeekerRecord {
  const { _id, userId, ...rest } = d;
  return { ...rest, id: _id.toHexString(), userId: userId.toHexString() };
}

export class SeekerRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): SeekerRepository {
    return new SeekerRepository(seekerModel(conn));
  }

  constructor(private readonly model: Model<SeekerDoc>) {}

  /** One registration per worker: the unique userId index makes a second PUT an update. */
  async upsert(userId: string, fields: SeekerFields, now: Date): Promise<SeekerRecord> {
    const d = await this.model
      .findOneAndUpdate(
        { userId: oid(userId) },
        { $set: { ...fields, updatedAt: now }, $setOnInsert: { userId: oid(userId), registeredAt: now } },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<SeekerDoc>();
    return toRecord(d!);
  }

  async findByUser(userId: string): Promise<SeekerRecord | null> {
    const d = await this.model.findOne({ userId: oid(userId) }).lean<SeekerDoc>();
    return d ? toRecord(d) : null;
  }

  async findByUsers(userIds: string[]): Promise<SeekerRecord[]> {
    const docs = await this.model.find({ userId: { $in: userIds.map(oid) } }).lean<SeekerDoc[]>();
    return docs.map(toRecord);
  }

  /**
   * Every seeker wanting any of these industries, in _id order, a page at a time from one
   * cursor. The daily digest sweeps them all: one query planned once, where re-querying
   * "after the last _id" per page made the planner gather and sort every match again for each
   * page (quadratic at 200,000 seekers on the embedded database).
   */
  async *allWanting(industries: string[], pageSize: number): AsyncGenerator<SeekerRecord[]> {
    const cursor = this.model
      .find({ wantedIndustries: { $in: industries } }, { idNumberEnc: 0 })
      .sort({ _id: 1 })
      .batchSize(pageSize)
      .lean<SeekerDoc>()
      .cursor();
    let page: SeekerRecord[] = [];
    try {
      for await (const d of cursor) {
        page.push(toRecord({ ...(d as SeekerDoc), idNumberEnc: null }));
        if (page.length === pageSize) {
          yield page;
          page = [];
        }
      }
      if (page.length > 0) yield page;
    } finally {
      await cursor.close();
    }
  }

  /** Seekers registered after `since`, newest first (the firms' digest of new job seekers). */
  async registeredSince(since: Date, limit: number): Promise<SeekerRecord[]> {
    const docs = await this.model
      .find({ registeredAt: { $gt: since } }, { idNumberEnc: 0 })
      .sort({ registeredAt: -1 })
      .limit(limit)
      .lean<SeekerDoc[]>();
    return docs.map((d) => toRecord({ ...d, idNumberEnc: null }));
  }

  /** Seekers wanting this industry whose expected wage the vacancy reaches (the candidate list). */
  async candidates(industry: string, wageMax: number, limit: number): Promise<SeekerRecord[]> {
    const docs = await this.model
      .find({ wantedIndustries: industry, expectedWage: { $lte: wageMax } }, { idNumberEnc: 0 })
      .limit(limit)
      .lean<SeekerDoc[]>();
    return docs.map((d) => toRecord({ ...d, idNumberEnc: null }));
  }
}
