/**
 * Calls of the enterprise/steward/issue screens, typed by the shared route contracts. Pages use
 * these, never paths, so a contract change breaks the build instead of a screen.
 */
import {
  departmentRoutes as d,
  enterpriseRoutes as e,
  issueRoutes as i,
  stewardRoutes as s,
  visitRoutes as v,
  type BodyOf,
} from '@fugong/contracts';
import { callRoute, type CallOptions } from './call-route';

export const api = {
  overview: (id: string) => callRoute(e.overview, { params: { id } }, { silent: true }),
  reportToday: (id: string, body: BodyOf<typeof e.reopeningReport>, o?: CallOptions) =>
    callRoute(e.reopeningReport, { params: { id }, body }, o),
  reopeningHistory: (id: string) => callRoute(e.reopeningHistory, { params: { id } }, { silent: true }),
  charters: (enterpriseId: string) =>
    callRoute(e.charterList, { query: { enterpriseId, view: 'mine' } }, { silent: true }),
  joinableCharters: (enterpriseId: string) =>
    callRoute(e.charterList, { query: { enterpriseId, view: 'joinable' } }, { silent: true }),
  joinCharter: (id: string, body: BodyOf<typeof e.charterJoin>, o?: CallOptions) =>
    callRoute(e.charterJoin, { params: { id }, body }, o),
  createCharter: (body: BodyOf<typeof e.charterCreate>, o?: CallOptions) =>
    callRoute(e.charterCreate, { body }, o),
  staff: (id: string) => callRoute(e.staff, { params: { id } }, { silent: true }),
  directory: (q: string) => callRoute(e.directory, { query: { q } }, { silent: true }),
  bind: (inviteCode: string) => callRoute(e.bind, { body: { inviteCode } }, { silent: true }),
  issues: (query: Record<string, string | undefined> = {}) =>
    callRoute(i.list, { query: { pageSize: 50, ...query } }, { silent: true }),
  issue: (id: string) => callRoute(i.get, { params: { id } }, { silent: true }),
  createIssue: (body: BodyOf<typeof i.create>, o?: CallOptions) => callRoute(i.create, { body }, o),
  act: (id: string, action: IssueActionName, body: Record<string, unknown>, o?: CallOptions) =>
    // Every action route shares one shape (`/api/issues/:id/<action>`), so one call serves them all.
    callRoute(i[action], { params: { id }, body: body as never }, o),
  departments: () => callRoute(d.list, {}, { silent: true }),
  myEnterprises: () => callRoute(s.mine, {}, { silent: true }),
  visits: (id: string) => callRoute(v.list, { params: { id } }, { silent: true }),
  createVisit: (body: BodyOf<typeof v.create>, o?: CallOptions) => callRoute(v.create, { body }, o),
};

export type IssueActionName = 'accept' | 'dispatch' | 'transfer' | 'answer' | 'confirm' | 'reopen';
