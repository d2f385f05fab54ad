/**
 * Calls of the 用工服务 screens (vacancies, job seekers, 先寻岗、再定岗、后到岗), typed by the
 * shared route contracts. Pages use these, never paths.
 */
import { labourRoutes as r, type ApplicationStatus, type BodyOf } from '@fugong/contracts';
import { callRoute, type CallOptions } from './call-route';

const quiet = { silent: true };

/** The worker's filters: a region prefix, an industry, the lowest wage they will take. */
export interface VacancyFilters {
  region?: string;
  industry?: string;
  wage?: number;
  noCertificate?: boolean;
}

/** Steps the firm takes on an application, and the worker's own. */
export type FirmStep = 'shortlist' | 'interview' | 'offer' | 'reject' | 'arrive';
export type SeekerStep = 'accept' | 'decline' | 'withdraw';
const STEP_ROUTES = {
  shortlist: r.shortlist,
  interview: r.interview,
  offer: r.offer,
  reject: r.reject,
  arrive: r.arrive,
  accept: r.accept,
  decline: r.decline,
  withdraw: r.withdrawApplication,
} as const;

export const labourApi = {
  search: (f: VacancyFilters) =>
    callRoute(
      r.search,
      {
        query: {
          region: f.region || undefined,
          industry: f.industry || undefined,
          wage: f.wage,
          noCertificate: f.noCertificate ? 'true' : undefined,
        },
      },
      quiet,
    ),
  vacancy: (id: string) => callRoute(r.vacancy, { params: { id } }, quiet),
  mine: () => callRoute(r.mine, { query: {} }, quiet),
  firms: () => callRoute(r.firms, {}, quiet),
  post: (body: BodyOf<typeof r.post>, o?: CallOptions) => callRoute(r.post, { body }, o),
  edit: (id: string, body: BodyOf<typeof r.edit>, o?: CallOptions) =>
    callRoute(r.edit, { params: { id }, body }, o),
  confirm: (id: string, o?: CallOptions) => callRoute(r.confirm, { params: { id }, body: {} }, o),
  withdrawVacancy: (id: string, o?: CallOptions) => callRoute(r.withdraw, { params: { id }, body: {} }, o),
  seeker: () => callRoute(r.seeker, {}, quiet),
  /** Seekers fitting one of the firm's vacancies, masked (no ID, no phone). */
  candidates: (vacancyId: string) => callRoute(r.match, { query: { vacancyId } }, quiet),
  register: (body: BodyOf<typeof r.register>, o?: CallOptions) => callRoute(r.register, { body }, o),
  apply: (vacancyId: string, o?: CallOptions) => callRoute(r.apply, { body: { vacancyId, note: '' } }, o),
  applications: (q: { vacancyId?: string; status?: ApplicationStatus } = {}) =>
    callRoute(r.applications, { query: { ...q } }, quiet),
  step: (id: string, step: FirmStep | SeekerStep, body: object = {}, o?: CallOptions) =>
    callRoute(STEP_ROUTES[step] as typeof r.shortlist, { params: { id }, body: body as never }, o),
  figures: () => callRoute(r.figures, {}, quiet),
  wayThere: (id: string) => callRoute(r.wayThere, { params: { id } }, quiet),
  findAgency: (phone: string) => callRoute(r.agencyFind, { query: { phone } }, quiet),
  grantAgency: (userId: string, body: BodyOf<typeof r.agencyGrant>, o?: CallOptions) =>
    callRoute(r.agencyGrant, { params: { userId }, body }, o),
};
