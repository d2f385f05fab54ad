import { Types, type Model } from 'mongoose';
import type { IssueCategory, IssueState, IssueUrgency } from '@fugong/contracts';
import type { ClockDoc, IssueDoc, TimelineDoc } from './issue.model';
import { isDuplicateKey } from '../../db/errors';
import type { Connection } from 'mongoose';
import { issueModel } from './issue.model';
import { oid } from '../../db/ids';

export type ClockName = 'firstResponse' | 'progress' | 'resolution';
export type ClockRecord = ClockDoc;

export interface TimelineRecord extends Omit<TimelineDoc, 'actorId'> {
  actorId: string | null;
}

export interface IssueRecord {
  id: string;
  number: string;
  enterpriseId: string;
  enterpriseName: string;
  category: IssueCategory;
  urgency: IssueUrgency;
  description: string;
  attachmentIds: string[];
  source: 'liaison' | 'steward' | 'visit';
  visitId: string | null;
  reportedBy: string;
  reportedAt: Date;
  state: IssueState;
  departmentCode: string | null;
  answer: string | null;
  rating: number | null;
  escalated: boolean;
  clocks: Record<ClockName, ClockRecord>;
  timeline: TimelineRecord[];
}

export interface NewIssue {
  number: string;
  enterpriseId: string;
  enterpriseName: string;
  category: IssueCategory;
  urgency: IssueUrgency;
  description: string;
  attachmentIds: string[];
  source: IssueRecord['source'];
  visitId: string | null;
  visitProblemIndex: number | null;
  reportedBy: string;
  reportedAt: Date;
  clocks: Record<ClockName, ClockRecord>;
  firstEvent: TimelineRecord;
}

/** Scope and filters of a list query; `enterpriseIds: 'all'` only for the command. */
export interface IssueFilter {
  enterpriseIds?: 'all' | string[];
  departmentCode?: string;
  states?: IssueState[];
  category?: IssueCategory;
  enterpriseId?: string;
}

const toEventDoc = (e: TimelineRecord): TimelineDoc => ({ ...e, actorId: e.actorId ? oid(e.actorId) : null });

function toRecord(d: IssueDoc): IssueRecord {
  return {
    id: d._id.toHexString(),
    number: d.number,
    enterpriseId: d.enterpriseId.toHexString(),
    enterpriseName: d.enterpriseName,
    category: d.category,
    urgency: d.urgency,
    description: d.description,
    attachmentIds: (d.attachmentIds ?? []).map((a) => a.toHexString()),
    source: d.source,
    visitId: d.visitId ? d.visitId.toHexString() : null,
    reportedBy: d.reportedBy.toHexString(),
    reportedAt: d.reportedAt,
    state: d.state,
    departmentCode: d.departmentCode ?? null,
    answer: d.answer ?? null,
    rating: d.rating ?? null,
    escalated: Boolean(d.escalated),
    clocks: d.clocks,
    timeline: (d.timeline ?? []).map((e) => ({ ...e, actorId: e.actorId ? e.actorId.toHexString() : null })),
  };
}

function toQuery(f: IssueFilter): Record<string, unknown> {
  const q: Record<string, unknown> = {};
  if (f.enterpriseIds && f.enterpriseIds !== 'all') q.enterpriseId = { $in: f.enterpriseIds.map(oid) };
  if (f.enterpriseId)
    q.enterpriseId =
      f.enterpriseIds && f.enterpriseIds !== 'all' && !f.enterpriseIds.includes(f.enterpriseId)
        ? { $in: [] }
        : oid(f.enterpriseId);
  if (f.departmentCode) q.departmentCode = f.departmentCode;
  if (f.states) q.state = { $in: f.states };
  if (f.category) q.category = f.category;
  return q;
}

