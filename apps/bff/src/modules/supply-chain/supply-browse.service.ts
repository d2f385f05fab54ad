import type {
  SupplyMatch,
  SupplyMatchBrowseQuery,
  SupplyPost,
  SupplyPostBrowseQuery,
} from '@fugong/contracts';
import type { Actor } from '../../auth/actor';
import { DomainError } from '../../errors';
import type { SupplyRepository } from './supply.repository';
import type { SupplierService } from './supplier.service';
import { matchView, postView } from './supply.view';
import { seesAll } from './supply-access';

interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const onlySupplyDepartment = (a: Actor) => {
  if (!seesAll(a)) throw new DomainError('FORBIDDEN', '仅工信局和指挥部可查看全部供需与对接');
};

/**
 * 工信局's and the command's view of the whole platform: every post and match, filtered and paged,
 * never with a contact (a contact leaves only through a party's audited read), and the figures.
 */
export class SupplyBrowseService {
  constructor(private readonly d: { repo: SupplyRepository; suppliers: SupplierService }) {}

  async posts(actor: Actor, q: SupplyPostBrowseQuery): Promise<Paged<SupplyPost>> {
    onlySupplyDepartment(actor);
    const { items, total } = await this.d.repo.browsePosts(q);
    return { items: items.map((p) => postView(p, null, null)), total, page: q.page, pageSize: q.pageSize };
  }

  async matches(actor: Actor, q: SupplyMatchBrowseQuery): Promise<Paged<SupplyMatch>> {
    onlySupplyDepartment(actor);
    const { items, total } = await this.d.repo.browseMatches(q);
    const posts = await this.d.repo.postsByIds(items.flatMap((m) => [m.supplyPostId, m.demandPostId]));
    const views = items.flatMap((m) => {
      const s = posts.get(m.supplyPostId);
      const d = posts.get(m.demandPostId);
      return s && d ? [matchView(m, s, d)] : [];
    });
    return { items: views, total, page: q.page, pageSize: q.pageSize };
  }

  async figures(actor: Actor) {
    onlySupplyDepartment(actor);
    const [counts, proposed, confirmed, suppliers] = await Promise.all([
      this.d.repo.openPostCounts(),
      this.d.repo.countMatches('proposed'),
      this.d.repo.countMatches('confirmed'),
      this.d.repo.suppliersOf(null),
    ]);
    const views = await this.d.suppliers.supplierViews(suppliers);
    return {
      postsOpen: counts.map((c) => ({ side: c._id.side, category: c._id.category, count: c.count })),
      matchesProposed: proposed,
      matchesConfirmed: confirmed,
      suppliers: views.length,
      suppliersAtRisk: views.filter((v) => v.chainRisk).length,
    };
  }
}
