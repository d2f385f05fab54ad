/**
 * Calls of the key-project screens (重点项目服务), typed by the shared route contracts. Pages use
 * these, never paths, so a contract change breaks the build instead of a screen.
 */
import { projectRoutes as r, type BodyOf, type DepartmentCode } from '@fugong/contracts';
import { callRoute, type CallOptions } from './call-route';

const quiet = { silent: true };

export const projectsApi = {
  list: () => callRoute(r.list, { query: {} }, quiet),
  get: (id: string) => callRoute(r.get, { params: { id } }, quiet),
  figures: () => callRoute(r.figures, {}, quiet),
  reports: (id: string) => callRoute(r.reports, { params: { id } }, quiet),
  report: (id: string, body: BodyOf<typeof r.report>, o?: CallOptions) =>
    callRoute(r.report, { params: { id }, body }, o),
  milestoneDone: (id: string, milestoneId: string, doneDate: string, o?: CallOptions) =>
    callRoute(r.milestoneDone, { params: { id, milestoneId }, body: { doneDate } }, o),
  needs: (id: string) => callRoute(r.needs, { params: { id } }, quiet),
  raiseNeed: (id: string, body: BodyOf<typeof r.raiseNeed>, o?: CallOptions) =>
    callRoute(r.raiseNeed, { params: { id }, body }, o),
  dispatch: (needId: string, departmentCode: DepartmentCode, o?: CallOptions) =>
    callRoute(r.dispatchNeed, { params: { id: needId }, body: { departmentCode } }, o),
  convene: (body: BodyOf<typeof r.convene>, o?: CallOptions) => callRoute(r.convene, { body }, o),
  session: (id: string) => callRoute(r.session, { params: { id } }, quiet),
  decide: (id: string, body: BodyOf<typeof r.decide>, o?: CallOptions) =>
    callRoute(r.decide, { params: { id }, body }, o),
  myActions: () => callRoute(r.myActions, {}, quiet),
  closeAction: (id: string, note: string, o?: CallOptions) =>
    callRoute(r.closeAction, { params: { id }, body: { note } }, o),
};
