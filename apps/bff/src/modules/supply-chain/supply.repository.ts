import { Types, type Model } from 'mongoose';
import { oid } from '../../db/ids';
import type {
  MatchStatus,
  PostSide,
  SupplyCategory,
  SupplyMatchBrowseQuery,
  SupplyPostBrowseQuery,
} from '@fugong/contracts';
import { browsePage, type BrowseShape } from './browse-page';
import type { MatchDoc, PostDoc, SupplierDoc } from './supply.models';
import type { Connection } from 'mongoose';
import { postModel } from './supply.models';
import { matchModel } from './supply.models';
import { supplierModel } from './supply.models';

const valid = (id: string) => Types.ObjectId.isValid(id);

export type PostRecord = Omit<PostDoc, '_id' | 'enterpriseId' | 'createdBy' | 'closedBy' | 'point'> & {
  id: string;
  enterpriseId: string;
  point: { lat: number; lng: number };
};
export type MatchRecord = Omit<
  MatchDoc,
  '_id' | 'supplyPostId' | 'demandPostId' | 'supplyEnterpriseId' | 'demandEnterpriseId' | 'confirmedBy'
> & {
  id: string;
  supplyPostId: string;
  demandPostId: string;
  supplyEnterpriseId: string;
  demandEnterpriseId: string;
};
export type SupplierRecord = Omit<
  SupplierDoc,
  '_id' | 'leadEnterpriseId' | 'enterpriseId' | 'coordinationIssueId'
> & {
  id: string;
  leadEnterpriseId: string;
  enterpriseId: string | null;
  coordinationIssueId: string | null;
};

const toPost = (d: PostDoc): PostRecord => {
  const { _id, enterpriseId, createdBy: _by, closedBy: _closer, point, ...rest } = d;
  return {
    ...rest,
    id: _id.toHexString(),
    enterpriseId: enterpriseId.toHexString(),
    point: { lng: point.coordinates[0], lat: point.coordinates[1] },
  };
};
const toMatch = (d: MatchDoc): MatchRecord => {
  const {
    _id,
    supplyPostId,
    demandPostId,
    supplyEnterpriseId,
    demandEnterpriseId,
    confirmedBy: _c,
    ...rest
  } = d;
  return {
    ...rest,
    id: _id.toHexString(),
    supplyPostId: supplyPostId.toHexString(),
    demandPostId: demandPostId.toHexString(),
    supplyEnterpriseId: supplyEnterpriseId.toHexString(),
    demandEnterpriseId: demandEnterpriseId.toHexString(),
  };
};
const toSupplier = (d: SupplierDoc): SupplierRecord => ({
  id: d._id.toHexString(),
  leadEnterpriseId: d.leadEnterpriseId.toHexString(),
  name: d.name,
  regionCode: d.regionCode,
  enterpriseId: d.enterpriseId ? d.enterpriseId.toHexString() : null,
  supplies: d.supplies,
  reportedReopened: d.reportedReopened ?? null,
  coordinationIssueId: d.coordinationIssueId ? d.coordinationIssueId.toHexString() : null,
  createdAt: d.createdAt,
});

/** 工信局's list of every firm's posts: by region, industry, 供/需, category and status. */
const POST_BROWSE: BrowseShape<SupplyPostBrowseQuery> = {
  filters: {
    regionCode: 'regionCode',
    industry: 'industry',
    side: 'side',
    category: 'category',
    status: 'status',
  },
  expiry: 'availableUntil',
  newest: 'createdAt',
};
/** 工信局's list of every match: region and industry match either party (multikey fields). */
const MATCH_BROWSE: BrowseShape<SupplyMatchBrowseQuery> = {
  filters: { regionCode: 'regionCodes', industry: 'industries', category: 'category', status: 'status' },
  expiry: 'untilDay',
  newest: 'proposedAt',
};

