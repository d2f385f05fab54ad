import { Types, type Model } from 'mongoose';
import { oid } from '../../db/ids';
import type { SessionDoc } from './session.model';
import type { ActionItemDoc } from './action-item.model';
import type { Connection } from 'mongoose';
import { sessionModel } from './session.model';
import { actionItemModel } from './action-item.model';

export type SessionRecord = Omit<SessionDoc, '_id' | 'projectId' | 'needId' | 'convenedBy' | 'decisions'> & {
  id: string;
  projectId: string;
  needId: string;
  decisions: { text: string; at: Date }[];
};
export type ActionItemRecord = Omit<ActionItemDoc, '_id' | 'sessionId' | 'projectId' | 'closedBy'> & {
  id: string;
  sessionId: string;
  projectId: string;
};

const valid = (id: string) => Types.ObjectId.isValid(id);
const toSession = (d: SessionDoc): SessionRecord => ({
  id: d._id.toHexString(),
  projectId: d.projectId.toHexString(),
  projectName: d.projectName,
  needId: d.needId.toHexString(),
  topic: d.topic,
  departments: d.departments,
  status: d.status,
  convenedAt: d.convenedAt,
  closedAt: d.closedAt ?? null,
  decisions: (d.decisions ?? []).map((x) => ({ text: x.text, at: x.at })),
});
const toItem = (d: ActionItemDoc): ActionItemRecord => ({
  id: d._id.toHexString(),
  sessionId: d.sessionId.toHexString(),
  projectId: d.projectId.toHexString(),
  projectName: d.projectName,
  departmentCode: d.departmentCode,
  task: d.task,
  dueAt: d.dueAt,
  state: d.state,
  closedAt: d.closedAt ?? null,
  closingNote: d.closingNote ?? '',
  escalatedAt: d.escalatedAt ?? null,
  createdAt: d.createdAt,
});

/** 马上会办 sessions and their action items. */
export class SessionRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): SessionRepository {
    return new SessionRepository(sessionModel(conn), actionItemModel(conn));
  }

  constructor(
    private readonly sessions: Model<SessionDoc>,
    private readonly items: Model<ActionItemDoc>,
  ) {}

  async create(s: {
    projectId: string;
    projectName: string;
    needId: string;
    topic: string;
    departments: string[];
    convenedBy: string;
    convenedAt: Date;
  }): Promise<SessionRecord> {
    const doc = await this.sessions.create({
      ...s,
      projectId: oid(s.projectId),
      needId: oid(s.needId),
      convenedBy: oid(s.convenedBy),
      status: 'open',
    });
    return toSession(doc.toObject() as SessionDoc);
  }

  async findById(id: string): Promise<SessionRecord | null> {
    if (!valid(id)) return null;
    const doc = await this.sessions.findById(id).lean<SessionDoc>();
    return doc ? toSession(doc) : null;
  }

  /** Appends a decision while the session is open (a closed session takes no new tasks). */
  async addDecision(id: string, d: { text: string; at: Date; by: string }): Promise<SessionRecord | null> {
    const doc = await this.sessions
      .findOneAndUpdate(
        { _id: oid(id), status: 'open' },
        { $push: { decisions: { text: d.text, at: d.at, by: oid(d.by) } } },
        { returnDocument: 'after' },
      )
      .lean<SessionDoc>();
    return doc ? toSession(doc) : null;
  }

  async insertItems(
    items: {
      sessionId: string;
      projectId: string;
      projectName: string;
      departmentCode: string;
      task: string;
      dueAt: Date;
      createdAt: Date;
    }[],
  ): Promise<void> {
    await this.items.insertMany(
      items.map((i) => ({ ...i, sessionId: oid(i.sessionId), projectId: oid(i.projectId), state: 'open' })),
    );
  }

  async itemsOf(sessionId: string): Promise<ActionItemRecord[]> {
    const docs = await this.items
      .find({ sessionId: oid(sessionId) })
      .sort({ dueAt: 1, _id: 1 })
      .lean<ActionItemDoc[]>();
    return docs.map(toItem);
  }

  async findItem(id: string): Promise<ActionItemRecord | null> {
    if (!valid(id)) return null;
    const doc = await this.items.findById(id).lean<ActionItemDoc>();
    return doc ? toItem(doc) : null;
  }

  /** A department's items (null: every department's), open first, soonest deadline first. */
  async itemsOfDepartment(departmentCode: string | null): Promise<ActionItemRecord[]> {
    const q = departmentCode ? { departmentCode } : {};
    const docs = await this.items.find(q).sort({ state: -1, dueAt: 1 }).limit(200).lean<ActionItemDoc[]>();
    return docs.map(toItem);
  }

  /**
   * open → closed by the owning department, in one guarded write: of two officers closing the
   * same item at once, one closes it and the other gets null.
   */
  async closeItem(
    id: string,
    departmentCode: string,
    by: string,
    at: Date,
    note: string,
  ): Promise<ActionItemRecord | null> {
    const doc = await this.items
      .findOneAndUpdate(
        { _id: oid(id), state: 'open', departmentCode },
        { $set: { state: 'closed', closedAt: at, closedBy: oid(by), closingNote: note } },
        { returnDocument: 'after' },
      )
      .lean<ActionItemDoc>();
    return doc ? toItem(doc) : null;
  }

  async openItemCount(sessionId: string): Promise<number> {
    return this.items.countDocuments({ sessionId: oid(sessionId), state: 'open' });
  }

  /** open → closed once every item is closed; true only for the write that closed it. */
  async closeSession(id: string, at: Date): Promise<boolean> {
    const res = await this.sessions.updateOne(
      { _id: oid(id), status: 'open', 'decisions.0': { $exists: true } },
      { $set: { status: 'closed', closedAt: at } },
    );
    return res.modifiedCount === 1;
  }

  /** Marks overdue open items escalated, each once (the issue SLA's escalation). */
  async escalateOverdue(now: Date): Promise<number> {
    const res = await this.items.updateMany(
      { state: 'open', dueAt: { $lt: now }, escalatedAt: null },
      { $set: { escalatedAt: now } },
    );
    return res.modifiedCount;
  }

  async countItems(overdueAt?: Date): Promise<number> {
    const q: Record<string, unknown> = { state: 'open' };
    if (overdueAt) q.dueAt = { $lt: overdueAt };
    return this.items.countDocuments(q);
  }
}
