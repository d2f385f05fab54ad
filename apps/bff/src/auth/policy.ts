import type { DepartmentCode, Role } from '@fugong/contracts';

/**
 * How a route's records are scoped once the role check has passed. The role check happens in
 * the middleware from this table; the record check happens in the service, which filters by
 * the actor's scope in its repository queries (a liaison's queries always carry their
 * enterpriseId, an officer's their departmentId, a steward's their assigned enterprises).
 */
export type Scope =
  | 'none' // no records involved (health, sign-in)
  | 'self' // only the actor's own records
  | 'enterprise' // liaison: their enterprise; steward: assigned ones; command: all
  | 'department' // officer: their department's queue; command: all
  | 'all'; // any record (command/admin, transport for transport data)

export interface RoutePolicy {
  /** 'public': no session needed; 'any': any signed-in person; otherwise these roles only. */
  roles: 'public' | 'any' | readonly Role[];
  scope: Scope;
  /**
   * When set, an officer is admitted only from these departments (a figure or list one department
   * works from); the table's other roles (the command) are admitted as they are.
   */
  departments?: readonly DepartmentCode[];
}

const ALL: readonly Role[] = ['worker', 'liaison', 'steward', 'officer', 'transport', 'admin'];
/** Everyone signed in, the 卡口 checker too; a checker's scope is otherwise verification only. */
const SIGNED_IN: readonly Role[] = [...ALL, 'checkpoint', 'hr_agency', 'hotline_operator'];
/** 用工服务's firm side: the liaison, or a 人力资源服务机构 acting for the firms it serves. */
const FIRM_SIDE: readonly Role[] = ['liaison', 'hr_agency'];
const LABOUR_ALL: readonly Role[] = [...ALL, 'hr_agency'];

/**
 * THE authorization table: every route id → who may call it and how records are scoped.
 * A route without an entry refuses to mount (and the policy test fails), so nothing ships
 * unguarded by omission.
 */