export class SupplyRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): SupplyRepository {
    return new SupplyRepository(postModel(conn), matchModel(conn), supplierModel(conn));
  }

  constructor(
    private readonly posts: Model<PostDoc>,
    private readonly matches: Model<MatchDoc>,
    private readonly suppliers: Model<SupplierDoc>,
  ) {}

  async createPost(p: Omit<PostRecord, 'id' | 'status'> & { createdBy: string }): Promise<PostRecord> {
    const doc = await this.posts.create({
      ...p,
      enterpriseId: oid(p.enterpriseId),
      createdBy: oid(p.createdBy),
      point: { type: 'Point', coordinates: [p.point.lng, p.point.lat] },
      status: 'open',
    });
    return toPost(doc.toObject() as PostDoc);
  }

  async findPost(id: string): Promise<PostRecord | null> {
    if (!valid(id)) return null;
    const d = await this.posts.findById(id).lean<PostDoc>();
    return d ? toPost(d) : null;
  }

  async postsOf(enterpriseId: string | null): Promise<PostRecord[]> {
    const q: Record<string, unknown> = enterpriseId
      ? { enterpriseId: oid(enterpriseId) }
      : { status: 'open' };
    const docs = await this.posts.find(q).sort({ createdAt: -1 }).limit(200).lean<PostDoc[]>();
    return docs.map(toPost);
  }

  /**
   * Open posts of `side` in `category` that share a day of `days` (YYYY-MM-DD strings compare as
   * dates), nearest to `at` first (the 2dsphere index's $near), within 2000 km.
   */
  async nearest(
    side: PostSide,
    category: SupplyCategory,
    at: { lat: number; lng: number },
    excludeFirm: string,
    days: { from: string; until: string },
  ) {
    const docs = await this.posts
      .find({
        point: {
          $near: { $geometry: { type: 'Point', coordinates: [at.lng, at.lat] }, $maxDistance: 2_000_000 },
        },
        side,
        category,
        status: 'open',
        enterpriseId: { $ne: oid(excludeFirm) },
        availableUntil: { $gte: days.from },
        availableFrom: { $lte: days.until },
      })
      .limit(20)
      .lean<PostDoc[]>();
    return docs.map(toPost);
  }

  /** Inserts a proposal; the unique (supply, demand) index refuses the same pairing twice. */
  async createMatch(m: Omit<MatchRecord, 'id' | 'status' | 'confirmedAt'>): Promise<MatchRecord> {
    const doc = await this.matches.create({
      ...m,
      supplyPostId: oid(m.supplyPostId),
      demandPostId: oid(m.demandPostId),
      supplyEnterpriseId: oid(m.supplyEnterpriseId),
      demandEnterpriseId: oid(m.demandEnterpriseId),
      status: 'proposed',
    });
    return toMatch(doc.toObject() as MatchDoc);
  }

  async findMatch(id: string): Promise<MatchRecord | null> {
    if (!valid(id)) return null;
    const d = await this.matches.findById(id).lean<MatchDoc>();
    return d ? toMatch(d) : null;
  }

  async matchesOf(enterpriseId: string | null): Promise<MatchRecord[]> {
    const q = enterpriseId
      ? { $or: [{ supplyEnterpriseId: oid(enterpriseId) }, { demandEnterpriseId: oid(enterpriseId) }] }
      : {};
    const docs = await this.matches.find(q).sort({ proposedAt: -1 }).limit(200).lean<MatchDoc[]>();
    return docs.map(toMatch);
  }

  /** proposed → confirmed by the other side, guarded: of two confirmations one applies, the other gets null. */
  async confirm(id: string, by: string, at: Date): Promise<MatchRecord | null> {
    const d = await this.matches
      .findOneAndUpdate(
        { _id: oid(id), status: 'proposed' },
        { $set: { status: 'confirmed', confirmedAt: at, confirmedBy: oid(by) } },
        { returnDocument: 'after' },
      )
      .lean<MatchDoc>();
    return d ? toMatch(d) : null;
  }

  /**
   * open → closed, guarded on the owning firm and the open status: of two closes one applies and
   * the other gets null.
   */
  async closePost(id: string, enterpriseId: string, by: string, at: Date): Promise<PostRecord | null> {
    const d = await this.posts
      .findOneAndUpdate(
        { _id: oid(id), enterpriseId: oid(enterpriseId), status: 'open' },
        { $set: { status: 'closed', closedAt: at, closedBy: oid(by) } },
        { returnDocument: 'after' },
      )
      .lean<PostDoc>();
    return d ? toPost(d) : null;
  }

  /** Ends the post's still-pending proposals (confirmed ones stay as they are); how many ended. */
  async endPendingMatches(post: { id: string; side: PostSide }, reason: string, at: Date) {
    const field = post.side === 'supply' ? 'supplyPostId' : 'demandPostId';
    const res = await this.matches.updateMany(
      { [field]: oid(post.id), status: 'proposed' },
      { $set: { status: 'ended', endedAt: at, endedReason: reason } },
    );
    return res.modifiedCount;
  }

  /**
   * Takes back a proposal inserted while one of its posts was being closed, unless the other side
   * confirmed it in between (then it stands): true when it was removed.
   */
  async withdrawProposal(id: string): Promise<boolean> {
    const res = await this.matches.deleteOne({ _id: oid(id), status: { $in: ['proposed', 'ended'] } });
    return res.deletedCount === 1;
  }

  /** 工信局's page of every firm's posts: filters as given, then the order, then the page. */
  async browsePosts(q: SupplyPostBrowseQuery): Promise<{ items: PostRecord[]; total: number }> {
    const { docs, total } = await browsePage(this.posts, q, POST_BROWSE);
    return { items: docs.map(toPost), total };
  }

  /** 工信局's page of every match; region and industry match either party. */
  async browseMatches(q: SupplyMatchBrowseQuery): Promise<{ items: MatchRecord[]; total: number }> {
    const { docs, total } = await browsePage(this.matches, q, MATCH_BROWSE);
    return { items: docs.map(toMatch), total };
  }

  /** The posts of a page of matches, in one query. */
  async postsByIds(ids: string[]): Promise<Map<string, PostRecord>> {
    const docs = await this.posts.find({ _id: { $in: ids.filter(valid).map(oid) } }).lean<PostDoc[]>();
    return new Map(docs.map((d) => [d._id.toHexString(), toPost(d)]));
  }

  async countMatches(status: MatchStatus): Promise<number> {
    return this.matches.countDocuments({ status });
  }

  async openPostCounts() {
    return this.posts.aggregate<{ _id: { side: PostSide; category: SupplyCategory }; count: number }>([
      { $match: { status: 'open' } },
      { $group: { _id: { side: '$side', category: '$category' }, count: { $sum: 1 } } },
    ]);
  }

  async addSupplier(s: Omit<SupplierRecord, 'id' | 'coordinationIssueId'>): Promise<SupplierRecord> {
    const doc = await this.suppliers.create({
      ...s,
      leadEnterpriseId: oid(s.leadEnterpriseId),
      enterpriseId: s.enterpriseId ? oid(s.enterpriseId) : null,
    });
    return toSupplier(doc.toObject() as SupplierDoc);
  }

  async findSupplier(id: string): Promise<SupplierRecord | null> {
    if (!valid(id)) return null;
    const d = await this.suppliers.findById(id).lean<SupplierDoc>();
    return d ? toSupplier(d) : null;
  }

  async suppliersOf(leadEnterpriseId: string | null): Promise<SupplierRecord[]> {
    const q = leadEnterpriseId ? { leadEnterpriseId: oid(leadEnterpriseId) } : {};
    const docs = await this.suppliers.find(q).sort({ name: 1 }).limit(500).lean<SupplierDoc[]>();
    return docs.map(toSupplier);
  }

  /** Claims the supplier's one coordination request (guarded: a second tap makes no second issue). */
  async claimCoordination(id: string, placeholder: string): Promise<boolean> {
    const res = await this.suppliers.updateOne(
      { _id: oid(id), coordinationIssueId: null },
      { $set: { coordinationIssueId: oid(placeholder) } },
    );
    return res.modifiedCount === 1;
  }

  async setCoordination(id: string, from: string, to: string | null) {
    await this.suppliers.updateOne(
      { _id: oid(id), coordinationIssueId: oid(from) },
      { $set: { coordinationIssueId: to ? oid(to) : null } },
    );
  }
}
