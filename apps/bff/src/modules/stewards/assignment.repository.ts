import type { Connection, Model, Types } from 'mongoose';
import type { AssignmentDoc } from './assignment.model';
import { isDuplicateKey } from '../../db/errors';
import { DomainError } from '../../errors';
import { assignmentModel } from './assignment.model';
import { oid } from '../../db/ids';

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
        const [doc] = await this.model.create(
          [
            {
              enterpriseId: oid(enterpriseId),
              stewardId: oid(stewardId),
              assignedBy: oid(assignedBy),
              from: now,
              to: null,
              live: true,
            },
          ],
          { session },
        );
        created = doc.toObject() as AssignmentDoc;
      });
      return toRecord(created!);
    } catch (err) {
      if (isDuplicateKey(err)) throw new DomainError('CONFLICT', '该企业的管家刚被他人更换，请刷新后重试');
      throw err;
    }
  }
}
