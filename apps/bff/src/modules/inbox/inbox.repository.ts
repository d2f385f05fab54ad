import { Types, type Model } from 'mongoose';
import type { InboxDoc } from './inbox.model';
import type { Connection } from 'mongoose';
import { inboxModel } from './inbox.model';

/** A notice to record; `key` names its source event, so recording it twice adds nothing. */
export interface NewNotice {
  key: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  page: string;
}

export interface NoticeRecord extends NewNotice {
  id: string;
  createdAt: Date;
  readAt: Date | null;
}

const toRecord = (d: InboxDoc): NoticeRecord => ({
  id: d._id.toHexString(),
  key: d.key,
  userId: d.userId.toHexString(),
  kind: d.kind,
  title: d.title,
  body: d.body,
  page: d.page,
  createdAt: d.createdAt,
  readAt: d.readAt,
});

export class InboxRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): InboxRepository {
    return new InboxRepository(inboxModel(conn));
  }

  constructor(private readonly model: Model<InboxDoc>) {}

  /** Inserts the notice unless its key is already there; true when this call inserted it. */
  async record(n: NewNotice, now: Date): Promise<boolean> {
    const res = await this.model.updateOne(
      { key: n.key },
      {
        $setOnInsert: {
          userId: new Types.ObjectId(n.userId),
          kind: n.kind,
          title: n.title,
          body: n.body,
          page: n.page,
          createdAt: now,
          readAt: null,
        },
      },
      { upsert: true },
    );
    return res.upsertedCount === 1;
  }

  async list(userId: string, unreadOnly: boolean, limit: number): Promise<NoticeRecord[]> {
    const docs = await this.model
      .find({ userId: new Types.ObjectId(userId), ...(unreadOnly ? { readAt: null } : {}) })
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit)
      .lean<InboxDoc[]>();
    return docs.map(toRecord);
  }

  async unreadCount(userId: string): Promise<number> {
    return this.model.countDocuments({ userId: new Types.ObjectId(userId), readAt: null });
  }

  /** Marks the person's own notice read; an already read one keeps its first readAt. Null: not theirs. */
  async markRead(id: string, userId: string, now: Date): Promise<NoticeRecord | null> {
    const owner = { _id: new Types.ObjectId(id), userId: new Types.ObjectId(userId) };
    const doc =
      (await this.model
        .findOneAndUpdate({ ...owner, readAt: null }, { $set: { readAt: now } }, { returnDocument: 'after' })
        .lean<InboxDoc>()) ?? (await this.model.findOne(owner).lean<InboxDoc>());
    return doc ? toRecord(doc) : null;
  }

  /** Notices recorded for keys starting with a prefix (an issue's timeline shows its deliveries). */
  async byKeyPrefix(prefix: string, limit = 100): Promise<NoticeRecord[]> {
    const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const docs = await this.model
      .find({ key: { $regex: `^${escaped}` } })
      .sort({ createdAt: 1 })
      .limit(limit)
      .lean<InboxDoc[]>();
    return docs.map(toRecord);
  }
}
