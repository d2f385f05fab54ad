import type { Connection, Model, Types } from 'mongoose';
import type { AssignmentDoc } from './assignment.model';
import { isDuplicateKey } from '../../db/errors';
import { DomainError } from '../../errors';
import { assignmentModel } from './assignment.model';
import { oid } from '../../db/ids';
import { insertUnlessDuplicate } from '../../db/insert-unless-duplicate';

export interface AssignmentRecord {
  id: string;
  enterpriseId: string;
  stewardId: string;
  from: Date;
  to: Date | null;
  live: boolean;
}

const toRecord = (d: AssignmentDoc): AssignmentRecord => ({
  id: d._id.toHexString(),
  enterpriseId: d.enterpriseId.toHexString(),
  stewardId: d.stewardId.toHexString(),
  from: d.from,
  to: d.to ?? null,
  live: d.live,
});

export class AssignmentRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): AssignmentRepository {
    return new AssignmentRepository(assignmentModel(conn), conn);
  }

  constructor(
    private readonly model: Model<AssignmentDoc>,
    private readonly conn: Connection,
  ) {}

  // ---- Reads for the dashboard's rollups (their sync and their recount from raw data), as stored.

  /** Whether an enterprise has a live steward (null when none). */
  liveExists(enterpriseId: Types.ObjectId) {
    return this.model.exists({ enterpriseId, live: true });
  }

  /** The enterprises of every live assignment, as a cursor. */
  liveForRecount(batchSize: number) {
    return this.model
      .find({ live: true }, { enterpriseId: 1 })
      .lean<Pick<AssignmentDoc, '_id' | 'enterpriseId'>>()
      .cursor({ batchSize });
  }

  async liveForEnterprise(enterpriseId: string): Promise<AssignmentRecord | null> {
    const doc = await this.model
      .findOne({ enterpriseId: oid(enterpriseId), live: true })
      .lean<AssignmentDoc>();
    return doc ? toRecord(doc) : null;
  }

  async liveForEnterprises(enterpriseIds: string[]): Promise<AssignmentRecord[]> {
    const docs = await this.model
      .find({ enterpriseId: { $in: enterpriseIds.map(oid) }, live: true })
      .lean<AssignmentDoc[]>();
    return docs.map(toRecord);
  }

  async enterpriseIdsOfSteward(stewardId: string): Promise<string[]> {
    const docs = await this.model
      .find({ stewardId: oid(stewardId), live: true })
      .select({ enterpriseId: 1 })
      .lean<AssignmentDoc[]>();
    return docs.map((d) => d.enterpriseId.toHexString());
  }

  async allLive(): Promise<AssignmentRecord[]> {
    return (await this.model.find({ live: true }).lean<AssignmentDoc[]>()).map(toRecord);
  }

  async history(enterpriseId: string): Promise<AssignmentRecord[]> {
    const docs = await this.model
      .find({ enterpriseId: oid(enterpriseId) })
      .sort({ from: -1, _id: -1 })
      .lean<AssignmentDoc[]>();
    return docs.map(toRecord);
  }

  /**
   * Ends the live assignment (if any) and starts a new one, in one transaction so a firm is never
   * left without its steward halfway. Assigning the current steward again is a no-op (a retry).
   * A concurrent reassignment loses on the unique live index and gets CONFLICT.
   */
  async reassign(
    enterpriseId: string,
    stewardId: string,
    assignedBy: string,
    now: Date,
  ): Promise<AssignmentRecord> {
    const current = await this.liveForEnterprise(enterpriseId);
    if (current?.stewardId === stewardId) return current;
    try {
      let created: AssignmentDoc | null = null;
      await this.conn.transaction(async (session) => {
        await this.model.updateOne(
          { enterpriseId: oid(enterpriseId), live: true },
          { $set: { live: false, to: now } },
          { session },
        );
        const [doc] = await this.model.create([this.liveDoc(enterpriseId, stewardId, assignedBy, now)], {
          session,
        });
        created = doc.toObject() as AssignmentDoc;
      });
      return toRecord(created!);
    } catch (err) {
      if (isDuplicateKey(err)) throw new DomainError('CONFLICT', '该企业的管家刚被他人更换，请刷新后重试');
      throw err;
    }
  }

  /** How many of these enterprises have a steward today (coverage counts). */
  async countLive(enterpriseIds: string[]): Promise<number> {
    if (enterpriseIds.length === 0) return 0;
    return this.model.countDocuments({ enterpriseId: { $in: enterpriseIds.map(oid) }, live: true });
  }

  /**
   * Gives a steward the firms among `enterpriseIds` that have none, in one unordered insert. The
   * unique live index is the guard: a firm given a steward meanwhile (by another admin, or by
   * this same request retried) refuses its row, and only that row. Returns the firms assigned.
   */
  async assignWhereNone(
    enterpriseIds: string[],
    stewardId: string,
    assignedBy: string,
    now: Date,
  ): Promise<string[]> {
    const refused = await insertUnlessDuplicate(
      this.model,
      enterpriseIds.map((id) => this.liveDoc(id, stewardId, assignedBy, now)),
    );
    return enterpriseIds.filter((_, i) => !refused.has(i));
  }

  /**
   * Moves firms to new stewards in one transaction: each firm's live assignment (held by
   * `fromStewardId` when given, else by anyone but its new steward) ends and the new one starts.
   * When `fromStewardId` is given every firm must still be theirs, or nothing changes (CONFLICT):
   * a leaving steward's firms move whole, never half. Returns the firms that moved.
   */
  async moveMany(
    plan: Map<string, string[]>,
    assignedBy: string,
    now: Date,
    fromStewardId?: string,
  ): Promise<string[]> {
    const moved: string[] = [];
    try {
      await this.conn.transaction(async (session) => {
        moved.length = 0;
        for (const [stewardId, firmIds] of plan) {
          if (firmIds.length === 0) continue;
          const ids = firmIds.map(oid);
          const held = fromStewardId ? oid(fromStewardId) : { $ne: oid(stewardId) };
          const ended = await this.model.updateMany(
            { enterpriseId: { $in: ids }, live: true, stewardId: held },
            { $set: { live: false, to: now } },
            { session },
          );
          if (fromStewardId && ended.modifiedCount !== firmIds.length) {
            throw new DomainError('CONFLICT', '该管家的企业刚有变动，请刷新后重试');
          }
          // Firms already with this steward keep their row; every other one gets a new live row.
          const still = await this.model
            .find({ enterpriseId: { $in: ids }, live: true }, { enterpriseId: 1 }, { session })
            .lean<AssignmentDoc[]>();
          const kept = new Set(still.map((d) => d.enterpriseId.toHexString()));
          const starting = firmIds.filter((id) => !kept.has(id));
          if (starting.length === 0) continue;
          await this.model.insertMany(
            starting.map((id) => this.liveDoc(id, stewardId, assignedBy, now)),
            { session },
          );
          moved.push(...starting);
        }
      });
      return moved;
    } catch (err) {
      if (isDuplicateKey(err)) throw new DomainError('CONFLICT', '这些企业的管家刚被他人更换，请刷新后重试');
      throw err;
    }
  }

  private liveDoc(enterpriseId: string, stewardId: string, assignedBy: string, now: Date) {
    return {
      enterpriseId: oid(enterpriseId),
      stewardId: oid(stewardId),
      assignedBy: oid(assignedBy),
      from: now,
      to: null,
      live: true,
    };
  }
}
