/** Great-circle distance in kilometres (WGS-84 mean radius): what a "nearest first" list shows. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(6371.0088 * 2 * Math.asin(Math.min(1, Math.sqrt(h))) * 10) / 10;
}

/** Two posts can be matched: opposite sides, the same category, both still open, different firms. */
export function matchProblem(
  mine: { side: string; category: string; status: string; enterpriseId: string },
  theirs: { side: string; category: string; status: string; enterpriseId: string },
): string | null {
  if (mine.enterpriseId === theirs.enterpriseId) return '不能与本企业自己的信息对接';
  if (mine.side === theirs.side) return '供应只能与需求对接';
  if (mine.category !== theirs.category) return '类别不同，不能对接';
  if (mine.status !== 'open' || theirs.status !== 'open') return '该信息已关闭';
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
