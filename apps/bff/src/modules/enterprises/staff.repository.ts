import { Types, type Model, type QueryFilter } from 'mongoose';
import type { Role } from '@fugong/contracts';
import type { UserDoc } from '../auth/user.model';
import type { Connection } from 'mongoose';
import { userModel } from '../auth/user.model';

export interface StaffRecord {
  id: string;
  name: string | null;
  roles: Role[];
  enterpriseId: string | null;
  departmentId: string | null;
}

const toRecord = (d: UserDoc): StaffRecord => ({
  id: d._id.toHexString(),
  name: d.name ?? null,
  roles: d.roles,
  enterpriseId: d.enterpriseId ? d.enterpriseId.toHexString() : null,
  departmentId: d.departmentId ?? null,
});

/**
 * The staff side of the users collection, as this feature needs it: names of stewards and
 * officers, the steward roster, and binding a liaison to an enterprise. Never touches PII fields.
 */
export class StaffRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): StaffRepository {
    return new StaffRepository(userModel(conn));
  }

  constructor(private readonly model: Model<UserDoc>) {}

  async findByIds(ids: string[]): Promise<StaffRecord[]> {
    const valid = ids.filter((id) => Types.ObjectId.isValid(id)).map((id) => new Types.ObjectId(id));
    if (valid.length === 0) return [];
    const docs = await this.model
      .find({ _id: { $in: valid } })
      .select({ name: 1, roles: 1, enterpriseId: 1, departmentId: 1 })
      .lean<UserDoc[]>();
    return docs.map(toRecord);
  }

  async listByRole(role: Role): Promise<StaffRecord[]> {
    return this.listBy({ roles: role });
  }

  /**
   * Everyone bound to an enterprise (its workers and its liaison), by name. Served by the users
   * index { enterpriseId, roles } (its enterpriseId prefix).
   */
  async listOfEnterprise(enterpriseId: string): Promise<StaffRecord[]> {
    return this.listBy({ enterpriseId: new Types.ObjectId(enterpriseId) });
  }

  /** People matching `filter`, by name, capped: a roster, never a dump of the users collection. */
  private async listBy(filter: QueryFilter<UserDoc>): Promise<StaffRecord[]> {
    const docs = await this.model
      .find(filter)
      .select({ name: 1, roles: 1, enterpriseId: 1, departmentId: 1 })
      .sort({ name: 1 })
      .limit(2000)
      .lean<UserDoc[]>();
    return docs.map(toRecord);
  }

  /**
   * Binds a person to an enterprise as its liaison. Guarded: only a person not yet bound (or bound
   * to this same enterprise) matches, so a liaison can never be silently moved to another firm.
   * Returns false when the person is bound elsewhere.
   */
  async bindLiaison(userId: string, enterpriseId: string): Promise<boolean> {
    const eid = new Types.ObjectId(enterpriseId);
    const res = await this.model.updateOne(
      { _id: new Types.ObjectId(userId), $or: [{ enterpriseId: null }, { enterpriseId: eid }] },
      { $set: { enterpriseId: eid }, $addToSet: { roles: 'liaison' } },
    );
    return res.matchedCount === 1;
  }
}
