/**
 * Every entry on the home page, per role. Feature teams add their page by adding (or
 * completing) an entry here: give it `url` once the page exists; until then the tile opens the
 * shared "功能建设中" page. Order here is the order on screen.
 */
import type { Role } from '@fugong/contracts';

export interface EntryTile {
  /** Stable id, used as React key and in tests. */
  id: string;
  role: Role;
  title: string;
  /** One character shown in the tile's badge (no icon font to download on weak networks). */
  badge: string;
  /** Page path of the feature; absent while the feature is being built. */
  url?: string;
}

export const ENTRY_TILES: readonly EntryTile[] = [
  { id: 'worker.checkin', role: 'worker', title: '健康打卡', badge: '卡', url: '/pages/checkin/index' },
  { id: 'worker.pass', role: 'worker', title: '我的通行码', badge: '码', url: '/pages/pass/index' },
  { id: 'worker.trips', role: 'worker', title: '找班车', badge: '车', url: '/pages/trips/index' },
  { id: 'worker.bookings', role: 'worker', title: '我的行程', badge: '程', url: '/pages/my-bookings/index' },
  {
    id: 'worker.freightPass',
    role: 'worker',
    title: '我的货车通行证',
    badge: '证',
    url: '/pages/freight-pass/index',
  },
  {
    id: 'liaison.progress',
    role: 'liaison',
    title: '复工进度',
    badge: '进',
    url: '/pages/enterprise-home/index',
  },
  {
    id: 'liaison.charters',
    role: 'liaison',
    title: '包车需求',
    badge: '包',
    url: '/pages/charter-form/index',
  },
  {
    id: 'liaison.staffSeats',
    role: 'liaison',
    title: '员工订座',
    badge: '座',
    url: '/pages/staff-booking/index',
  },
  { id: 'liaison.issues', role: 'liaison', title: '问题申报', badge: '报', url: '/pages/issue-list/index' },
  {
    id: 'liaison.freight',
    role: 'liaison',
    title: '货车通行证',
    badge: '货',
    url: '/pages/freight-passes/index',
  },
  {
    id: 'steward.enterprises',
    role: 'steward',
    title: '我的企业',
    badge: '企',
    url: '/pages/steward-enterprises/index',
  },
  {
    id: 'steward.visits',
    role: 'steward',
    title: '走访记录',
    badge: '访',
    url: '/pages/steward-enterprises/index',
  },
  { id: 'officer.queue', role: 'officer', title: '待办问题', badge: '办', url: '/pages/issue-list/index' },
  {
    id: 'transport.trips',
    role: 'transport',
    title: '班次管理',
    badge: '班',
    url: '/pages/trip-admin/index',
  },
  {
    id: 'transport.boarding',
    role: 'transport',
    title: '上车核验',
    badge: '验',
    url: '/pages/marshal-scan/index',
  },
  {
    id: 'transport.freight',
    role: 'transport',
    title: '通行证审核',
    badge: '审',
    url: '/pages/freight-review/index',
  },
  { id: 'admin.dashboard', role: 'admin', title: '指挥大屏', badge: '屏', url: '/pages/dashboard/index' },
  {
    id: 'checkpoint.scan',
    role: 'checkpoint',
    title: '通行证核验',
    badge: '卡',
    url: '/pages/freight-check/index',
  },
];

export interface RoleSection {
  role: Role;
  tiles: EntryTile[];
}

/** The tiles a person sees: one section per role they hold, in the order of their roles. */
export function sectionsForRoles(
  roles: readonly Role[],
  tiles: readonly EntryTile[] = ENTRY_TILES,
): RoleSection[] {
  return [...new Set(roles)]
    .map((role) => ({ role, tiles: tiles.filter((tile) => tile.role === role) }))
    .filter((section) => section.tiles.length > 0);
}
