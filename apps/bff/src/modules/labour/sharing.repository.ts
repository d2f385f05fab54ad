import { Types, type ClientSession, type Connection, type Model, type QueryFilter } from 'mongoose';
import { oid } from '../../db/ids';
import type { SharingKind } from '@fugong/contracts';
import { isDuplicateKey } from '../../db/errors';
import type { SharingAgreementDoc, SharingPostDoc } from './sharing.model';
import { sharingAgreementModel, sharingPostModel } from './sharing.model';

const valid = (id: string) => Types.ObjectId.isValid(id);

export type SharingPostRecord = Omit<SharingPostDoc, '_id' | 'enterpriseId' | 'postedBy'> & {
  id: string;
  enterpriseId: string;
};
export type SharingAgreementRecord = Omit<
  SharingAgreementDoc,
  '_id' | 'surplusId' | 'shortageId' | 'lenderId' | 'borrowerId' | 'proposedByUser' | 'decidedBy'
> & { id: string; surplusId: string; shortageId: string; lenderId: string; borrowerId: string };
export type NewSharingPost = Omit<SharingPostRecord, 'id' | 'free' | 'status'> & { postedBy: string };
export type NewSharingAgreement = Omit<SharingAgreementRecord, 'id' | 'status' | 'agreedAt'> & {
  proposedByUser: string;
};
/** Why an agreement did not apply: no longer proposed, or a post lacks the free heads (or closed). */
export type CommitRefusal = 'not_proposed' | 'heads_taken';

const toPost = (d: SharingPostDoc): SharingPostRecord => {
  const { _id, enterpriseId, postedBy: _by, ...rest } = d;
  return { ...rest, id: _id.toHexString(), enterpriseId: enterpriseId.toHexString() };
};
const toAgreement = (d: SharingAgreementDoc): SharingAgreementRecord => {
  const { _id, surplusId, shortageId, lenderId, borrowerId, proposedByUser: _p, decidedBy: _d, ...rest } = d;
  return {
    ...rest,
    id: _id.toHexString(),
    surplusId: surplusId.toHexString(),
    shortageId: shortageId.toHexString(),
    lenderId: lenderId.toHexString(),
    borrowerId: borrowerId.toHexString(),
  };
};

/** 用工调剂's posts and arrangements. Heads move only by guarded `$inc`, inside one transaction per agreement. */
export class SharingRepository {
  static on(conn: Connection): SharingRepository {
    return new SharingRepository(conn, sharingPostModel(conn), sharingAgreementModel(conn));
  }

  constructor(
    private readonly conn: Connection,
    private readonly posts: Model<SharingPostDoc>,
    private readonly agreements: Model<SharingAgreementDoc>,
  ) {}

  async createPost(p: NewSharingPost): Promise<SharingPostRecord> {
    const doc = await this.posts.create({
      ...p,
      enterpriseId: oid(p.enterpriseId),
      postedBy: oid(p.postedBy),
      free: p.headcount,
      status: 'open',
    });
    return toPost(doc.toObject() as SharingPostDoc);
  }

  async findPost(id: string): Promise<SharingPostRecord | null> {
    if (!valid(id)) return null;
    const d = await this.posts.findById(id).lean<SharingPostDoc>();
    return d ? toPost(d) : null;
  }

  /** Open posts with heads still free, newest first. */
  async board(q: { kind?: SharingKind; industry?: string }): Promise<SharingPostRecord[]> {
    const filter: QueryFilter<SharingPostDoc> = { status: 'open', free: { $gt: 0 } };
    if (q.kind) filter.kind = q.kind;
    if (q.industry) filter.industry = q.industry;
    const docs = await this.posts.find(filter).sort({ postedAt: -1 }).limit(100).lean<SharingPostDoc[]>();
    return docs.map(toPost);
  }

  async postsOf(enterpriseIds: string[]): Promise<SharingPostRecord[]> {
    const docs = await this.posts
      .find({ enterpriseId: { $in: enterpriseIds.map(oid) } })
      .sort({ postedAt: -1 })
      .limit(200)
      .lean<SharingPostDoc[]>();
    return docs.map(toPost);
  }

  /** open → closed, guarded: null when it was already closed. */
  async closePost(id: string): Promise<SharingPostRecord | null> {
    const d = await this.posts
      .findOneAndUpdate(
        { _id: oid(id), status: 'open' },
        { $set: { status: 'closed' } },
        { returnDocument: 'after' },
      )
      .lean<SharingPostDoc>();
    return d ? toPost(d) : null;
  }

