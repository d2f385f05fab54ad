/**
 * Every entry on the home page, per role. Feature teams add their page by adding (or
 * completing) an entry here: give it `url` once the page exists; until then the tile opens the
 * shared "功能建设中" page. Order here is the order on screen.
 */
import type { DepartmentCode, Role } from '@fugong/contracts';
import { PAGES } from '../../navigation';

/** Names of the icons a tile may show; components/tile-grid maps them to NutUI icons. */
export type TileIcon =
  | 'health'
  | 'qr'
  | 'search'
  | 'order'
  | 'transit'
  | 'list'
  | 'userAdd'
  | 'ask'
  | 'store'
  | 'footprint'
  | 'processing'
  | 'clock'
  | 'scan'
  | 'shield'
  | 'category'
  | 'message'
  | 'service';

export interface EntryTile {
  /** Stable id, used as React key and in tests. */
  id: string;
  role: Role;
  title: string;
  /** The NutUI icon on the tile (inline SVG: nothing extra to download); a list icon when absent. */
  icon?: TileIcon;
  /** Former one-character badge; no longer drawn (kept so tiles written with it still compile). */
  badge?: string;
  /** Page path of the feature; absent while the feature is being built. */
  url?: string;
  /** Only for officers of this department (a figure page no other department works from). */
  department?: DepartmentCode;
}

