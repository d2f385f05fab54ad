import { Types, type Model } from 'mongoose';
import type { SubsidyPolicyCode } from '@fugong/contracts';
import { isDuplicateKey } from '../../db/errors';
import type { EntitlementDoc, ObjectionDoc } from './entitlement.model';
import type { ListDoc, ListStatus } from './list.model';
import type { Connection } from 'mongoose';
import { listModel } from './list.model';
import { entitlementModel } from './entitlement.model';
import { oid } from '../../db/ids';

export type { DiffEntry, ListStatus } from './list.model';

export type ListRecord = Omit<ListDoc, '_id' | 'openSlot'> & { id: string };
export type EntitlementRecord = Omit<EntitlementDoc, '_id' | 'listId' | 'enterpriseId'> & {
  id: string;
  listId: string;
  enterpriseId: string;
};
export type NewLine = Pick<
  EntitlementRecord,
  'enterpriseId' | 'enterpriseName' | 'creditCode' | 'amountFen' | 'reason' | 'facts'
>;

const validId = (id: string) => Types.ObjectId.isValid(id);

const toList = ({ _id, openSlot: _slot, ...rest }: ListDoc): ListRecord => ({
  ...rest,
  id: _id.toHexString(),
});
const toLine = ({ _id, listId, enterpriseId, ...rest }: EntitlementDoc): EntitlementRecord => ({
  ...rest,
  id: _id.toHexString(),
  listId: listId.toHexString(),
  enterpriseId: enterpriseId.toHexString(),
});

