import { Types, type Model } from 'mongoose';
import type { Role } from '@fugong/contracts';
import type { UserDoc } from '../auth/user.model';
import { isDuplicateKey } from '../../db/errors';
import { DomainError } from '../../errors';
import type { Connection } from 'mongoose';
import { userModel } from '../auth/user.model';
import { oid } from '../../db/ids';

/** The personal side of a user (PII still encrypted), as the profile and manifest need it. */
export interface PersonRecord {
  id: string;
  name: string | null;
  phoneEnc: string | null;
  idNumberEnc: string | null;
  roles: Role[];
  enterpriseId: string | null;
  /** An officer's department (their scope); null for everyone else. */
  departmentId: string | null;
  homeRegion: UserDoc['homeRegion'];
}

/** The scope a role is granted with: an officer's department or a liaison's enterprise. */
export type GrantScope =
  { kind: 'department'; departmentId: string } | { kind: 'enterprise'; enterpriseId: string } | null;

const toRecord = (d: UserDoc): PersonRecord => ({
  id: d._id.toHexString(),
  name: d.name,
  phoneEnc: d.phoneEnc,
  idNumberEnc: d.idNumberEnc,
  roles: d.roles,
  enterpriseId: d.enterpriseId ? d.enterpriseId.toHexString() : null,
  departmentId: d.departmentId ?? null,
  homeRegion: d.homeRegion,
});

/**
 * Profile reads and writes on the one users collection (the model belongs to the auth module;
 * this repository adds the profile's queries rather than a second model of the same data).
 */
export class ProfileRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): ProfileRepository {
    return new ProfileRepository(userModel(conn));
  }

  constructor(private readonly model: Model<UserDoc>) {}

  async findById(id: string): Promise<PersonRecord | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.model.findById(id).lean<UserDoc>();
    return doc ? toRecord(doc) : null;
  }

  async findByPhoneHash(phoneHash: string): Promise<PersonRecord | null> {
    const doc = await this.model.findOne({ phoneHash }).lean<UserDoc>();
    return doc ? toRecord(doc) : null;
  }

  /** WeChat openid for subscribe messages; null for people who only ever used H5. */
  async openidOf(id: string): Promise<string | null> {
    const doc = await this.model.findById(id, { openid: 1 }).lean<UserDoc>();
    return doc?.openid ?? null;
  }

  async findMany(ids: string[]): Promise<Map<string, PersonRecord>> {
    const docs = await this.model
      .find({ _id: { $in: ids.filter((id) => Types.ObjectId.isValid(id)).map(oid) } })
      .lean<UserDoc[]>();
    return new Map(docs.map((d) => [d._id.toHexString(), toRecord(d)]));
  }

  /**
   * Saves the worker's own data. The unique index on idNumberHash decides, atomically, that
   * an ID number belongs to one account; a clash becomes a CONFLICT the worker can read.
   * With `id` null the number on file is kept, and the write applies only while there is one.
   * The write also applies only while the person is not a liaison, or keeps the enterprise they
   * are a liaison of (their authorization scope, which only an admin moves): decided in the
   * same atomic write, so a liaison role granted a moment earlier is never overwritten. Null
   * when it did not apply (no such person, no ID number on file, a liaison's move): the caller
   * reads why.
   */
  async saveProfile(
    id: string,
    p: {
      name: string;
      id: { idNumberEnc: string; idNumberHash: string } | null;
      homeRegion: NonNullable<UserDoc['homeRegion']>;
      enterpriseId: string | null;
    },
  ): Promise<PersonRecord | null> {
    try {
      const enterpriseId = p.enterpriseId ? oid(p.enterpriseId) : null;
      const doc = await this.model
        .findOneAndUpdate(
          {
            _id: oid(id),
            ...(p.id ? {} : { idNumberEnc: { $ne: null } }),
            $or: [{ roles: { $ne: 'liaison' } }, { enterpriseId }],
          },
          {
            $set: {
              name: p.name,
              ...(p.id ?? {}),
              homeRegion: p.homeRegion,
              enterpriseId,
            },
          },
          { returnDocument: 'after' },
        )
        .lean<UserDoc>();
      return doc ? toRecord(doc) : null;
    } catch (err) {
      if (isDuplicateKey(err))
        throw new DomainError('CONFLICT', '该身份证号已被其他账号登记，如有疑问请联系管理员', [
          { path: 'idNumber', message: '身份证号已被使用', code: 'duplicate' },
        ]);
      throw err;
    }
  }

  async setRoles(
    id: string,
    roles: Role[],
    enterpriseId: string | null,
    departmentId: string | null,
  ): Promise<PersonRecord | null> {
    const doc = await this.model
      .findOneAndUpdate(
        { _id: oid(id) },
        { $set: { roles, enterpriseId: enterpriseId ? oid(enterpriseId) : null, departmentId } },
        { returnDocument: 'after' },
      )
      .lean<UserDoc>();
    return doc ? toRecord(doc) : null;
  }

  /**
   * Adds one role with its scope in one guarded write: it applies only while the person lacks
   * the role and holds no other scope of that kind (an officer of another department, someone
   * registered with another firm), so a re-upload or two admins granting at once change nothing
   * twice and never move a scope silently. Null when it did not apply: the caller reads why.
   */
  async addRole(id: string, role: Role, scope: GrantScope): Promise<PersonRecord | null> {
    const filter: Record<string, unknown> = { _id: oid(id), roles: { $ne: role } };
    const set: Record<string, unknown> = {};
    if (scope?.kind === 'department') {
      filter.departmentId = { $in: [null, scope.departmentId] };
      set.departmentId = scope.departmentId;
    } else if (scope?.kind === 'enterprise') {
      filter.enterpriseId = { $in: [null, oid(scope.enterpriseId)] };
      set.enterpriseId = oid(scope.enterpriseId);
    }
    const doc = await this.model
      .findOneAndUpdate(
        filter,
        { $addToSet: { roles: role }, ...(Object.keys(set).length ? { $set: set } : {}) },
        { returnDocument: 'after' },
      )
      .lean<UserDoc>();
    return doc ? toRecord(doc) : null;
  }
}
