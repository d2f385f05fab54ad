import { Types, type Model } from 'mongoose';
import { oid } from '../../db/ids';
import type { NeedStatus } from '@fugong/contracts';
import type { NeedDoc } from './need.model';
import type { Connection } from 'mongoose';
import { needModel } from './need.model';

export type NeedRecord = Omit<
  NeedDoc,
  '_id' | 'projectId' | 'enterpriseId' | 'raisedBy' | 'issueId' | 'sessionId'
> & {
  id: string;
  projectId: string;
  enterpriseId: string;
  issueId: string | null;
  sessionId: string | null;
};

const hex = (id: Types.ObjectId | null | undefined) => (id ? id.toHexString() : null);
const toRecord = (d: NeedDoc): NeedRecord => ({
  id: d._id.toHexString(),
  projectId: d.projectId.toHexString(),
  projectName: d.projectName,
  enterpriseId: d.enterpriseId.toHexString(),
  kind: d.kind,
  description: d.description,
  status: d.status,
  raisedAt: d.raisedAt,
  handleDueAt: d.handleDueAt,
  issueId: hex(d.issueId),
  sessionId: hex(d.sessionId),
  handledAt: d.handledAt ?? null,
  resolvedAt: d.resolvedAt ?? null,
});

export class NeedRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): NeedRepository {
    return new NeedRepository(needModel(conn));
  }

  constructor(private readonly model: Model<NeedDoc>) {}

  async create(n: {
    projectId: string;
    projectName: string;
    enterpriseId: string;
    kind: NeedDoc['kind'];
    description: string;
    raisedBy: string;
    raisedAt: Date;
    handleDueAt: Date;
  }): Promise<NeedRecord> {
    const doc = await this.model.create({
      ...n,
      projectId: oid(n.projectId),
      enterpriseId: oid(n.enterpriseId),
      raisedBy: oid(n.raisedBy),
      status: 'open',
    });
    return toRecord(doc.toObject() as NeedDoc);
  }

  async findById(id: string): Promise<NeedRecord | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.model.findById(id).lean<NeedDoc>();
    return doc ? toRecord(doc) : null;
  }

  async ofProject(projectId: string): Promise<NeedRecord[]> {
    const docs = await this.model
      .find({ projectId: oid(projectId) })
      .sort({ raisedAt: -1 })
      .limit(200)
      .lean<NeedDoc[]>();
    return docs.map(toRecord);
  }

  /**
   * open → dispatched/convened in one guarded write: of two people handling the same need at
   * once, one moves it; the other gets null (and no second issue or session is made).
   */
  async claim(id: string, to: 'dispatched' | 'convened', at: Date): Promise<NeedRecord | null> {
    const doc = await this.model
      .findOneAndUpdate(
        { _id: oid(id), status: 'open' },
        { $set: { status: to, handledAt: at } },
        { returnDocument: 'after' },
      )
      .lean<NeedDoc>();
    return doc ? toRecord(doc) : null;
  }

  /** Records what handles the need (the dispatched issue or the session) once it exists. */
  async link(id: string, link: { issueId: string } | { sessionId: string }) {
    const set = 'issueId' in link ? { issueId: oid(link.issueId) } : { sessionId: oid(link.sessionId) };
    await this.model.updateOne({ _id: oid(id) }, { $set: set });
  }

  /** Back to open when what was to handle it could not be made (the claim is undone, guarded). */
  async release(id: string, from: 'dispatched' | 'convened') {
    await this.model.updateOne(
      { _id: oid(id), status: from, issueId: null, sessionId: null },
      { $set: { status: 'open', handledAt: null } },
    );
  }

  /** convened → resolved when its session closes; guarded so it happens once. */
  async resolve(id: string, at: Date): Promise<boolean> {
    const res = await this.model.updateOne(
      { _id: oid(id), status: 'convened' },
      { $set: { status: 'resolved', resolvedAt: at } },
    );
    return res.modifiedCount === 1;
  }

  async countBy(status: NeedStatus[], dueBefore?: Date): Promise<number> {
    const q: Record<string, unknown> = { status: { $in: status } };
    if (dueBefore) q.handleDueAt = { $lt: dueBefore };
    return this.model.countDocuments(q);
  }
}
