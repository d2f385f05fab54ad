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
   * One page of seekers wanting any of these industries, in _id order after `afterId` (the
   * daily digest walks them all page by page, so no cursor stays open across a long run).
   */
  async pageWanting(industries: string[], afterId: string | null, limit: number): Promise<SeekerRecord[]> {
    const docs = await this.model
      .find(
        { wantedIndustries: { $in: industries }, ...(afterId ? { _id: { $gt: oid(afterId) } } : {}) },
        { idNumberEnc: 0 },
      )
      .sort({ _id: 1 })
      .limit(limit)
      .lean<SeekerDoc[]>();
    return docs.map((d) => toRecord({ ...d, idNumberEnc: null }));
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
