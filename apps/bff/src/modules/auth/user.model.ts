import { Schema, type Types, type Connection, type Model } from 'mongoose';
import { ROLES, type Role } from '@fugong/contracts';

export interface UserDoc {
  _id: Types.ObjectId;
  name: string | null;
  /** AES-GCM ciphertext of the phone; never stored in clear. */
  phoneEnc: string | null;
  /** Keyed hash of the phone, for sign-in lookups. */
  phoneHash: string | null;
  openid: string | null;
  idNumberEnc: string | null;
  idNumberHash: string | null;
  roles: Role[];
  enterpriseId: Types.ObjectId | null;
  departmentId: string | null;
  homeRegion: { province: string; city: string; county: string } | null;
  /** Set on an account merged into another (WeChat openid account → the person's phone account). */
  mergedInto: Types.ObjectId | null;
  /** Accounts merged into this one, so their audit history can be found under this person. */
  mergedFrom: Types.ObjectId[];
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<UserDoc>(
  {
    name: { type: String, default: null },
    phoneEnc: { type: String, default: null },
    phoneHash: { type: String, default: null },
    openid: { type: String, default: null },
    idNumberEnc: { type: String, default: null },
    idNumberHash: { type: String, default: null },
    roles: { type: [String], enum: ROLES, default: ['worker'] },
    enterpriseId: { type: Schema.Types.ObjectId, default: null },
    departmentId: { type: String, default: null },
    homeRegion: {
      type: new Schema({ province: String, city: String, county: String }, { _id: false }),
      default: null,
    },
    mergedInto: { type: Schema.Types.ObjectId, default: null },
    mergedFrom: { type: [Schema.Types.ObjectId], default: [] },
  },
  { timestamps: true, versionKey: false, collection: 'users' },
);

// Sign-in by phone (findOne by phoneHash) and "one account per phone" under concurrent
// first logins: the upsert that creates a user relies on this index to never create two.
schema.index({ phoneHash: 1 }, { unique: true, partialFilterExpression: { phoneHash: { $type: 'string' } } });
// Sign-in by WeChat openid, same race as above.
schema.index({ openid: 1 }, { unique: true, partialFilterExpression: { openid: { $type: 'string' } } });
// One person, one ID number: a second account cannot claim someone's ID.
schema.index(
  { idNumberHash: 1 },
  { unique: true, partialFilterExpression: { idNumberHash: { $type: 'string' } } },
);
// Staff lists of an enterprise (liaison booking for named staff, dashboard headcounts).
schema.index({ enterpriseId: 1, roles: 1 });

/** Registers the model on a connection. */
export function userModel(conn: Connection): Model<UserDoc> {
  return conn.models.User ?? conn.model<UserDoc>('User', schema);
}
