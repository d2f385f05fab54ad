/**
 * Calls of the 热线受理 screens (record a call, the call list, the caller's full number for a
 * call-back, the call-back rating, the 三率), typed by the shared route contracts.
 */
import { hotlineRoutes as r, type BodyOf, type CallStatus } from '@fugong/contracts';
import { callRoute, type CallOptions } from './call-route';

const quiet = { silent: true };

export const hotlineApi = {
  record: (body: BodyOf<typeof r.record>, o?: CallOptions) => callRoute(r.record, { body }, o),
  calls: (status?: CallStatus) =>
    callRoute(r.list, { query: status ? { status, pageSize: 50 } : { pageSize: 50 } }, quiet),
  /** The caller's full number; the server audits every read. */
  callerPhone: (callId: string) => callRoute(r.callerPhone, { params: { id: callId } }),
  callback: (callId: string, satisfaction: number, o?: CallOptions) =>
    callRoute(r.callback, { params: { id: callId }, body: { satisfaction } }, o),
  /** The 三率 of the calls received from..to; the server's last 30 days when no period is given. */
  figures: (period?: { from: string; to: string }) => callRoute(r.figures, { query: period ?? {} }, quiet),
  enterprises: (q: string) => callRoute(r.enterprises, { query: { q } }),
};