export const POLICY: Record<string, RoutePolicy> = {
  health: { roles: 'public', scope: 'none' },
  ready: { roles: 'public', scope: 'none' },
  openapi: { roles: 'public', scope: 'none' },
  'auth.otp': { roles: 'public', scope: 'none' },
  'auth.phone': { roles: 'public', scope: 'none' },
  'auth.wechat': { roles: 'public', scope: 'none' },
  'auth.refresh': { roles: 'public', scope: 'none' },
  'auth.logout': { roles: SIGNED_IN, scope: 'self' },
  // Binds the WeChat account to the phone WeChat vouches for; merges into that phone's account.
  'auth.bindPhone': { roles: SIGNED_IN, scope: 'self' },
  me: { roles: SIGNED_IN, scope: 'self' },
  // Worker journey. Record scope is enforced in the services: a worker's own
  // profile/check-ins/bookings; a liaison's own enterprise; transport and admin all trips.
  'profile.get': { roles: ALL, scope: 'self' },
  'profile.update': { roles: ALL, scope: 'self' },
  'profile.full': { roles: ALL, scope: 'self' },
  'admin.users.find': { roles: ['admin'], scope: 'all' },
  'admin.users.full': { roles: ['admin'], scope: 'all' },
  'admin.users.roles': { roles: ['admin'], scope: 'all' },
  // 批量授权: the same grants from a sheet, and its per-row report (phones masked).
  'admin.roleGrants.import': { roles: ['admin'], scope: 'all' },
  'admin.roleGrants.report': { roles: ['admin'], scope: 'all' },
  'regions.list': { roles: ALL, scope: 'none' },
  'divisions.list': { roles: ALL, scope: 'none' },
  'regions.upsert': { roles: ['admin'], scope: 'all' },
  'checkins.submit': { roles: ALL, scope: 'self' },
  'checkins.latest': { roles: ALL, scope: 'self' },
  'pass.get': { roles: ALL, scope: 'self' },
  'pass.token': { roles: ALL, scope: 'self' },
  'trips.create': { roles: ['transport', 'admin'], scope: 'all' },
  'trips.search': { roles: ALL, scope: 'all' },
  'trips.get': { roles: ALL, scope: 'all' },
  'trips.update': { roles: ['transport', 'admin'], scope: 'all' },
  'trips.publish': { roles: ['transport', 'admin'], scope: 'all' },
  'trips.cancel': { roles: ['transport', 'admin'], scope: 'all' },
  'bookings.create': { roles: ['worker'], scope: 'self' },
  'bookings.mine': { roles: ALL, scope: 'self' },
  'bookings.cancel': { roles: ['worker'], scope: 'self' },
  'bookings.arrive': { roles: ['worker'], scope: 'self' },
  'bookings.staff': { roles: ['liaison'], scope: 'enterprise' },
  'boarding.board': { roles: ['transport'], scope: 'all' },
  // The worker's own booking only (checked in the service).
  'bookings.boardingToken': { roles: ['worker'], scope: 'self' },
  'trips.manifest': { roles: ['transport', 'admin'], scope: 'all' },
  'trips.manifest.export': { roles: ['transport', 'admin'], scope: 'all' },
  'notifications.mine': { roles: ALL, scope: 'self' },
  'notifications.consent': { roles: ALL, scope: 'self' },
  // Enterprises, stewards and issues. Record scope in the services: a liaison only their
  // enterprise, a steward only assigned ones (read live), an officer only their department's queue.
  'departments.list': { roles: ALL, scope: 'none' },
  'enterprises.list': { roles: ['admin', 'steward'], scope: 'enterprise' },
  'enterprises.create': { roles: ['admin'], scope: 'all' },
  'enterprises.import': { roles: ['admin'], scope: 'all' },
  // The streamed registry upload (27,800 firms in one file), its progress and per-row report.
  'enterprises.registry.import': { roles: ['admin'], scope: 'all' },
  'enterprises.registry.imports': { roles: ['admin'], scope: 'all' },
  'enterprises.registry.get': { roles: ['admin'], scope: 'all' },
  'enterprises.registry.report': { roles: ['admin'], scope: 'all' },
  'enterprises.bind': { roles: ALL, scope: 'self' },
  // Firm names for choosing a trip's destination; no registry details beyond name and region.
  // Workers too: a new worker picks their employer from it (names and county only).
  // Names only: workers and transport pick destinations; officers pick the firms an agency serves.
  'enterprises.directory': { roles: ['worker', 'transport', 'officer', 'admin'], scope: 'all' },
  'enterprises.get': { roles: ['liaison', 'steward', 'admin'], scope: 'enterprise' },
  'enterprises.update': { roles: ['admin'], scope: 'all' },
  'enterprises.invite': { roles: ['admin'], scope: 'all' },
  'enterprises.overview': { roles: ['liaison', 'steward', 'admin'], scope: 'enterprise' },
  // Names of a firm's staff, for booking them seats: only that firm's own liaison needs them.
  'enterprises.staff': { roles: ['liaison'], scope: 'enterprise' },
  'reopening.report': { roles: ['liaison', 'steward'], scope: 'enterprise' },
  'reopening.history': { roles: ['liaison', 'steward', 'admin'], scope: 'enterprise' },
  'charters.create': { roles: ['liaison', 'steward'], scope: 'enterprise' },
  'charters.list': { roles: ['liaison', 'steward', 'transport', 'admin'], scope: 'enterprise' },
  'charters.groups': { roles: ['transport', 'admin'], scope: 'all' },
  'charters.convert': { roles: ['transport', 'admin'], scope: 'all' },
  'charters.get': { roles: ['liaison', 'steward', 'transport', 'admin'], scope: 'enterprise' },
  'charters.join': { roles: ['liaison', 'steward'], scope: 'enterprise' },
  'charters.cancel': { roles: ['liaison', 'steward'], scope: 'enterprise' },
  'stewards.mine': { roles: ['steward'], scope: 'self' },
  'stewards.attention': { roles: ['admin'], scope: 'all' },
  'stewards.list': { roles: ['admin'], scope: 'all' },
  'stewards.assign': { roles: ['admin'], scope: 'all' },
  'stewards.history': { roles: ['liaison', 'steward', 'admin'], scope: 'enterprise' },
  // The command's steward console: bulk assignment, a leaving steward's hand-over, coverage (all audited).
  'stewards.assign.preview': { roles: ['admin'], scope: 'all' },
  'stewards.assign.bulk': { roles: ['admin'], scope: 'all' },
  'stewards.rebalance': { roles: ['admin'], scope: 'all' },
  'stewards.coverage': { roles: ['admin'], scope: 'all' },
  'visits.create': { roles: ['steward'], scope: 'enterprise' },
  'visits.list': { roles: ['liaison', 'steward', 'admin'], scope: 'enterprise' },
  'visits.get': { roles: ['liaison', 'steward', 'admin'], scope: 'enterprise' },
  'callbacks.create': { roles: ['admin'], scope: 'all' },
  'callbacks.list': { roles: ['admin'], scope: 'all' },
  'callbacks.due': { roles: ['admin'], scope: 'all' },
  'callbacks.scorecard': { roles: ['admin'], scope: 'all' },
  'attachments.upload': { roles: ['liaison', 'steward'], scope: 'enterprise' },
  'attachments.get': { roles: ['liaison', 'steward', 'officer', 'admin'], scope: 'enterprise' },
  // Issue photos (multipart, GridFS): uploaded by whoever may report for the enterprise;
  // read by whoever may see the issue (record checks in the service, each original read audited).
  'issues.photos.upload': { roles: ['liaison', 'steward'], scope: 'enterprise' },
  'issues.photos.list': { roles: ['liaison', 'steward', 'officer', 'admin'], scope: 'department' },
  'photos.get': { roles: ['liaison', 'steward', 'officer', 'admin'], scope: 'department' },
  'photos.thumbnail': { roles: ['liaison', 'steward', 'officer', 'admin'], scope: 'department' },
  'issues.common': { roles: ['admin'], scope: 'all' },
  'issues.commonAnswer': { roles: ['admin'], scope: 'all' },
  'issues.sweep': { roles: ['admin'], scope: 'all' },
  'issues.create': { roles: ['liaison', 'steward'], scope: 'enterprise' },
  'issues.list': { roles: ['liaison', 'steward', 'officer', 'admin'], scope: 'department' },
  'issues.get': { roles: ['liaison', 'steward', 'officer', 'admin'], scope: 'department' },
  'issues.accept': { roles: ['steward', 'admin'], scope: 'enterprise' },
  'issues.dispatch': { roles: ['steward', 'admin'], scope: 'enterprise' },
  'issues.transfer': { roles: ['officer', 'admin'], scope: 'department' },
  'issues.answer': { roles: ['officer', 'admin'], scope: 'department' },
  'issues.confirm': { roles: ['liaison', 'steward'], scope: 'enterprise' },
  'issues.reopen': { roles: ['liaison', 'steward'], scope: 'enterprise' },
  // Command dashboard: city-wide figures and the daily report are the command's alone;
  // stewards and officers already see their own enterprises and queues on their pages.
  'dashboard.summary': { roles: ['admin'], scope: 'all' },
  'dashboard.export': { roles: ['admin'], scope: 'all' },
  'dashboard.rollups.rebuild': { roles: ['admin'], scope: 'all' },
  // Working-day calendar: anyone may see which years deadlines are counted right for; the command sets local days.
  'calendar.status': { roles: ALL, scope: 'none' },
  'calendar.overrides.set': { roles: ['admin'], scope: 'all' },
  'calendar.overrides.remove': { roles: ['admin'], scope: 'all' },
  // 免申即享: officers work only their department's policies (人社局/交通局 compute and publish,
  // 财政局 pays, checked in the service); the command reads; a liaison sees and objects to its own firm's lines.
  'subsidies.import': { roles: ['officer'], scope: 'department' },
  'subsidies.run': { roles: ['officer'], scope: 'department' },
  'subsidies.lists': { roles: ['officer', 'admin'], scope: 'department' },
  'subsidies.list': { roles: ['officer', 'admin'], scope: 'department' },
  'subsidies.exclude': { roles: ['officer'], scope: 'department' },
  'subsidies.include': { roles: ['officer'], scope: 'department' },
  'subsidies.approve': { roles: ['officer'], scope: 'department' },
  'subsidies.publish': { roles: ['officer'], scope: 'department' },
  'subsidies.objection.decide': { roles: ['officer'], scope: 'department' },
  'subsidies.payments.create': { roles: ['officer'], scope: 'department' },
  'subsidies.payments.export': { roles: ['officer', 'admin'], scope: 'department' },
  'subsidies.payments.paid': { roles: ['officer'], scope: 'department' },
  'subsidies.mine': { roles: ['liaison'], scope: 'enterprise' },
  'subsidies.object': { roles: ['liaison'], scope: 'enterprise' },
  // 社保缓缴: the firm applies and withdraws; 人社局 decides (the department is checked in the service).
  'deferrals.apply': { roles: ['liaison'], scope: 'enterprise' },
  'deferrals.withdraw': { roles: ['liaison'], scope: 'enterprise' },
  'deferrals.list': { roles: ['liaison', 'officer', 'admin'], scope: 'enterprise' },
  'deferrals.decide': { roles: ['officer'], scope: 'department' },
  // Freight passes (通行证网上办理): a liaison applies for their own firm and sees only its passes;
  // 交通专班 reviews and revokes; the driver (matched by phone) shows the QR; 卡口 only verifies.
  'freight.apply': { roles: ['liaison'], scope: 'enterprise' },
  'freight.list': { roles: ['liaison', 'transport', 'admin'], scope: 'enterprise' },
  'freight.get': { roles: ['liaison', 'transport', 'admin'], scope: 'enterprise' },
  'freight.driver': { roles: ['liaison', 'transport', 'admin'], scope: 'enterprise' },
  'freight.queue': { roles: ['transport', 'admin'], scope: 'all' },
  'freight.approve': { roles: ['transport'], scope: 'all' },
  'freight.refuse': { roles: ['transport'], scope: 'all' },
  'freight.revoke': { roles: ['transport'], scope: 'all' },
  'freight.driving': { roles: ALL, scope: 'self' },
  'freight.token': { roles: ALL, scope: 'self' },
  'freight.check': { roles: ['checkpoint'], scope: 'all' },
  'freight.figures': { roles: ['admin'], scope: 'all' },
  // The in-app inbox: everyone signed in reads and marks only their own notices.
  'inbox.list': { roles: SIGNED_IN, scope: 'self' },
  'inbox.unread': { roles: SIGNED_IN, scope: 'self' },
  'inbox.read': { roles: SIGNED_IN, scope: 'self' },
  // The audit log: the command alone reads and exports it (the export is audited too).
  'audit.list': { roles: ['admin'], scope: 'all' },
  'audit.export': { roles: ['admin'], scope: 'all' },
  // Department heads, whom escalations reach: the command names them (audited).
  'departments.heads': { roles: ['admin'], scope: 'all' },
  'departments.head.set': { roles: ['admin'], scope: 'all' },
  // 用工服务: a firm's side is its liaison or an HR agency 人社局 granted it (record scope read live in
  // the service); a worker registers, applies and sees only their own; everyone signed in searches.
  'labour.vacancies.post': { roles: FIRM_SIDE, scope: 'enterprise' },
  'labour.vacancies.mine': { roles: FIRM_SIDE, scope: 'enterprise' },
  'labour.vacancies.search': { roles: LABOUR_ALL, scope: 'all' },
  'labour.vacancies.get': { roles: LABOUR_ALL, scope: 'all' },
  'labour.vacancies.edit': { roles: FIRM_SIDE, scope: 'enterprise' },
  'labour.vacancies.confirm': { roles: FIRM_SIDE, scope: 'enterprise' },
  'labour.vacancies.withdraw': { roles: FIRM_SIDE, scope: 'enterprise' },
  'labour.seekers.register': { roles: ['worker'], scope: 'self' },
  'labour.seekers.me': { roles: ['worker'], scope: 'self' },
  'labour.seekers.match': { roles: FIRM_SIDE, scope: 'enterprise' },
  'labour.applications.apply': { roles: ['worker'], scope: 'self' },
  'labour.applications.list': { roles: ['worker', ...FIRM_SIDE], scope: 'self' },
  'labour.applications.get': { roles: ['worker', ...FIRM_SIDE], scope: 'self' },
  'labour.applications.contact': { roles: FIRM_SIDE, scope: 'enterprise' },
  'labour.applications.wayThere': { roles: ['worker'], scope: 'self' },
  // 用工缺口: 人社局's officers (the service refuses other departments) and the command.
  'labour.figures': { roles: ['officer', 'admin'], scope: 'department' },
  'labour.figures.export': { roles: ['officer', 'admin'], scope: 'department' },
  // 人社局 (or the command) names the firms an HR agency acts for; other departments are refused.
  'labour.agencies.grant': { roles: ['officer', 'admin'], scope: 'department' },
  'labour.agencies.find': { roles: ['officer', 'admin'], scope: 'department' },
  'labour.firms.mine': { roles: FIRM_SIDE, scope: 'enterprise' },
  // 用工调剂: the firm side posts and decides for its own firms (read live in the service); the board
  // is open to every firm and 人社局; a lent worker sees the arrangements that name their phone.
  'labour.sharing.post': { roles: FIRM_SIDE, scope: 'enterprise' },
  'labour.sharing.board': { roles: [...FIRM_SIDE, 'officer', 'admin'], scope: 'all' },
  'labour.sharing.mine': { roles: FIRM_SIDE, scope: 'enterprise' },
  'labour.sharing.close': { roles: FIRM_SIDE, scope: 'enterprise' },
  'labour.sharing.propose': { roles: FIRM_SIDE, scope: 'enterprise' },
  'labour.sharing.agreements': { roles: [...FIRM_SIDE, 'officer', 'admin'], scope: 'enterprise' },
  'labour.sharing.agree': { roles: FIRM_SIDE, scope: 'enterprise' },
  'labour.sharing.decline': { roles: FIRM_SIDE, scope: 'enterprise' },
  'labour.sharing.lent': { roles: ['worker'], scope: 'self' },
  'labour.sharing.overview': { roles: ['officer', 'admin'], scope: 'department' },
  'labour.hires.awaiting': { roles: FIRM_SIDE, scope: 'enterprise' },
  'labour.applications.shortlist': { roles: FIRM_SIDE, scope: 'enterprise' },
  'labour.applications.interview': { roles: FIRM_SIDE, scope: 'enterprise' },
  'labour.applications.offer': { roles: FIRM_SIDE, scope: 'enterprise' },
  'labour.applications.reject': { roles: FIRM_SIDE, scope: 'enterprise' },
  'labour.applications.arrive': { roles: FIRM_SIDE, scope: 'enterprise' },
  'labour.applications.accept': { roles: ['worker'], scope: 'self' },
  'labour.applications.decline': { roles: ['worker'], scope: 'self' },
  'labour.applications.withdraw': { roles: ['worker'], scope: 'self' },
  // Key projects (重点项目): 发改委 (an officer of fgw) and the command keep the registry; a liaison sees
  // its firm's projects, a 代办负责人/联络员 the ones they serve; officers close their department's tasks.
  'projects.create': { roles: ['officer', 'admin'], scope: 'all' },
  'projects.list': { roles: ['liaison', 'steward', 'officer', 'admin'], scope: 'enterprise' },
  'projects.get': { roles: ['liaison', 'steward', 'officer', 'admin'], scope: 'enterprise' },
  'projects.figures': { roles: ['admin'], scope: 'all' },
  'projects.milestones.add': { roles: ['steward', 'officer', 'admin'], scope: 'enterprise' },
  'projects.milestones.done': { roles: ['liaison', 'steward', 'officer', 'admin'], scope: 'enterprise' },
  'projects.reports.create': { roles: ['liaison', 'steward', 'officer'], scope: 'enterprise' },
  'projects.reports.list': { roles: ['liaison', 'steward', 'officer', 'admin'], scope: 'enterprise' },
  'projects.needs.create': { roles: ['liaison', 'steward', 'officer', 'admin'], scope: 'enterprise' },
  'projects.needs.list': { roles: ['liaison', 'steward', 'officer', 'admin'], scope: 'enterprise' },
  'projects.needs.dispatch': { roles: ['steward', 'officer', 'admin'], scope: 'enterprise' },
  'projects.sessions.create': { roles: ['steward', 'officer', 'admin'], scope: 'enterprise' },
  'projects.sessions.get': { roles: ['steward', 'officer', 'admin'], scope: 'department' },
  'projects.sessions.decide': { roles: ['steward', 'officer', 'admin'], scope: 'enterprise' },
  'projects.actions.mine': { roles: ['officer', 'admin'], scope: 'department' },
  'projects.actions.close': { roles: ['officer'], scope: 'department' },
  // Supply chain (产业链协同): a liaison posts, matches and confirms for its own firm; 工信局 (officer gxj)
  // and the command see everything; a lead firm's steward sees its suppliers.
  'supply.posts.create': { roles: ['liaison'], scope: 'enterprise' },
  'supply.posts.list': { roles: ['liaison', 'officer', 'admin'], scope: 'enterprise' },
  'supply.posts.close': { roles: ['liaison'], scope: 'enterprise' },
  'supply.posts.candidates': { roles: ['liaison'], scope: 'enterprise' },
  'supply.matches.create': { roles: ['liaison'], scope: 'enterprise' },
  'supply.matches.list': { roles: ['liaison', 'officer', 'admin'], scope: 'enterprise' },
  'supply.matches.confirm': { roles: ['liaison'], scope: 'enterprise' },
  'supply.matches.contact': { roles: ['liaison'], scope: 'enterprise' },
  // 工信局's lists and figures: an officer of 工信局 (gxj), no other department, and the command.
  'supply.browse.posts': { roles: ['officer', 'admin'], scope: 'department', departments: ['gxj'] },
  'supply.browse.matches': { roles: ['officer', 'admin'], scope: 'department', departments: ['gxj'] },
  'supply.figures': { roles: ['officer', 'admin'], scope: 'department', departments: ['gxj'] },
  'supply.suppliers.add': { roles: ['liaison'], scope: 'enterprise' },
  'supply.suppliers.list': { roles: ['liaison', 'steward', 'officer', 'admin'], scope: 'enterprise' },
  'supply.suppliers.coordinate': { roles: ['liaison', 'steward'], scope: 'enterprise' },
  // Hotline (热线受理): the operators and the command see every call of the hotline; nobody else,
  // not even the firm a call names or the department its issue went to (they see the issue).
  'hotline.calls.create': { roles: ['hotline_operator'], scope: 'all' },
  'hotline.calls.list': { roles: ['hotline_operator', 'admin'], scope: 'all' },
  'hotline.figures': { roles: ['hotline_operator', 'admin'], scope: 'all' },
  'hotline.enterprises': { roles: ['hotline_operator'], scope: 'all' },
  'hotline.calls.get': { roles: ['hotline_operator', 'admin'], scope: 'all' },
  'hotline.calls.phone': { roles: ['hotline_operator', 'admin'], scope: 'all' },
  'hotline.calls.callback': { roles: ['hotline_operator'], scope: 'all' },
};

/** True when a session with these roles may call a route with this policy. */
export function rolesAllow(
  policy: RoutePolicy,
  roles: readonly Role[] | null,
  departmentId: string | null = null,
): boolean {
  if (policy.roles === 'public') return true;
  if (!roles) return false;
  if (policy.roles === 'any') return roles.length > 0;
  const { departments } = policy;
  return policy.roles.some(
    (r) =>
      roles.includes(r) && (r !== 'officer' || !departments || departments.some((d) => d === departmentId)),
  );
}