/** Lists and their lines. Every state change is one guarded update on the state it leaves. */
export class ListRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): ListRepository {
    return new ListRepository(listModel(conn), entitlementModel(conn));
  }

  constructor(
    private readonly lists: Model<ListDoc>,
    private readonly lines: Model<EntitlementDoc>,
  ) {}

  async findById(id: string): Promise<ListRecord | null> {
    if (!validId(id)) return null;
    const doc = await this.lists.findById(id).lean<ListDoc>();
    return doc ? toList(doc) : null;
  }

  async find(filter: { policies: readonly SubsidyPolicyCode[]; period?: string }): Promise<ListRecord[]> {
    const q: Record<string, unknown> = { policy: { $in: filter.policies } };
    if (filter.period) q.period = filter.period;
    return (await this.lists.find(q).sort({ createdAt: -1 }).limit(100).lean<ListDoc[]>()).map(toList);
  }

  async openList(policy: SubsidyPolicyCode, period: string): Promise<ListRecord | null> {
    const doc = await this.lists.findOne({ policy, period, openSlot: 'open' }).lean<ListDoc>();
    return doc ? toList(doc) : null;
  }

  /** The newest list that reached 公示 for the policy and period (the one a rerun is compared with). */
  async lastPublished(policy: SubsidyPolicyCode, period: string): Promise<ListRecord | null> {
    const doc = await this.lists
      .findOne({ policy, period, publishedAt: { $ne: null } })
      .sort({ publishedAt: -1 })
      .lean<ListDoc>();
    return doc ? toList(doc) : null;
  }

  /** An id for a list about to be computed (its lines are written before the list is claimed). */
  newListId(): string {
    return new Types.ObjectId().toHexString();
  }

  /**
   * Opens a draft list under an id whose lines were already written (see insertLines). Null when
   * another open list holds the slot (the partial unique index): the caller drops its lines and
   * re-reads that list instead of creating a second.
   */
  async claimDraft(
    id: string,
    list: Omit<
      ListRecord,
      'id' | 'status' | 'approvedBy' | 'approvedAt' | 'publishedBy' | 'publishedAt' | 'publicityEndsAt'
    >,
  ): Promise<ListRecord | null> {
    const _id = oid(id);
    try {
      await this.lists.create({
        ...list,
        _id,
        status: 'draft',
        openSlot: 'open',
        approvedBy: null,
        approvedAt: null,
        publishedBy: null,
        publishedAt: null,
        publicityEndsAt: null,
      });
    } catch (err) {
      if (isDuplicateKey(err)) return null;
      throw err;
    }
    return toList((await this.lists.findById(_id).lean<ListDoc>())!);
  }

  /**
   * One bulk write of a batch of a coming list's lines, before the list itself exists: until it is
   * claimed nobody reads lines of an unknown list, so a list appears with all its lines or not at all.
   */
  async insertLines(
    listId: string,
    list: { policy: SubsidyPolicyCode; period: string },
    lines: NewLine[],
  ): Promise<void> {
    if (lines.length === 0) return;
    await this.lines.insertMany(
      lines.map((l) => ({
        ...l,
        listId: oid(listId),
        enterpriseId: oid(l.enterpriseId),
        policy: list.policy,
        period: list.period,
        stage: 'draft',
        publicityEndsAt: null,
        excluded: null,
        objection: null,
      })),
      { ordered: false, lean: true },
    );
  }

  /** Removes the lines of a list that was never claimed (its run lost the race for the slot). */
  async dropLines(listId: string): Promise<void> {
    await this.lines.deleteMany({ listId: oid(listId), stage: 'draft' });
  }

  /**
   * A list's lines for the enterprises after `after` up to and including `upTo` (either end open
   * when null), in enterprise order: a rerun compares the published list with its own lines range
   * by range instead of holding the whole list, and the list page reads it a page at a time.
   */
  async linesBetween(
    listId: string,
    after: string | null,
    upTo: string | null,
    limit?: number,
  ): Promise<EntitlementRecord[]> {
    const range: Record<string, Types.ObjectId> = {};
    if (after) range.$gt = oid(after);
    if (upTo) range.$lte = oid(upTo);
    const q: Record<string, unknown> = { listId: oid(listId) };
    if (after || upTo) q.enterpriseId = range;
    const found = this.lines.find(q).sort({ enterpriseId: 1 });
    if (limit) found.limit(limit);
    return (await found.lean<EntitlementDoc[]>()).map(toLine);
  }

  /**
   * Moves a list from one status to the next in one guarded update; then its lines follow and
   * the totals are recounted from them. Null when the list was not in `from` (someone else moved it).
   */
  async move(
    id: string,
    from: ListStatus[],
    to: ListStatus,
    set: Partial<ListDoc> = {},
  ): Promise<ListRecord | null> {
    const unset = to === 'draft' || to === 'approved' ? {} : { openSlot: 1 };
    const moved = await this.lists
      .findOneAndUpdate(
        { _id: oid(id), status: { $in: from } },
        { $set: { ...set, status: to }, $unset: unset },
        { returnDocument: 'after' },
      )
      .lean<ListDoc>();
    if (!moved) return null;
    await this.lines.updateMany(
      { listId: moved._id },
      { $set: { stage: to, publicityEndsAt: moved.publicityEndsAt ?? null } },
    );
    const [sum] = await this.lines.aggregate<{ count: number; totalFen: number }>([
      { $match: { listId: moved._id, excluded: null } },
      { $group: { _id: null, count: { $sum: 1 }, totalFen: { $sum: '$amountFen' } } },
    ]);
    const after = await this.lists
      .findByIdAndUpdate(
        moved._id,
        { $set: { count: sum?.count ?? 0, totalFen: sum?.totalFen ?? 0 } },
        { returnDocument: 'after' },
      )
      .lean<ListDoc>();
    return toList(after!);
  }

  async linesOf(listId: string, filter: { included?: boolean } = {}): Promise<EntitlementRecord[]> {
    const q: Record<string, unknown> = { listId: oid(listId) };
    if (filter.included) q.excluded = null;
    return (await this.lines.find(q).sort({ creditCode: 1 }).lean<EntitlementDoc[]>()).map(toLine);
  }

  async line(listId: string, lineId: string): Promise<EntitlementRecord | null> {
    if (!validId(lineId)) return null;
    const doc = await this.lines.findOne({ _id: oid(lineId), listId: oid(listId) }).lean<EntitlementDoc>();
    return doc ? toLine(doc) : null;
  }

  async lineById(lineId: string): Promise<EntitlementRecord | null> {
    if (!validId(lineId)) return null;
    const doc = await this.lines.findById(lineId).lean<EntitlementDoc>();
    return doc ? toLine(doc) : null;
  }

  /**
   * One guarded write to a line of a list: applies only while the line is at `stage` (and, when
   * asked, its objection still pending). Null when the guard no longer holds. When the write takes
   * a line out, puts it back or changes its amount, the list's count and total move by the same
   * difference, as an increment: two officials excluding at once both land, and nobody approves
   * a total the lines no longer add up to. (Each move to the next status recounts from the lines.)
   */
  async updateLine(
    listId: string,
    lineId: string,
    guard: { stage: ListStatus; objectionPending?: boolean },
    set: Partial<Pick<EntitlementDoc, 'excluded' | 'objection' | 'amountFen' | 'reason'>>,
  ): Promise<EntitlementRecord | null> {
    if (!validId(lineId)) return null;
    const filter: Record<string, unknown> = { _id: oid(lineId), listId: oid(listId), stage: guard.stage };
    if (guard.objectionPending) filter['objection.status'] = 'pending';
    const before = await this.lines
      .findOneAndUpdate(filter, { $set: set }, { returnDocument: 'before' })
      .lean<EntitlementDoc>();
    if (!before) return null;
    // What this write made of the line: its own `before` plus its own top-level fields. Reading
    // the line again could see a second official's change as well and count that one twice.
    const after: EntitlementDoc = { ...before, ...set };
    const counted = (l: EntitlementDoc) => (l.excluded ? { n: 0, fen: 0 } : { n: 1, fen: l.amountFen });
    const [was, now] = [counted(before), counted(after)];
    if (was.n !== now.n || was.fen !== now.fen)
      await this.lists.updateOne(
        { _id: before.listId },
        { $inc: { count: now.n - was.n, totalFen: now.fen - was.fen } },
      );
    return toLine(after);
  }

  /** A firm's objection: only while the line is in 公示 and the period has not ended, and only once. */
  async addObjection(
    lineId: string,
    enterpriseId: string,
    objection: ObjectionDoc,
    now: Date,
  ): Promise<EntitlementRecord | null> {
    if (!validId(lineId)) return null;
    const doc = await this.lines
      .findOneAndUpdate(
        {
          _id: oid(lineId),
          enterpriseId: oid(enterpriseId),
          stage: 'publicity',
          publicityEndsAt: { $gt: now },
          objection: null,
        },
        { $set: { objection } },
        { returnDocument: 'after' },
      )
      .lean<EntitlementDoc>();
    return doc ? toLine(doc) : null;
  }

  async pendingObjections(listId: string): Promise<number> {
    return this.lines.countDocuments({ listId: oid(listId), 'objection.status': 'pending' });
  }

  /**
   * A firm's lines in lists that reached 公示 (publicity or final), newest line first, a page at
   * a time: `before` is the last line id of the previous page (ids are the stable key).
   */
  async published(
    enterpriseId: string,
    page: { before?: string; limit: number },
  ): Promise<EntitlementRecord[]> {
    const q: Record<string, unknown> = {
      enterpriseId: oid(enterpriseId),
      stage: { $in: ['publicity', 'final'] },
    };
    if (page.before) q._id = { $lt: oid(page.before) };
    const docs = await this.lines.find(q).sort({ _id: -1 }).limit(page.limit).lean<EntitlementDoc[]>();
    return docs.map(toLine);
  }
}

export type { ObjectionDoc };