/** Issues and their immutable timelines. Every state change is one guarded, atomic update. */
export class IssueRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): IssueRepository {
    return new IssueRepository(issueModel(conn));
  }

  constructor(private readonly model: Model<IssueDoc>) {}

  // ---- Reads for the dashboard's rollups (their sync and their recount from raw data), as stored.

  /** The categories of an enterprise's issues in one of `states`. */
  categoriesIn(
    enterpriseId: Types.ObjectId,
    states: readonly IssueState[],
  ): Promise<Pick<IssueDoc, 'category'>[]> {
    return this.model.find({ enterpriseId, state: { $in: [...states] } }, { category: 1 }).lean<IssueDoc[]>();
  }

  /** A stored issue without its timeline and description; null for an unknown id. */
  storedById(id: string): Promise<IssueDoc | null> {
    return this.model.findById(id, { timeline: 0, description: 0 }).lean<IssueDoc>();
  }

  /** Every issue without its texts and attachments, as a cursor. */
  issuesForRecount(batchSize: number) {
    return this.model
      .find({}, { timeline: 0, description: 0, attachmentIds: 0 })
      .lean<IssueDoc>()
      .cursor({ batchSize });
  }

  /** Inserts an issue; a visit problem raised twice returns the issue raised the first time. */
  async create(input: NewIssue): Promise<IssueRecord> {
    const { firstEvent, ...rest } = input;
    try {
      const doc = await this.model.create({
        ...rest,
        enterpriseId: oid(rest.enterpriseId),
        attachmentIds: rest.attachmentIds.map(oid),
        visitId: rest.visitId ? oid(rest.visitId) : null,
        reportedBy: oid(rest.reportedBy),
        state: 'submitted',
        timeline: [toEventDoc(firstEvent)],
      });
      return toRecord(doc.toObject() as IssueDoc);
    } catch (err) {
      if (isDuplicateKey(err) && input.visitId !== null) {
        const existing = await this.model
          .findOne({ visitId: oid(input.visitId), visitProblemIndex: input.visitProblemIndex })
          .lean<IssueDoc>();
        if (existing) return toRecord(existing);
      }
      throw err;
    }
  }

  async findById(id: string): Promise<IssueRecord | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.model.findById(id).lean<IssueDoc>();
    return doc ? toRecord(doc) : null;
  }

  async findByIds(ids: string[]): Promise<IssueRecord[]> {
    const docs = await this.model
      .find({ _id: { $in: ids.filter((i) => Types.ObjectId.isValid(i)).map(oid) } })
      .lean<IssueDoc[]>();
    return docs.map(toRecord);
  }

  async list(
    filter: IssueFilter,
    page: number,
    pageSize: number,
  ): Promise<{ items: IssueRecord[]; total: number }> {
    const q = toQuery(filter);
    const sort: Record<string, 1 | -1> = filter.departmentCode
      ? { 'clocks.progress.dueAt': 1, _id: 1 }
      : { reportedAt: -1, _id: -1 };
    const [docs, total] = await Promise.all([
      this.model
        .find(q)
        .select({ timeline: 0 })
        .sort(sort)
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .lean<IssueDoc[]>(),
      this.model.countDocuments(q),
    ]);
    return { items: docs.map(toRecord), total };
  }

  /** Light rows of every issue in these states for these enterprises (counts, need ranking, 共性问题). */
  async listForEnterprises(
    enterpriseIds: 'all' | string[],
    states: readonly IssueState[],
  ): Promise<IssueRecord[]> {
    const docs = await this.model
      .find(toQuery({ enterpriseIds, states: [...states] }))
      .select({ timeline: 0, description: 0 })
      .limit(5000)
      .lean<IssueDoc[]>();
    return docs.map((d) => toRecord({ ...d, description: '' }));
  }

  /**
   * Performs one transition: matches only while the issue is still in `fromState` (and, for
   * officers, still with their department), sets the new fields and appends the event in the
   * same update. Null means the guard no longer held: somebody else moved the issue first.
   */
  async transition(
    id: string,
    guard: { state: IssueState; departmentCode?: string | null },
    set: Record<string, unknown>,
    event: TimelineRecord,
  ): Promise<IssueRecord | null> {
    const filter: Record<string, unknown> = { _id: oid(id), state: guard.state };
    if (guard.departmentCode !== undefined) filter.departmentCode = guard.departmentCode;
    const doc = await this.model
      .findOneAndUpdate(
        filter,
        { $set: set, $push: { timeline: toEventDoc(event) } },
        { returnDocument: 'after' },
      )
      .lean<IssueDoc>();
    return doc ? toRecord(doc) : null;
  }

  /** Ids of issues in `states` whose `clock` is running and has reached `field` time (reminder or escalation). */
  async dueClocks(
    clock: ClockName,
    states: readonly IssueState[],
    flag: 'remindedAt' | 'escalatedAt',
    dueBefore: Date,
    limit = 500,
  ): Promise<IssueRecord[]> {
    const docs = await this.model
      .find({
        state: { $in: [...states] },
        [`clocks.${clock}.metAt`]: null,
        [`clocks.${clock}.${flag}`]: null,
        [`clocks.${clock}.dueAt`]: { $ne: null, $lte: dueBefore },
      })
      .select({ timeline: 0 })
      .sort({ [`clocks.${clock}.dueAt`]: 1 })
      .limit(limit)
      .lean<IssueDoc[]>();
    return docs.map(toRecord);
  }

  /**
   * Marks a clock reminded/escalated and appends the event, guarded on the flag still being
   * empty, so two BFF instances sweeping at once send each reminder exactly once.
   */
  async markClock(
    id: string,
    clock: ClockName,
    states: readonly IssueState[],
    flag: 'remindedAt' | 'escalatedAt',
    now: Date,
    event: TimelineRecord,
  ): Promise<boolean> {
    const set: Record<string, unknown> = { [`clocks.${clock}.${flag}`]: now };
    if (flag === 'escalatedAt') set.escalated = true;
    const res = await this.model.updateOne(
      {
        _id: oid(id),
        state: { $in: [...states] },
        [`clocks.${clock}.metAt`]: null,
        [`clocks.${clock}.${flag}`]: null,
      },
      { $set: set, $push: { timeline: toEventDoc(event) } },
    );
    return res.modifiedCount === 1;
  }

  /** Appends a system event (a delivered reminder) to the timeline; the issue's state is untouched. */
  async appendEvent(id: string, event: TimelineRecord): Promise<void> {
    await this.model.updateOne({ _id: oid(id) }, { $push: { timeline: toEventDoc(event) } });
  }
}
