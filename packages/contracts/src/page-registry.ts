/**
 * Every page of the mini-program, the one registry of paths. The mini's app.config.ts derives its
 * `pages` and `subPackages` from it, the mini's navigation its `PAGES` map, and the BFF's deep
 * links (SHARED_PAGES) are a view of it. Dependency-free on purpose: Taro reads app.config.ts at
 * build time through its own esbuild-based reader.
 *
 * One table per package, keyed by the page's name in code. `main` is the main package; every
 * other key is a subpackage root, downloaded the first time someone opens one of its pages (the
 * paths are the same on H5: Taro registers subpackage pages under their root there too). Order
 * is the order in app.json; the first main page opens on launch.
 */
export const PAGE_PACKAGES = {
  // Sign-in, home, and everything a worker needs first (check-in, pass, trips, booking). Home
  // opens on launch; it sends signed-out people to the login page.
  main: {
    home: 'pages/home/index',
    me: 'pages/me/index',
    login: 'pages/login/index',
    building: 'pages/building/index',
    checkin: 'pages/checkin/index',
    pass: 'pages/pass/index',
    trips: 'pages/trips/index',
    tripDetail: 'pages/trip-detail/index',
    booking: 'pages/booking/index',
    myBookings: 'pages/my-bookings/index',
    profile: 'pages/profile/index',
    freightApply: 'pages/freight-apply/index',
    freightPasses: 'pages/freight-passes/index',
    freightPass: 'pages/freight-pass/index',
    freightReview: 'pages/freight-review/index',
    freightCheck: 'pages/freight-check/index',
    subsidies: 'pages/subsidies/index',
    subsidyReview: 'pages/subsidy-review/index',
    subsidyImport: 'pages/subsidy-import/index',
    inbox: 'pages/inbox/index',
  },
  // 企业联络员, 复工管家 and 部门办理人: reopening reports, charters, issues, visits.
  enterprise: {
    enterpriseHome: 'pages/enterprise-home/index',
    report: 'pages/report/index',
    issueForm: 'pages/issue-form/index',
    issueDetail: 'pages/issue-detail/index',
    issueList: 'pages/issue-list/index',
    charterForm: 'pages/charter-form/index',
    staffBooking: 'pages/staff-booking/index',
    stewardEnterprises: 'pages/steward-enterprises/index',
    stewardEnterprise: 'pages/steward-enterprise/index',
    visitForm: 'pages/visit-form/index',
  },
  // 交通专班: trips, boarding checks, passenger lists.
  transport: {
    marshalScan: 'pages/marshal-scan/index',
    manifest: 'pages/manifest/index',
    tripAdmin: 'pages/trip-admin/index',
    tripForm: 'pages/trip-form/index',
    charterConvert: 'pages/charter-convert/index',
  },
  // 指挥部: the dashboard (charts are the heaviest screen).
  command: {
    dashboard: 'pages/dashboard/index',
  },
  // 指挥部's console: people and roles (one by one, or 批量授权 from a sheet), 电话回访, the
  // registry import, steward assignments, hand-over, coverage, the audit log and risk levels.
  admin: {
    consolePeople: 'pages/people/index',
    consoleBulkGrant: 'pages/bulk-grant/index',
    consoleCallbacks: 'pages/callbacks/index',
    consoleRegistryImport: 'pages/registry-import/index',
    consoleAssignments: 'pages/assignments/index',
    consoleHandover: 'pages/handover/index',
    consoleCoverage: 'pages/steward-coverage/index',
    consoleAudit: 'pages/audit/index',
    consoleRegions: 'pages/regions/index',
  },
  // 重点项目服务: the registry, 序时进度表, 周报, 服务清单, 马上会办 and the departments' tasks.
  projects: {
    projectList: 'pages/project-list/index',
    projectDetail: 'pages/project-detail/index',
    projectSession: 'pages/project-session/index',
    projectActions: 'pages/action-items/index',
    projectFigures: 'pages/project-figures/index',
  },
  // 用工服务: workers find jobs and register; firms and HR agencies post and hire; 人社局 sees 用工缺口.
  labour: {
    labourVacancies: 'pages/vacancies/index',
    labourSeeker: 'pages/seeker/index',
    labourMyApplications: 'pages/my-applications/index',
    labourFirmVacancies: 'pages/firm-vacancies/index',
    labourVacancyForm: 'pages/vacancy-form/index',
    labourFirmApplications: 'pages/firm-applications/index',
    labourVacancyCandidates: 'pages/vacancy-candidates/index',
    labourFigures: 'pages/labour-figures/index',
    labourAgencyGrant: 'pages/agency-grant/index',
    labourSharing: 'pages/sharing/index',
    labourSharingForm: 'pages/sharing-form/index',
    labourSharingOverview: 'pages/sharing-overview/index',
    labourWayThere: 'pages/way-there/index',
  },
  // 产业链协同: firms post supply and demand and confirm matches; lead firms watch key suppliers.
  supply: {
    supplyPosts: 'pages/posts/index',
    supplyPostForm: 'pages/post-form/index',
    supplyCandidates: 'pages/candidates/index',
    supplyMatches: 'pages/matches/index',
    supplySuppliers: 'pages/suppliers/index',
    supplyFigures: 'pages/supply-figures/index',
    supplyBrowse: 'pages/browse/index',
  },
  // 热线受理: the operator records calls, follows them to the answer and reads the 三率.
  hotline: {
    hotlineCallForm: 'pages/call-form/index',
    hotlineCalls: 'pages/calls/index',
    hotlineFigures: 'pages/hotline-figures/index',
  },
} as const;

type Packages = typeof PAGE_PACKAGES;
type PackageName = keyof Packages;
/** A subpackage's root, as app.json's `subPackages[].root` names it. */
export type SubpackageRoot = Exclude<PackageName, 'main'>;
/** The name of a page in code (`issueDetail`), unique across packages. */
export type PageName = { [P in PackageName]: keyof Packages[P] }[PackageName];

/** A page's route in its package: main pages as written, subpackage pages under their root. */
type RouteIn<P extends PackageName, K> = K extends keyof Packages[P]
  ? P extends 'main'
    ? Packages[P][K]
    : `${P}/${Packages[P][K] & string}`
  : never;

/** Every page's route by name, without leading slash or query (WeChat's `page` format). */
export type PageRoutes = { [K in PageName]: { [P in PackageName]: RouteIn<P, K> }[PackageName] };
export type PageRoute = PageRoutes[PageName];

const packageNames = Object.keys(PAGE_PACKAGES) as PackageName[];

/** The roots of every subpackage, in app.json's order (the home page preloads them all). */
export const SUBPACKAGE_ROOTS = packageNames.filter((p): p is SubpackageRoot => p !== 'main');

/** Route of a page of a package, as the app opens it (no leading slash). */
function routeOf(pkg: PackageName, page: string): string {
  return pkg === 'main' ? page : `${pkg}/${page}`;
}

export const PAGE_ROUTES = Object.fromEntries(
  packageNames.flatMap((pkg) =>
    Object.entries(PAGE_PACKAGES[pkg]).map(([name, page]) => [name, routeOf(pkg, page)]),
  ),
) as PageRoutes;

/** The page lists of app.config.ts: the main package's `pages` and each subpackage's. */
export const APP_PAGE_LISTS = {
  pages: Object.values(PAGE_PACKAGES.main) as string[],
  subPackages: SUBPACKAGE_ROOTS.map((root) => ({
    root,
    pages: Object.values(PAGE_PACKAGES[root]) as string[],
  })),
};
