import type { Model } from 'mongoose';
import type { SupplyMatchBrowseQuery, SupplyPostBrowseQuery } from '@fugong/contracts';

type BrowseQuery = SupplyPostBrowseQuery | SupplyMatchBrowseQuery;

/**
 * How one collection answers 工信局's list: the stored field each filter of the query matches
 * (a match's region and industry are its two parties', multikey), and the field behind each of
 * the list's two orders, soonest to end and newest first.
 */
export interface BrowseShape<Q extends BrowseQuery> {
  filters: { [K in keyof Q]?: string };
  expiry: string;
  newest: string;
}

/**
 * One page of 工信局's list of posts or matches and the filter's total, read together: the filters
 * as given (an unset one is 不限, not "equals undefined"), then the order with `_id` breaking ties
 * (so pages neither repeat nor skip a record; the indexes carry both fields), then the page.
 */
export async function browsePage<D, Q extends BrowseQuery>(
  model: Model<D>,
  q: Q,
  shape: BrowseShape<Q>,
): Promise<{ docs: D[]; total: number }> {
  const filter: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape.filters) as [keyof Q, string][])
    if (q[key] !== undefined) filter[field] = q[key];
  const sort: Record<string, 1 | -1> =
    q.sort === 'newest' ? { [shape.newest]: -1, _id: -1 } : { [shape.expiry]: 1, _id: 1 };
  const [docs, total] = await Promise.all([
    model
      .find(filter)
      .sort(sort)
      .skip((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .lean<D[]>(),
    model.countDocuments(filter),
  ]);
  return { docs, total };
}
