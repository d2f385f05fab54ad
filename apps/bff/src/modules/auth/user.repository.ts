import { Types, type Model } from 'mongoose';
import type { Role } from '@fugong/contracts';
import type { UserDoc } from './user.model';
import { isDuplicateKey } from '../../db/errors';
import { Batcher } from '../../db/batcher';
import { oid } from '../../db/ids';
import type { Connection } from 'mongoose';
import { userModel } from './user.model';

/** A user as the services see it: plain data, ids as strings, PII still encrypted. */
export interface UserRecord {
  id: string;
  name: string | null;
  phoneEnc: string | null;
  phoneHash: string | null;
  openid: string | null;
  idNumberEnc: string | null;
  roles: Role[];
  enterpriseId: string | null;
  departmentId: string | null;
  homeRegion: UserDoc['homeRegion'];
  /** The account this one was merged into; such an account signs nobody in any more. */
  mergedInto: string | null;
}

function toRecord(doc: UserDoc): UserRecord {
  return {
    id: doc._id.toHexString(),
    name: doc.name,
    phoneEnc: doc.phoneEnc,
    phoneHash: doc.phoneHash,
    openid: doc.openid,
    idNumberEnc: doc.idNumberEnc,
    roles: doc.roles,
    enterpriseId: doc.enterpriseId ? doc.enterpriseId.toHexString() : null,
    departmentId: doc.departmentId,
    homeRegion: doc.homeRegion,
    mergedInto: doc.mergedInto ? doc.mergedInto.toHexString() : null,
  };
}

export class UserRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): UserRepository {
    return new UserRepository(userModel(conn));
  }

  /** Employer reads of one turn (the rollup sync of every check-in asks one) as one query. */
  private readonly employers: Batcher<string, Types.ObjectId | null>;

  constructor(private readonly model: Model<UserDoc>) {
    this.employers = new Batcher(async (ids) => {
      // Driver call (no mongoose query per check-in's rollup sync); the ids are cast here.
      const docs = (await this.model.collection
        .find(
          { _id: { $in: [...new Set(ids)].map(oid) } },
          { projection: { enterpriseId: 1 }, batchSize: ids.length + 1 },
        )
        .toArray()) as Pick<UserDoc, '_id' | 'enterpriseId'>[];
      const by = new Map(docs.map((d) => [d._id.toHexString(), d.enterpriseId ?? null]));
      return ids.map((id) => by.get(id) ?? null);
    });
  }

  // ---- Reads for the dashboard's rollups (their sync and their recount from raw data), as stored.

  /** A worker's employer id as stored (null when none or unknown). */
  async employerOf(workerId: string): Promise<Types.ObjectId | null> {
    if (!Types.ObjectId.isValid(workerId)) return null;
    return this.employers.load(new Types.ObjectId(workerId).toHexString());
  }

  /** Every person with an employer, as a cursor. */
  employersForRecount(batchSize: number) {
    return this.model
      .find({ enterpriseId: { $ne: null } }, { enterpriseId: 1 })
      .lean<Pick<UserDoc, '_id' | 'enterpriseId'>>()
      .cursor({ batchSize });
  }

  async findById(id: string): Promise<UserRecord | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.model.findById(id).lean<UserDoc>();
    return doc ? toRecord(doc) : null;
  }

  async findByPhoneHash(phoneHash: string): Promise<UserRecord | null> {
    const doc = await this.model.findOne({ phoneHash }).lean<UserDoc>();
    return doc ? toRecord(doc) : null;
  }

  /**
   * Gives an account without a phone this phone. Guarded on `phoneHash: null` (a retry or a
   * second tap changes nothing); 'taken' when another account got the phone first (unique index).
   */
  async attachPhone(id: string, phoneHash: string, phoneEnc: string): Promise<UserRecord | 'taken' | null> {
    try {
      const doc = await this.model
        .findOneAndUpdate(
          { _id: new Types.ObjectId(id), phoneHash: null, mergedInto: null },
          { $set: { phoneHash, phoneEnc } },
          { returnDocument: 'after' },
        )
        .lean<UserDoc>();
      return doc ? toRecord(doc) : null;
    } catch (err) {
      if (isDuplicateKey(err)) return 'taken';
      throw err;
    }
  }

  /**
   * Finds the user with this phone hash or creates a worker for it, in one atomic upsert.
   * Two first logins racing cannot create two accounts (unique phoneHash); the loser of the
   * race retries the upsert and finds the winner's document.
   */
  async findOrCreateByPhone(phoneHash: string, phoneEnc: string): Promise<UserRecord> {
    return this.upsertBy({ phoneHash }, { phoneHash, phoneEnc });
  }

  /** Same as findOrCreateByPhone, keyed by WeChat openid. */
  async findOrCreateByOpenid(openid: string): Promise<UserRecord> {
    return this.upsertBy({ openid }, { openid });
  }

  private async upsertBy(
    filter: Record<string, string>,
    onInsert: Record<string, string>,
  ): Promise<UserRecord> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const doc = await this.model
          .findOneAndUpdate(
            filter,
            { $setOnInsert: { ...onInsert, roles: ['worker'] } },
            { upsert: true, returnDocument: 'after' },
          )
          .lean<UserDoc>();
        return toRecord(doc!);
      } catch (err) {
        if (!isDuplicateKey(err) || attempt >= 2) throw err;
      }
    }
  }

  /** The liaisons of each enterprise (merged accounts left out): who hears of the firm's news. */
  async liaisonsOf(enterpriseIds: string[]): Promise<Map<string, string[]>> {
    const docs = await this.model
      .find(
        {
          enterpriseId: { $in: enterpriseIds.map((id) => new Types.ObjectId(id)) },
          roles: 'liaison',
          mergedInto: null,
        },
        { _id: 1, enterpriseId: 1 },
      )
      .lean<Pick<UserDoc, '_id' | 'enterpriseId'>[]>();
    const map = new Map<string, string[]>();
    for (const d of docs) {
      const eid = d.enterpriseId!.toHexString();
      map.set(eid, [...(map.get(eid) ?? []), d._id.toHexString()]);
    }
    return map;
  }

  /** Creates or updates a user by phone with given roles and scope (seeding, admin grants). */
  async upsertStaffByPhone(input: {
    phoneHash: string;
    phoneEnc: string;
    name: string;
    roles: Role[];
    enterpriseId?: string | null;
    departmentId?: string | null;
  }): Promise<UserRecord> {
    const doc = await this.model
      .findOneAndUpdate(
        { phoneHash: input.phoneHash },
        {
          $set: {
            name: input.name,
            roles: input.roles,
            enterpriseId: input.enterpriseId ? new Types.ObjectId(input.enterpriseId) : null,
            departmentId: input.departmentId ?? null,
          },
          $setOnInsert: { phoneHash: input.phoneHash, phoneEnc: input.phoneEnc },
        },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<UserDoc>();
    return toRecord(doc!);
  }
}