export const ENTRY_TILES: readonly EntryTile[] = [
  { id: 'worker.checkin', role: 'worker', title: '健康打卡', icon: 'health', url: PAGES.checkin },
  { id: 'worker.pass', role: 'worker', title: '我的通行码', icon: 'qr', url: PAGES.pass },
  { id: 'worker.trips', role: 'worker', title: '找班车', icon: 'search', url: PAGES.trips },
  { id: 'worker.bookings', role: 'worker', title: '我的行程', icon: 'order', url: PAGES.myBookings },
  {
    id: 'worker.freightPass',
    role: 'worker',
    title: '我的货车通行证',
    icon: 'transit',
    url: PAGES.freightPass,
  },
  { id: 'worker.inbox', role: 'worker', title: '消息', icon: 'message', url: PAGES.inbox },
  // 用工服务: find a job near home, register once, follow each application to 到岗.
  { id: 'worker.jobs', role: 'worker', title: '找工作', icon: 'search', url: PAGES.labourVacancies },
  { id: 'worker.seeker', role: 'worker', title: '求职登记', icon: 'userAdd', url: PAGES.labourSeeker },
  {
    id: 'worker.applications',
    role: 'worker',
    title: '我的求职',
    icon: 'list',
    url: PAGES.labourMyApplications,
  },
  {
    id: 'liaison.progress',
    role: 'liaison',
    title: '复工进度',
    icon: 'list',
    url: PAGES.enterpriseHome,
  },
  {
    id: 'liaison.charters',
    role: 'liaison',
    title: '包车需求',
    icon: 'transit',
    url: PAGES.charterForm,
  },
  {
    id: 'liaison.staffSeats',
    role: 'liaison',
    title: '员工订座',
    icon: 'userAdd',
    url: PAGES.staffBooking,
  },
  { id: 'liaison.issues', role: 'liaison', title: '问题申报', icon: 'ask', url: PAGES.issueList },
  // 免申即享: what the firm gets without applying, and its objection during 公示.
  { id: 'liaison.subsidies', role: 'liaison', title: '可享政策', icon: 'order', url: PAGES.subsidies },
  {
    id: 'liaison.freight',
    role: 'liaison',
    title: '货车通行证',
    icon: 'transit',
    url: PAGES.freightPasses,
  },
  {
    id: 'liaison.vacancies',
    role: 'liaison',
    title: '招工岗位',
    icon: 'userAdd',
    url: PAGES.labourFirmVacancies,
  },
  // 用工调剂: lend idle staff to a firm short of hands, or borrow them.
  { id: 'liaison.sharing', role: 'liaison', title: '用工调剂', icon: 'order', url: PAGES.labourSharing },
  { id: 'liaison.projects', role: 'liaison', title: '重点项目', icon: 'service', url: PAGES.projectList },
  // 产业链协同: post supply or demand, follow matches, and (a lead firm) watch its key suppliers.
  { id: 'liaison.supply', role: 'liaison', title: '供需对接', icon: 'category', url: PAGES.supplyPosts },
  { id: 'liaison.matches', role: 'liaison', title: '我的对接', icon: 'order', url: PAGES.supplyMatches },
  {
    id: 'liaison.suppliers',
    role: 'liaison',
    title: '配套供应商',
    icon: 'store',
    url: PAGES.supplySuppliers,
  },
  {
    id: 'steward.enterprises',
    role: 'steward',
    title: '我的企业',
    icon: 'store',
    url: PAGES.stewardEnterprises,
  },
  {
    id: 'steward.visits',
    role: 'steward',
    title: '走访记录',
    icon: 'footprint',
    url: PAGES.stewardEnterprises,
  },
  { id: 'steward.inbox', role: 'steward', title: '督办提醒', icon: 'message', url: PAGES.inbox },
  { id: 'steward.projects', role: 'steward', title: '重点项目代办', icon: 'service', url: PAGES.projectList },
  {
    id: 'steward.suppliers',
    role: 'steward',
    title: '配套供应商',
    icon: 'store',
    url: PAGES.supplySuppliers,
  },
  { id: 'officer.queue', role: 'officer', title: '待办问题', icon: 'processing', url: PAGES.issueList },
  { id: 'officer.inbox', role: 'officer', title: '办理提醒', icon: 'message', url: PAGES.inbox },
  {
    id: 'officer.projectActions',
    role: 'officer',
    title: '会办任务',
    icon: 'clock',
    url: PAGES.projectActions,
  },
  { id: 'officer.projects', role: 'officer', title: '重点项目', icon: 'service', url: PAGES.projectList },
  // 人社局's 用工缺口: the server refuses officers of other departments, so only 人社局 gets the tile.
  {
    id: 'officer.labour',
    role: 'officer',
    title: '用工缺口',
    icon: 'category',
    url: PAGES.labourFigures,
    department: 'rsj',
  },
  {
    id: 'officer.agencies',
    role: 'officer',
    title: '人力资源机构',
    icon: 'userAdd',
    url: PAGES.labourAgencyGrant,
    department: 'rsj',
  },
  {
    id: 'officer.sharing',
    role: 'officer',
    title: '用工调剂',
    icon: 'order',
    url: PAGES.labourSharingOverview,
    department: 'rsj',
  },
  {
    id: 'officer.supply',
    role: 'officer',
    title: '产业链协同',
    icon: 'category',
    url: PAGES.supplyFigures,
    department: 'gxj',
  },
  {
    id: 'officer.supplyBrowse',
    role: 'officer',
    title: '供需总览',
    icon: 'list',
    url: PAGES.supplyBrowse,
    department: 'gxj',
  },
  // The server shows an officer only the lists of their own department's policies.
  {
    id: 'officer.subsidyReview',
    role: 'officer',
    title: '免申即享名单',
    icon: 'list',
    url: PAGES.subsidyReview,
  },
  {
    id: 'transport.trips',
    role: 'transport',
    title: '班次管理',
    icon: 'clock',
    url: PAGES.tripAdmin,
  },
  {
    id: 'transport.boarding',
    role: 'transport',
    title: '上车核验',
    icon: 'scan',
    url: PAGES.marshalScan,
  },
  {
    id: 'transport.freight',
    role: 'transport',
    title: '通行证审核',
    icon: 'shield',
    url: PAGES.freightReview,
  },
  { id: 'admin.dashboard', role: 'admin', title: '指挥大屏', icon: 'category', url: PAGES.dashboard },
  { id: 'admin.people', role: 'admin', title: '人员与角色', icon: 'userAdd', url: PAGES.consolePeople },
  { id: 'admin.callbacks', role: 'admin', title: '电话回访', icon: 'service', url: PAGES.consoleCallbacks },
  {
    id: 'admin.registry',
    role: 'admin',
    title: '名录导入',
    icon: 'category',
    url: PAGES.consoleRegistryImport,
  },
  {
    id: 'admin.assignments',
    role: 'admin',
    title: '批量指派管家',
    icon: 'footprint',
    url: PAGES.consoleAssignments,
  },
  {
    id: 'admin.handover',
    role: 'admin',
    title: '管家离岗移交',
    icon: 'processing',
    url: PAGES.consoleHandover,
  },
  { id: 'admin.coverage', role: 'admin', title: '服务覆盖', icon: 'list', url: PAGES.consoleCoverage },
  { id: 'admin.audit', role: 'admin', title: '审计日志', icon: 'shield', url: PAGES.consoleAudit },
  { id: 'admin.regions', role: 'admin', title: '地区风险等级', icon: 'health', url: PAGES.consoleRegions },
  { id: 'admin.labour', role: 'admin', title: '用工缺口', icon: 'category', url: PAGES.labourFigures },
  { id: 'admin.sharing', role: 'admin', title: '用工调剂', icon: 'order', url: PAGES.labourSharingOverview },
  { id: 'admin.projects', role: 'admin', title: '重点项目', icon: 'service', url: PAGES.projectFigures },
  { id: 'admin.supply', role: 'admin', title: '产业链协同', icon: 'category', url: PAGES.supplyFigures },
  { id: 'admin.hotline', role: 'admin', title: '热线三率', icon: 'category', url: PAGES.hotlineFigures },
  { id: 'admin.supplyBrowse', role: 'admin', title: '供需总览', icon: 'list', url: PAGES.supplyBrowse },
  {
    id: 'checkpoint.scan',
    role: 'checkpoint',
    title: '通行证核验',
    icon: 'scan',
    url: PAGES.freightCheck,
  },
  // 人力资源服务机构: posts and hires for the firms 人社局 granted it.
  {
    id: 'hr_agency.vacancies',
    role: 'hr_agency',
    title: '代招岗位',
    icon: 'userAdd',
    url: PAGES.labourFirmVacancies,
  },
  {
    id: 'hr_agency.applications',
    role: 'hr_agency',
    title: '投递与录用',
    icon: 'list',
    url: PAGES.labourFirmApplications,
  },
  // 热线话务员: 12345 / 12333 / 7712345 calls, answered or raised as issues.
  {
    id: 'hotline.record',
    role: 'hotline_operator',
    title: '登记来电',
    icon: 'message',
    url: PAGES.hotlineCallForm,
  },
  { id: 'hotline.calls', role: 'hotline_operator', title: '来电记录', icon: 'list', url: PAGES.hotlineCalls },
  {
    id: 'hotline.figures',
    role: 'hotline_operator',
    title: '热线三率',
    icon: 'category',
    url: PAGES.hotlineFigures,
  },
  { id: 'hr_agency.sharing', role: 'hr_agency', title: '用工调剂', icon: 'order', url: PAGES.labourSharing },
];

export interface RoleSection {
  role: Role;
  tiles: EntryTile[];
}

/**
 * The tiles a person sees: one section per role they hold, in the order of their roles; a
 * department's tile only for that department's officers.
 */
export function sectionsForRoles(
  roles: readonly Role[],
  departmentId: string | null = null,
  tiles: readonly EntryTile[] = ENTRY_TILES,
): RoleSection[] {
  const fits = (tile: EntryTile) => !tile.department || tile.department === departmentId;
  return [...new Set(roles)]
    .map((role) => ({ role, tiles: tiles.filter((tile) => tile.role === role && fits(tile)) }))
    .filter((section) => section.tiles.length > 0);
}
