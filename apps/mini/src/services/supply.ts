/**
 * Calls of the 产业链协同 screens (supply/demand posts, nearest candidates, matches both sides
 * confirm, a lead firm's key suppliers), typed by the shared route contracts. Pages use these,
 * never paths, so a contract change breaks the build instead of a screen.
 */
import { supplyRoutes as r, type BodyOf } from '@fugong/contracts';
import { callRoute, type CallOptions } from './call-route';

const quiet = { silent: true };

/** 工信局's filters on the whole platform; an empty value means 不限 and is not sent. */
export interface SupplyBrowseFilters {
  regionCode: string;
  industry: string;
  side: '' | 'supply' | 'demand';
  status: string;
  sort: 'expiry' | 'newest';
  page: number;
}
const browseQuery = (f: SupplyBrowseFilters, withSide: boolean) => ({
  regionCode: f.regionCode || undefined,
  industry: f.industry.trim() || undefined,
  side: withSide ? f.side || undefined : undefined,
  status: f.status || undefined,
  sort: f.sort,
  page: f.page,
});

export const supplyApi = {
  posts: () => callRoute(r.posts, {}, quiet),
  createPost: (body: BodyOf<typeof r.createPost>, o?: CallOptions) => callRoute(r.createPost, { body }, o),
  /** Closes the firm's own post; its pending matches end on the server. */
  close: (postId: string, o?: CallOptions) => callRoute(r.close, { params: { id: postId } }, o),
  candidates: (postId: string) => callRoute(r.candidates, { params: { id: postId } }, quiet),
  propose: (postId: string, counterpartId: string, o?: CallOptions) =>
    callRoute(r.propose, { body: { postId, counterpartId } }, o),
  matches: () => callRoute(r.matches, {}, quiet),
  confirm: (matchId: string, o?: CallOptions) => callRoute(r.confirm, { params: { id: matchId } }, o),
  /** The other firm's contact on a confirmed match; the server audits every read. */
  contact: (matchId: string) => callRoute(r.contact, { params: { id: matchId } }, quiet),
  figures: () => callRoute(r.figures, {}, quiet),
  /** Every firm's posts (工信局 and the command only; never a contact). */
  browsePosts: (f: SupplyBrowseFilters) => callRoute(r.browsePosts, { query: browseQuery(f, true) }, quiet),
  /** Every match (工信局 and the command only). */
  browseMatches: (f: SupplyBrowseFilters) =>
    callRoute(r.browseMatches, { query: browseQuery(f, false) }, quiet),
  suppliers: (leadEnterpriseId: string) =>
    callRoute(r.suppliers, { params: { id: leadEnterpriseId } }, quiet),
  addSupplier: (body: BodyOf<typeof r.addSupplier>, o?: CallOptions) => callRoute(r.addSupplier, { body }, o),
  coordinate: (supplierId: string, note: string, o?: CallOptions) =>
    callRoute(r.coordinate, { params: { id: supplierId }, body: { note } }, o),
};
