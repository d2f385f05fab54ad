/**
 * Calls of the 产业链协同 screens (supply/demand posts, nearest candidates, matches both sides
 * confirm, a lead firm's key suppliers), typed by the shared route contracts. Pages use these,
 * never paths, so a contract change breaks the build instead of a screen.
 */
import { supplyRoutes as r, type BodyOf } from '@fugong/contracts';
import { callRoute, type CallOptions } from './call-route';

const quiet = { silent: true };

export const supplyApi = {
  posts: () => callRoute(r.posts, {}, quiet),
  createPost: (body: BodyOf<typeof r.createPost>, o?: CallOptions) => callRoute(r.createPost, { body }, o),
  candidates: (postId: string) => callRoute(r.candidates, { params: { id: postId } }, quiet),
  propose: (postId: string, counterpartId: string, o?: CallOptions) =>
    callRoute(r.propose, { body: { postId, counterpartId } }, o),
  matches: () => callRoute(r.matches, {}, quiet),
  confirm: (matchId: string, o?: CallOptions) => callRoute(r.confirm, { params: { id: matchId } }, o),
  /** The other firm's contact on a confirmed match; the server audits every read. */
  contact: (matchId: string) => callRoute(r.contact, { params: { id: matchId } }, quiet),
  figures: () => callRoute(r.figures, {}, quiet),
  suppliers: (leadEnterpriseId: string) =>
    callRoute(r.suppliers, { params: { id: leadEnterpriseId } }, quiet),
  addSupplier: (body: BodyOf<typeof r.addSupplier>, o?: CallOptions) => callRoute(r.addSupplier, { body }, o),
  coordinate: (supplierId: string, note: string, o?: CallOptions) =>
    callRoute(r.coordinate, { params: { id: supplierId }, body: { note } }, o),
};
