import { Types, type Model } from 'mongoose';
import type { DepartmentHeadDoc } from './department-head.model';
import type { Connection } from 'mongoose';
import { departmentHeadModel } from './department-head.model';

export interface DepartmentHeadRecord {
  departmentCode: string;
  userId: string;
  setAt: Date;
}

const toRecord = (d: DepartmentHeadDoc): DepartmentHeadRecord => ({
  departmentCode: d._id,
  userId: d.userId.toHexString(),
  setAt: d.setAt,
});

export class DepartmentHeadRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): DepartmentHeadRepository {
    return new DepartmentHeadRepository(departmentHeadModel(conn));
  }

  constructor(private readonly model: Model<DepartmentHeadDoc>) {}

  /** One atomic upsert on the department's _id: the last decision wins, never two heads. */
  async set(code: string, userId: string, setBy: string, now: Date): Promise<DepartmentHeadRecord> {
    const doc = await this.model
      .findOneAndUpdate(
        { _id: code },
        { $set: { userId: new Types.ObjectId(userId), setBy: new Types.ObjectId(setBy), setAt: now } },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<DepartmentHeadDoc>();
    return toRecord(doc!);
  }

  async of(code: string): Promise<DepartmentHeadRecord | null> {
    const doc = await this.model.findById(code).lean<DepartmentHeadDoc>();
    return doc ? toRecord(doc) : null;
  }

  async all(): Promise<DepartmentHeadRecord[]> {
    const docs = await this.model.find({}).sort({ _id: 1 }).lean<DepartmentHeadDoc[]>();
    return docs.map(toRecord);
  }
}
