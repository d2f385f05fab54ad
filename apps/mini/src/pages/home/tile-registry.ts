/**
 * Every entry on the home page, per role. Feature teams add their page by adding (or
 * completing) an entry here: give it `url` once the page exists; until then the tile opens the
 * shared "功能建设中" page. Order here is the order on screen.
 */
import type { Role } from '@fugong/contracts';
import { PAGES } from '../../navigation';

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
  { id: 'worker.checkin', role: 'worker', title: '健康打卡', badge: '卡', url: PAGES.checkin },
  { id: 'worker.pass', role: 'worker', title: '我的通行码', badge: '码', url: PAGES.pass },
  { id: 'worker.trips', role: 'worker', title: '找班车', badge: '车', url: PAGES.trips },
  { id: 'worker.bookings', role: 'worker', title: '我的行程', badge: '程', url: PAGES.myBookings },
  {
    id: 'worker.freightPass',
    role: 'worker',
    title: '我的货车通行证',
    badge: '证',
    url: PAGES.freightPass,
  },
  {
    id: 'liaison.progress',
    role: 'liaison',
    title: '复工进度',
    badge: '进',
    url: PAGES.enterpriseHome,
  },
  {
    id: 'liaison.charters',
    role: 'liaison',
    title: '包车需求',
    badge: '包',
    url: PAGES.charterForm,
  },
  {
    id: 'liaison.staffSeats',
    role: 'liaison',
    title: '员工订座',
    badge: '座',
    url: PAGES.staffBooking,
  },
  { id: 'liaison.issues', role: 'liaison', title: '问题申报', badge: '报', url: PAGES.issueList },
  // 免申即享: what the firm gets without applying, and its objection during 公示.
  { id: 'liaison.subsidies', role: 'liaison', title: '可享政策', badge: '惠', url: PAGES.subsidies },
  {
    id: 'liaison.freight',
    role: 'liaison',
    title: '货车通行证',
    badge: '货',
    url: PAGES.freightPasses,
  },
  {
    id: 'steward.enterprises',
    role: 'steward',
    title: '我的企业',
    badge: '企',
    url: PAGES.stewardEnterprises,
  },
  {
    id: 'steward.visits',
    role: 'steward',
    title: '走访记录',
    badge: '访',
    url: PAGES.stewardEnterprises,
  },
  { id: 'officer.queue', role: 'officer', title: '待办问题', badge: '办', url: PAGES.issueList },
  // The server shows an officer only the lists of their own department's policies.
  {
    id: 'officer.subsidyReview',
    role: 'officer',
    title: '免申即享名单',
    badge: '补',
    url: PAGES.subsidyReview,
  },
  {
    id: 'transport.trips',
    role: 'transport',
    title: '班次管理',
    badge: '班',
    url: PAGES.tripAdmin,
  },
  {
    id: 'transport.boarding',
    role: 'transport',
    title: '上车核验',
    badge: '验',
    url: PAGES.marshalScan,
  },
  {
    id: 'transport.freight',
    role: 'transport',
    title: '通行证审核',
    badge: '审',
    url: PAGES.freightReview,
  },
  { id: 'admin.dashboard', role: 'admin', title: '指挥大屏', badge: '屏', url: PAGES.dashboard },
  {
    id: 'checkpoint.scan',
    role: 'checkpoint',
    title: '通行证核验',
    badge: '卡',
    url: PAGES.freightCheck,
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
