/** Page paths and the few navigation moves shared by services and pages. */
import Taro from '@tarojs/taro';
import { SHARED_PAGES } from '@fugong/contracts';

/**
 * Every page of the app, the one registry of paths. Pages in a subpackage (see app.config.ts)
 * carry its root in their path: `enterprise/` (liaison, steward, department officer),
 * `transport/` (transport officer), `command/` (指挥部) `admin/` (the command's console), `projects/` (重点项目服务), `labour/` (用工服务), `supply/` (产业链协同) and `hotline/` (热线受理); the main
 * package holds sign-in, home and everything a worker needs first.
 */
export const PAGES = {
  home: '/pages/home/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  building: '/pages/building/index',
  checkin: '/pages/checkin/index',
  pass: `/${SHARED_PAGES.pass}`,
  trips: '/pages/trips/index',
  tripDetail: '/pages/trip-detail/index',
  booking: '/pages/booking/index',
  myBookings: `/${SHARED_PAGES.myBookings}`,
  profile: '/pages/profile/index',
  freightApply: '/pages/freight-apply/index',
  freightPasses: '/pages/freight-passes/index',
  freightPass: '/pages/freight-pass/index',
  freightReview: '/pages/freight-review/index',
  freightCheck: '/pages/freight-check/index',
  subsidies: `/${SHARED_PAGES.subsidies}`,
  subsidyReview: '/pages/subsidy-review/index',
  subsidyImport: '/pages/subsidy-import/index',
  inbox: `/${SHARED_PAGES.inbox}`,
  enterpriseHome: '/enterprise/pages/enterprise-home/index',
  report: '/enterprise/pages/report/index',
  issueForm: '/enterprise/pages/issue-form/index',
  issueDetail: `/${SHARED_PAGES.issueDetail}`,
  issueList: `/${SHARED_PAGES.issueList}`,
  charterForm: '/enterprise/pages/charter-form/index',
  staffBooking: '/enterprise/pages/staff-booking/index',
  stewardEnterprises: '/enterprise/pages/steward-enterprises/index',
  stewardEnterprise: `/${SHARED_PAGES.stewardEnterprise}`,
  visitForm: '/enterprise/pages/visit-form/index',
  marshalScan: '/transport/pages/marshal-scan/index',
  manifest: '/transport/pages/manifest/index',
  tripAdmin: '/transport/pages/trip-admin/index',
  tripForm: '/transport/pages/trip-form/index',
  charterConvert: '/transport/pages/charter-convert/index',
  dashboard: '/command/pages/dashboard/index',
  consolePeople: '/admin/pages/people/index',
  consoleBulkGrant: '/admin/pages/bulk-grant/index',
  consoleCallbacks: `/${SHARED_PAGES.consoleCallbacks}`,
  consoleRegistryImport: '/admin/pages/registry-import/index',
  consoleAssignments: '/admin/pages/assignments/index',
  consoleHandover: '/admin/pages/handover/index',
  consoleCoverage: '/admin/pages/steward-coverage/index',
  consoleAudit: '/admin/pages/audit/index',
  consoleRegions: '/admin/pages/regions/index',
  projectList: '/projects/pages/project-list/index',
  projectDetail: '/projects/pages/project-detail/index',
  projectSession: '/projects/pages/project-session/index',
  projectActions: '/projects/pages/action-items/index',
  projectFigures: '/projects/pages/project-figures/index',
  labourVacancies: `/${SHARED_PAGES.labourVacancies}`,
  labourSeeker: '/labour/pages/seeker/index',
  labourMyApplications: `/${SHARED_PAGES.labourApplications}`,
  labourFirmVacancies: `/${SHARED_PAGES.labourFirmVacancies}`,
  labourVacancyForm: '/labour/pages/vacancy-form/index',
  labourFirmApplications: '/labour/pages/firm-applications/index',
  labourVacancyCandidates: `/${SHARED_PAGES.labourVacancyCandidates}`,
  labourFigures: '/labour/pages/labour-figures/index',
  labourAgencyGrant: '/labour/pages/agency-grant/index',
  labourWayThere: '/labour/pages/way-there/index',
  labourSharing: '/labour/pages/sharing/index',
  labourSharingForm: '/labour/pages/sharing-form/index',
  labourSharingOverview: '/labour/pages/sharing-overview/index',
  supplyPosts: '/supply/pages/posts/index',
  supplyPostForm: '/supply/pages/post-form/index',
  supplyCandidates: '/supply/pages/candidates/index',
  supplyMatches: '/supply/pages/matches/index',
  supplySuppliers: '/supply/pages/suppliers/index',
  supplyFigures: '/supply/pages/supply-figures/index',
  hotlineCallForm: '/hotline/pages/call-form/index',
  hotlineCalls: '/hotline/pages/calls/index',
  hotlineFigures: '/hotline/pages/hotline-figures/index',
  supplyBrowse: '/supply/pages/browse/index',
} as const;

export type PagePath = (typeof PAGES)[keyof typeof PAGES];

/** Route of the page on top of the stack, without leading slash or query (Taro's format). */
function currentRoute(): string {
  const pages = Taro.getCurrentPages();
  const top = pages[pages.length - 1];
  return (top?.route ?? '').replace(/^\//, '').split('?')[0];
}

/** Sends the person to sign in, clearing the page stack; no-op when already on the login page. */
export function goToLogin(): void {
  if (currentRoute() === PAGES.login.slice(1)) return;
  void Taro.reLaunch({ url: PAGES.login });
}

/** After signing in: the home tab, with the login page gone from history. */
export function goHome(): void {
  void Taro.reLaunch({ url: PAGES.home });
}

/**
 * Opens a deep link the server wrote (a SHARED_PAGES path with its query, no leading slash), as
 * a notice carries it. A tab page cannot be pushed, so it is switched to instead.
 */
export function openLink(link: string): void {
  const url = link.startsWith('/') ? link : `/${link}`;
  const path = url.split('?')[0];
  if (path === PAGES.home || path === PAGES.me) void Taro.switchTab({ url: path });
  else void Taro.navigateTo({ url });
}

/** Opens a page on top of the current one, with query parameters encoded. */
export function openPage(path: string, query: Record<string, string> = {}): void {
  const search = Object.entries(query)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  void Taro.navigateTo({ url: search ? `${path}?${search}` : path });
}
