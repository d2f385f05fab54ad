import type { CharterRequest } from '@fugong/contracts';

/** One request in a line: which firms, how many, and the arrival window. */
export function requestLine(r: CharterRequest): string {
  const firms = r.participants.map((p) => p.enterpriseName).join('、');
  const window =
    r.earliestArrival === r.latestArrival ? r.earliestArrival : `${r.earliestArrival} 至 ${r.latestArrival}`;
  return `${firms} · ${r.totalWorkers} 人 · ${window} 到厂`;
}
