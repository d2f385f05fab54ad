/**
 * Every entry on the home page, per role. Feature teams add their page by adding (or
 * completing) an entry here: give it `page` (its name in the page registry, @fugong/contracts'
 * PAGE_PACKAGES) once the page exists; until then the tile opens the shared "功能建设中" page.
 * Order within a role is the order on screen.
 */
import type { DepartmentCode, PageName, Role } from '@fugong/contracts';
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

/** A tile as written below: its role is the list it sits in, its page a name in the page registry. */
type TileRow = Omit<EntryTile, 'role' | 'url'> & { page?: PageName };

const TILES_BY_ROLE: { readonly [R in Role]?: readonly TileRow[] } = {
  worker: [
    { id: 'worker.checkin', title: '健康打卡', icon: 'health', page: 'checkin' },
    { id: 'worker.pass', title: '我的通行码', icon: 'qr', page: 'pass' },
    { id: 'worker.trips', title: '找班车', icon: 'search', page: 'trips' },
    { id: 'worker.bookings', title: '我的行程', icon: 'order', page: 'myBookings' },
    { id: 'worker.freightPass', title: '我的货车通行证', icon: 'transit', page: 'freightPass' },
    { id: 'worker.inbox', title: '消息', icon: 'message', page: 'inbox' },
    // 用工服务: find a job near home, register once, follow each application to 到岗.
    { id: 'worker.jobs', title: '找工作', icon: 'search', page: 'labourVacancies' },
    { id: 'worker.seeker', title: '求职登记', icon: 'userAdd', page: 'labourSeeker' },
    { id: 'worker.applications', title: '我的求职', icon: 'list', page: 'labourMyApplications' },
  ],
  liaison: [
    { id: 'liaison.progress', title: '复工进度', icon: 'list', page: 'enterpriseHome' },
    { id: 'liaison.charters', title: '包车需求', icon: 'transit', page: 'charterForm' },
    { id: 'liaison.staffSeats', title: '员工订座', icon: 'userAdd', page: 'staffBooking' },
    { id: 'liaison.issues', title: '问题申报', icon: 'ask', page: 'issueList' },
    // 免申即享: what the firm gets without applying, and its objection during 公示.
    { id: 'liaison.subsidies', title: '可享政策', icon: 'order', page: 'subsidies' },
    { id: 'liaison.freight', title: '货车通行证', icon: 'transit', page: 'freightPasses' },
    { id: 'liaison.vacancies', title: '招工岗位', icon: 'userAdd', page: 'labourFirmVacancies' },
    // 用工调剂: lend idle staff to a firm short of hands, or borrow them.
    { id: 'liaison.sharing', title: '用工调剂', icon: 'order', page: 'labourSharing' },
    { id: 'liaison.projects', title: '重点项目', icon: 'service', page: 'projectList' },
    // 产业链协同: post supply or demand, follow matches, and (a lead firm) watch its key suppliers.
    { id: 'liaison.supply', title: '供需对接', icon: 'category', page: 'supplyPosts' },
    { id: 'liaison.matches', title: '我的对接', icon: 'order', page: 'supplyMatches' },
    { id: 'liaison.suppliers', title: '配套供应商', icon: 'store', page: 'supplySuppliers' },
  ],
  steward: [
    { id: 'steward.enterprises', title: '我的企业', icon: 'store', page: 'stewardEnterprises' },
    { id: 'steward.visits', title: '走访记录', icon: 'footprint', page: 'stewardEnterprises' },
    { id: 'steward.inbox', title: '督办提醒', icon: 'message', page: 'inbox' },
    { id: 'steward.projects', title: '重点项目代办', icon: 'service', page: 'projectList' },
    { id: 'steward.suppliers', title: '配套供应商', icon: 'store', page: 'supplySuppliers' },
  ],
  officer: [
    { id: 'officer.queue', title: '待办问题', icon: 'processing', page: 'issueList' },
    { id: 'officer.inbox', title: '办理提醒', icon: 'message', page: 'inbox' },
    { id: 'officer.projectActions', title: '会办任务', icon: 'clock', page: 'projectActions' },
    { id: 'officer.projects', title: '重点项目', icon: 'service', page: 'projectList' },
    // 人社局's 用工缺口: the server refuses officers of other departments, so only 人社局 gets the tile.
    { id: 'officer.labour', title: '用工缺口', icon: 'category', page: 'labourFigures', department: 'rsj' },
    {
      id: 'officer.agencies',
      title: '人力资源机构',
      icon: 'userAdd',
      page: 'labourAgencyGrant',
      department: 'rsj',
    },
    {
      id: 'officer.sharing',
      title: '用工调剂',
      icon: 'order',
      page: 'labourSharingOverview',
      department: 'rsj',
    },
    { id: 'officer.supply', title: '产业链协同', icon: 'category', page: 'supplyFigures', department: 'gxj' },
    { id: 'officer.supplyBrowse', title: '供需总览', icon: 'list', page: 'supplyBrowse', department: 'gxj' },
    // The server shows an officer only the lists of their own department's policies.
    { id: 'officer.subsidyReview', title: '免申即享名单', icon: 'list', page: 'subsidyReview' },
  ],
  transport: [
    { id: 'transport.trips', title: '班次管理', icon: 'clock', page: 'tripAdmin' },
    { id: 'transport.boarding', title: '上车核验', icon: 'scan', page: 'marshalScan' },
    { id: 'transport.freight', title: '通行证审核', icon: 'shield', page: 'freightReview' },
  ],
  admin: [
    { id: 'admin.dashboard', title: '指挥大屏', icon: 'category', page: 'dashboard' },
    { id: 'admin.people', title: '人员与角色', icon: 'userAdd', page: 'consolePeople' },
    { id: 'admin.callbacks', title: '电话回访', icon: 'service', page: 'consoleCallbacks' },
    { id: 'admin.registry', title: '名录导入', icon: 'category', page: 'consoleRegistryImport' },
    { id: 'admin.assignments', title: '批量指派管家', icon: 'footprint', page: 'consoleAssignments' },
    { id: 'admin.handover', title: '管家离岗移交', icon: 'processing', page: 'consoleHandover' },
    { id: 'admin.coverage', title: '服务覆盖', icon: 'list', page: 'consoleCoverage' },
    { id: 'admin.audit', title: '审计日志', icon: 'shield', page: 'consoleAudit' },
    { id: 'admin.regions', title: '地区风险等级', icon: 'health', page: 'consoleRegions' },
    { id: 'admin.labour', title: '用工缺口', icon: 'category', page: 'labourFigures' },
    { id: 'admin.sharing', title: '用工调剂', icon: 'order', page: 'labourSharingOverview' },
    { id: 'admin.projects', title: '重点项目', icon: 'service', page: 'projectFigures' },
    { id: 'admin.supply', title: '产业链协同', icon: 'category', page: 'supplyFigures' },
    { id: 'admin.hotline', title: '热线三率', icon: 'category', page: 'hotlineFigures' },
    { id: 'admin.supplyBrowse', title: '供需总览', icon: 'list', page: 'supplyBrowse' },
  ],
  checkpoint: [{ id: 'checkpoint.scan', title: '通行证核验', icon: 'scan', page: 'freightCheck' }],
  hr_agency: [
    // 人力资源服务机构: posts and hires for the firms 人社局 granted it.
    { id: 'hr_agency.vacancies', title: '代招岗位', icon: 'userAdd', page: 'labourFirmVacancies' },
    { id: 'hr_agency.applications', title: '投递与录用', icon: 'list', page: 'labourFirmApplications' },
    { id: 'hr_agency.sharing', title: '用工调剂', icon: 'order', page: 'labourSharing' },
  ],
  hotline_operator: [
    // 热线话务员: 12345 / 12333 / 7712345 calls, answered or raised as issues.
    { id: 'hotline.record', title: '登记来电', icon: 'message', page: 'hotlineCallForm' },
    { id: 'hotline.calls', title: '来电记录', icon: 'list', page: 'hotlineCalls' },
    { id: 'hotline.figures', title: '热线三率', icon: 'category', page: 'hotlineFigures' },
  ],
};

export const ENTRY_TILES: readonly EntryTile[] = (Object.keys(TILES_BY_ROLE) as Role[]).flatMap((role) =>
  (TILES_BY_ROLE[role] ?? []).map(({ page, ...tile }) => ({
    ...tile,
    role,
    ...(page ? { url: PAGES[page] } : {}),
  })),
);

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
