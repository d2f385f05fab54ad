/** Great-circle distance in kilometres (WGS-84 mean radius): what a "nearest first" list shows. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(6371.0088 * 2 * Math.asin(Math.min(1, Math.sqrt(h))) * 10) / 10;
}

/** The days a post offers or needs its goods (YYYY-MM-DD, China time, both ends included). */
export interface PostWindow {
  availableFrom: string;
  availableUntil: string;
}

/**
 * The days a counterpart must still cover to be worth proposing to: from today (or the post's own
 * start, if later) to the post's own end. A post whose end has passed offers nothing any more.
 */
export function matchableWindow(mine: PostWindow, today: string): { from: string; until: string } {
  return { from: mine.availableFrom > today ? mine.availableFrom : today, until: mine.availableUntil };
}

/**
 * Two posts can be matched: opposite sides, the same category, both still open, different firms,
 * and days in common that are not yet past (goods offered in March are no answer to an April need).
 */
export function matchProblem(
  mine: { side: string; category: string; status: string; enterpriseId: string } & PostWindow,
  theirs: { side: string; category: string; status: string; enterpriseId: string } & PostWindow,
  today: string,
): string | null {
  if (mine.enterpriseId === theirs.enterpriseId) return '不能与本企业自己的信息对接';
  if (mine.side === theirs.side) return '供应只能与需求对接';
  if (mine.category !== theirs.category) return '类别不同，不能对接';
  if (mine.status !== 'open' || theirs.status !== 'open') return '该信息已关闭';
  if (mine.availableUntil < today) return '本企业的这条信息已过有效期';
  if (theirs.availableUntil < today) return '对方的信息已过有效期';
  const w = matchableWindow(mine, today);
  if (theirs.availableUntil < w.from || theirs.availableFrom > w.until) return '双方的有效期没有重叠的日子';
  return null;
}

/**
 * A key supplier is a chain risk unless it is known to have reopened: a supplier in the registry
 * by its own latest report, one elsewhere by what the lead firm last heard.
 */
export function supplierReopening(
  registry: { reopened: boolean } | null,
  reportedByLead: boolean | null,
): { reopened: boolean | null; source: 'registry' | 'lead_firm' | 'unknown'; chainRisk: boolean } {
  if (registry) return { reopened: registry.reopened, source: 'registry', chainRisk: !registry.reopened };
  if (reportedByLead !== null)
    return { reopened: reportedByLead, source: 'lead_firm', chainRisk: !reportedByLead };
  return { reopened: null, source: 'unknown', chainRisk: true };
}