  /** A proposal; 'duplicate' when the same two posts already have one waiting (partial unique index). */
  async propose(a: NewSharingAgreement): Promise<SharingAgreementRecord | 'duplicate'> {
    try {
      const doc = await this.agreements.create({
        ...a,
        surplusId: oid(a.surplusId),
        shortageId: oid(a.shortageId),
        lenderId: oid(a.lenderId),
        borrowerId: oid(a.borrowerId),
        proposedByUser: oid(a.proposedByUser),
        status: 'proposed',
        agreedAt: null,
        decidedBy: null,
      });
      return toAgreement(doc.toObject() as SharingAgreementDoc);
    } catch (err) {
      if (isDuplicateKey(err)) return 'duplicate';
      throw err;
    }
  }

  async findAgreement(id: string): Promise<SharingAgreementRecord | null> {
    if (!valid(id)) return null;
    const d = await this.agreements.findById(id).lean<SharingAgreementDoc>();
    return d ? toAgreement(d) : null;
  }

  /** A firm's arrangements on either side (or every one, for null), newest first. */
  async agreementsOf(enterpriseIds: string[] | null, limit = 200): Promise<SharingAgreementRecord[]> {
    const ids = enterpriseIds?.map(oid);
    const q = ids ? { $or: [{ lenderId: { $in: ids } }, { borrowerId: { $in: ids } }] } : {};
    const docs = await this.agreements
      .find(q)
      .sort({ proposedAt: -1 })
      .limit(limit)
      .lean<SharingAgreementDoc[]>();
    return docs.map(toAgreement);
  }

  /** The agreed arrangements that name this worker's phone (by its lookup hash). */
  async agreementsOfWorker(phoneHash: string): Promise<SharingAgreementRecord[]> {
    const docs = await this.agreements
      .find({ workerPhoneHashes: phoneHash, status: 'agreed' })
      .sort({ proposedAt: -1 })
      .limit(50)
      .lean<SharingAgreementDoc[]>();
    return docs.map(toAgreement);
  }

  /**
   * The other firm agrees: in one transaction the agreement leaves 'proposed' and both posts give up
   * the heads, each update guarded by `status: open, free ≥ n`. Of two firms agreeing at once for the
   * last free heads of one post, the second's guard finds too few (or its write conflicts and the
   * retry does) and the whole transaction aborts: nothing of it is written.
   */
  async commit(id: string, by: string, at: Date): Promise<SharingAgreementRecord | CommitRefusal> {
    const session = await this.conn.startSession();
    try {
      let outcome: SharingAgreementRecord | CommitRefusal = 'not_proposed';
      await session.withTransaction(async () => {
        outcome = await this.commitIn(session, id, by, at);
        if (typeof outcome === 'string') await session.abortTransaction();
      });
      return outcome;
    } finally {
      await session.endSession();
    }
  }

  private async commitIn(s: ClientSession, id: string, by: string, at: Date) {
    const a = await this.agreements
      .findOneAndUpdate(
        { _id: oid(id), status: 'proposed' },
        { $set: { status: 'agreed', agreedAt: at, decidedBy: oid(by) } },
        { returnDocument: 'after', session: s },
      )
      .lean<SharingAgreementDoc>();
    if (!a) return 'not_proposed' as const;
    for (const postId of [a.surplusId, a.shortageId]) {
      const r = await this.posts.updateOne(
        { _id: postId, status: 'open', free: { $gte: a.headcount } },
        { $inc: { free: -a.headcount } },
        { session: s },
      );
      if (r.modifiedCount !== 1) return 'heads_taken' as const;
    }
    return toAgreement(a);
  }

  /** proposed → declined, guarded: null when it was no longer waiting. */
  async decline(id: string, by: string): Promise<SharingAgreementRecord | null> {
    const d = await this.agreements
      .findOneAndUpdate(
        { _id: oid(id), status: 'proposed' },
        { $set: { status: 'declined', decidedBy: oid(by) } },
        { returnDocument: 'after' },
      )
      .lean<SharingAgreementDoc>();
    return d ? toAgreement(d) : null;
  }

  /** 人社局's totals: open posts by kind (posts, heads, heads free) and arrangements by status. */
  async totals() {
    const [byKind, byStatus] = await Promise.all([
      this.posts.aggregate<{ _id: SharingKind; posts: number; heads: number; free: number }>([
        { $match: { status: 'open' } },
        {
          $group: {
            _id: '$kind',
            posts: { $sum: 1 },
            heads: { $sum: '$headcount' },
            free: { $sum: '$free' },
          },
        },
      ]),
      this.agreements.aggregate<{ _id: string; n: number; heads: number }>([
        { $group: { _id: '$status', n: { $sum: 1 }, heads: { $sum: '$headcount' } } },
      ]),
    ]);
    return { byKind, byStatus };
  }
}
