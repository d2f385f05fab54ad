/**
 * Calls of the freight-pass screens (通行证网上办理), typed by the shared route contracts. Pages
 * use these, never paths, so a contract change breaks the build instead of a screen.
 */
import { freightRoutes as f, type BodyOf, type FreightStatus } from '@fugong/contracts';
import { callRoute, type CallOptions } from './call-route';
import { PAGES } from '../navigation';

export const freightApi = {
  apply: (body: BodyOf<typeof f.apply>, o?: CallOptions) => callRoute(f.apply, { body }, o),
  list: (status?: FreightStatus) => callRoute(f.list, { query: status ? { status } : {} }, { silent: true }),
  queue: () => callRoute(f.queue, {}, { silent: true }),
  driving: () => callRoute(f.driving, {}, { silent: true }),
  token: (id: string) => callRoute(f.token, { params: { id } }, { silent: true }),
  approve: (id: string, note: string, o?: CallOptions) =>
    callRoute(f.approve, { params: { id }, body: { note } }, o),
  refuse: (id: string, reason: string, o?: CallOptions) =>
    callRoute(f.refuse, { params: { id }, body: { reason } }, o),
  revoke: (id: string, reason: string, o?: CallOptions) =>
    callRoute(f.revoke, { params: { id }, body: { reason } }, o),
  check: (body: BodyOf<typeof f.check>, o?: CallOptions) => callRoute(f.check, { body }, o),
};

/** Page paths of the freight-pass screens. */
export const FREIGHT_PAGES = {
  apply: PAGES.freightApply,
  passes: PAGES.freightPasses,
  pass: PAGES.freightPass,
  review: PAGES.freightReview,
  check: PAGES.freightCheck,
} as const;
