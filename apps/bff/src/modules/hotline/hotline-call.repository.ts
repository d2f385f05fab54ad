import { Types, type Connection, type Model } from 'mongoose';
import type { CallStatus, Hotline } from '@fugong/contracts';
import { oid } from '../../db/ids';
import { hotlineCallModel, type HotlineCallDoc } from './hotline-call.model';

/** A call as services see it: the stored call with its ids as strings (a call-back as its rating and time). */
export type CallRecord = Omit<
  HotlineCallDoc,
  '_id' | 'enterpriseId' | 'issueId' | 'operatorId' | 'callback'
> & {
  id: string;
  enterpriseId: string | null;
  issueId: string | null;
  operatorId: string;
  callback: { satisfaction: number; at: Date } | null;
};

export type NewCall = Omit<
  CallRecord,
  'id' | 'issueId' | 'issueNumber' | 'closedWithinDeadline' | 'notifiedAt' | 'callback'
>;

const toRecord = (d: HotlineCallDoc): CallRecord => ({
  id: d._id.toHexString(),
  line: d.line,
  callerPhoneEnc: d.callerPhoneEnc,
  enterpriseId: d.enterpriseId ? d.enterpriseId.toHexString() : null,
  enterpriseName: d.enterpriseName ?? null,
  category: d.category,
  text: d.text,
  kind: d.kind,
  status: d.status,
  answer: d.answer ?? null,
  issueId: d.issueId ? d.issueId.toHexString() : null,
  issueNumber: d.issueNumber ?? null,
  operatorId: d.operatorId.toHexString(),
  receivedAt: d.receivedAt,
  closedAt: d.closedAt ?? null,
  closedWithinDeadline: d.closedWithinDeadline ?? null,
  notifiedAt: d.notifiedAt ?? null,
  callback: d.callback ? { satisfaction: d.callback.satisfaction, at: d.callback.at } : null,
});

const byId = (id: string) => (Types.ObjectId.isValid(id) ? { _id: oid(id) } : null);

/** Hotline calls: inserted once, then moved only by guarded updates (issue attached, closed, called back). */
export class HotlineCallRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): HotlineCallRepository {
    return new HotlineCallRepository(hotlineCallModel(conn));
  }

  constructor(private readonly model: Model<HotlineCallDoc>) {}

  async create(input: NewCall): Promise<CallRecord> {
    const doc = await this.model.create({
      ...input,
      enterpriseId: input.enterpriseId ? oid(input.enterpriseId) : null,
      operatorId: oid(input.operatorId),
    });
    return toRecord(doc.toObject() as HotlineCallDoc);
  }

  /** Undoes a call whose issue could not be raised, so no call waits on an issue that never existed. */
  async removeUnlinked(id: string): Promise<void> {
    await this.model.deleteOne({ _id: oid(id), issueId: null });
  }

  /** Links the raised issue; guarded so a call is linked once. */
  async attachIssue(id: string, issueId: string, issueNumber: string): Promise<CallRecord | null> {
    const doc = await this.model
      .findOneAndUpdate(
        { _id: oid(id), issueId: null },
        { $set: { issueId: oid(issueId), issueNumber } },
        { returnDocument: 'after' },
      )
      .lean<HotlineCallDoc>();
    return doc ? toRecord(doc) : null;
  }

  async findById(id: string): Promise<CallRecord | null> {
    const q = byId(id);
    const doc = q ? await this.model.findOne(q).lean<HotlineCallDoc>() : null;
    return doc ? toRecord(doc) : null;
  }

  async findByIssue(issueId: string): Promise<CallRecord | null> {
    const doc = await this.model.findOne({ issueId: oid(issueId) }).lean<HotlineCallDoc>();
    return doc ? toRecord(doc) : null;
  }

  /** Marks the issue's call closed with the department's answer; applies once (guarded on in_progress). */
  async close(
    id: string,
    outcome: { answer: string; closedAt: Date; closedWithinDeadline: boolean },
  ): Promise<boolean> {
    const res = await this.model.updateOne(
      { _id: oid(id), status: 'in_progress' },
      { $set: { status: 'closed', ...outcome } },
    );
    return res.modifiedCount === 1;
  }

  async markNotified(id: string, at: Date): Promise<void> {
    await this.model.updateOne({ _id: oid(id), notifiedAt: null }, { $set: { notifiedAt: at } });
  }

  /** Records the call-back once, and only on a call that has its answer. */
  async recordCallback(id: string, satisfaction: number, at: Date, by: string): Promise<CallRecord | null> {
    const doc = await this.model
      .findOneAndUpdate(
        { _id: oid(id), status: { $in: ['answered', 'closed'] }, callback: null },
        { $set: { callback: { satisfaction, at, by: oid(by) } } },
        { returnDocument: 'after' },
      )
      .lean<HotlineCallDoc>();
    return doc ? toRecord(doc) : null;
  }

  async list(
    filter: { status?: CallStatus; line?: Hotline },
    page: number,
    pageSize: number,
  ): Promise<{ items: CallRecord[]; total: number }> {
    const query: Record<string, unknown> = {};
    if (filter.status) query.status = filter.status;
    if (filter.line) query.line = filter.line;
    const [docs, total] = await Promise.all([
      this.model
        .find(query)
        .sort({ receivedAt: -1, _id: -1 })
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .lean<HotlineCallDoc[]>(),
      this.model.countDocuments(query),
    ]);
    return { items: docs.map(toRecord), total };
  }

  /** The counts behind the 三率 over the calls received in [since, before), each one indexed count. */
  async counts(since: Date, before: Date) {
    const receivedAt = { $gte: since, $lt: before };
    const count = (q: Record<string, unknown>) => this.model.countDocuments({ ...q, receivedAt });
    const [calls, answered, issues, closed, closedInTime, callbacks, satisfied] = await Promise.all([
      count({}),
      count({ status: { $in: ['answered', 'closed'] } }),
      count({ kind: 'issue' }),
      count({ status: 'closed' }),
      count({ status: 'closed', closedWithinDeadline: true }),
      count({ callback: { $ne: null } }),
      count({ 'callback.satisfaction': { $gte: 4 } }),
    ]);
    return { calls, answered, issues, closed, closedInTime, callbacks, satisfied };
  }
}
