/** The fields of a charter request that decide which bus it can share. */
export interface GroupableCharter {
  id: string;
  originRegionCode: string;
  originName: string;
  earliestArrival: string;
  totalWorkers: number;
}

export interface CharterGroup<T extends GroupableCharter> {
  originRegionCode: string;
  originName: string;
  day: string;
  totalWorkers: number;
  requests: T[];
}

/**
 * Groups open charter requests by origin county and earliest-arrival day, the two things a
 * transport officer needs equal to put workers on the same coach. Busiest groups first, so
 * the officer charters the full buses before the odd seats.
 */
export function groupCharterRequests<T extends GroupableCharter>(requests: T[]): CharterGroup<T>[] {
  const groups = new Map<string, CharterGroup<T>>();
  for (const r of requests) {
    const key = `${r.originRegionCode}|${r.earliestArrival}`;
    const g = groups.get(key) ?? {
      originRegionCode: r.originRegionCode,
      originName: r.originName,
      day: r.earliestArrival,
      totalWorkers: 0,
      requests: [],
    };
    g.totalWorkers += r.totalWorkers;
    g.requests.push(r);
    groups.set(key, g);
  }
  return [...groups.values()].sort(
    (a, b) =>
      a.day.localeCompare(b.day) ||
      b.totalWorkers - a.totalWorkers ||
      a.originRegionCode.localeCompare(b.originRegionCode),
  );
}
