/**
 * Calls of the 用工调剂 screens (posts, arrangements, 人社局's overview), typed by the shared route
 * contracts. Pages use these, never paths.
 */
import { sharingRoutes as r, type BodyOf, type SharingKind } from '@fugong/contracts';
import { callRoute, type CallOptions } from './call-route';

const quiet = { silent: true };
const empty = {} as Record<string, never>;

export const sharingApi = {
  post: (body: BodyOf<typeof r.post>, o?: CallOptions) => callRoute(r.post, { body }, o),
  mine: () => callRoute(r.mine, {}, quiet),
  board: (kind?: SharingKind) => callRoute(r.board, { query: { kind } }, quiet),
  close: (id: string, o?: CallOptions) => callRoute(r.close, { params: { id }, body: empty }, o),
  propose: (body: BodyOf<typeof r.propose>, o?: CallOptions) => callRoute(r.propose, { body }, o),
  agreements: () => callRoute(r.agreements, {}, quiet),
  agree: (id: string, o?: CallOptions) => callRoute(r.agree, { params: { id }, body: empty }, o),
  decline: (id: string, o?: CallOptions) => callRoute(r.decline, { params: { id }, body: empty }, o),
  lent: () => callRoute(r.lent, {}, quiet),
  overview: () => callRoute(r.overview, {}, quiet),
};
