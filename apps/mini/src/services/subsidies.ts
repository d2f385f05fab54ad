/**
 * 免申即享 calls, typed by the shared route contracts: a liaison's own entitlements and
 * objection, and an official's lists with the review steps.
 */
import { subsidyRoutes as r, type BodyOf } from '@fugong/contracts';
import { callRoute, type CallOptions } from './call-route';

export const subsidies = {
  mine: () => callRoute(r.mine, {}, { silent: true }),
  object: (id: string, body: BodyOf<typeof r.object>, o?: CallOptions) =>
    callRoute(r.object, { params: { id }, body }, o),
  lists: () => callRoute(r.lists, {}, { silent: true }),
  list: (id: string) => callRoute(r.list, { params: { id } }, { silent: true }),
  approve: (id: string, o?: CallOptions) => callRoute(r.approve, { params: { id } }, o),
  publish: (id: string, o?: CallOptions) => callRoute(r.publish, { params: { id } }, o),
};
