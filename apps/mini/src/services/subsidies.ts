/**
 * 免申即享 calls, typed by the shared route contracts: a liaison's own entitlements and
 * objection, and an official's runs and lists with the review steps.
 */
import { subsidyRoutes as r, type BodyOf } from '@fugong/contracts';
import { callRoute, type CallOptions } from './call-route';

type ItemParams = { id: string; entitlementId: string };

export const subsidies = {
  mine: (cursor?: string) => callRoute(r.mine, { query: { cursor } }, { silent: true }),
  object: (id: string, body: BodyOf<typeof r.object>, o?: CallOptions) =>
    callRoute(r.object, { params: { id }, body }, o),
  run: (body: BodyOf<typeof r.run>, o?: CallOptions) => callRoute(r.run, { body }, o),
  lists: () => callRoute(r.lists, {}, { silent: true }),
  list: (id: string, cursor?: string) =>
    callRoute(r.list, { params: { id }, query: { cursor } }, { silent: true }),
  exclude: (params: ItemParams, body: BodyOf<typeof r.exclude>, o?: CallOptions) =>
    callRoute(r.exclude, { params, body }, o),
  include: (params: ItemParams, o?: CallOptions) => callRoute(r.include, { params }, o),
  approve: (id: string, o?: CallOptions) => callRoute(r.approve, { params: { id } }, o),
  publish: (id: string, o?: CallOptions) => callRoute(r.publish, { params: { id } }, o),
  decide: (params: ItemParams, body: BodyOf<typeof r.decide>, o?: CallOptions) =>
    callRoute(r.decide, { params, body }, o),
};
