/**
 * Rollup counters are stored under the position of their metric in its group's table
 * (`c.<cell>.3`, not `c.<cell>.reopened`): the documents carry tens of thousands of counters and
 * the names would be most of their bytes. Positions are the storage format: append new metrics,
 * never reorder (a reorder needs `npm run rollups:rebuild`).
 */
export const ROLLUP_METRICS: Readonly<Record<string, readonly string[]>> = {
  reopen: [
    'enterprises',
    'headcount',
    'reported',
    'reopened',
    'staffOnSite',
    'staffTotal',
    'closedWithIssues',
  ],
  ecat: ['enterprises', 'blocked', 'issues', 'blockedIssues'],
  vcov: ['enterprises'],
  trans: ['trips', 'seats', 'booked', 'boarded', 'waitTickets'],
  iss: ['total', 'open', 'overdue', 'answered', 'answeredOnTime', 'rated', 'ratingSum'],
  health: ['checkins', 'abnormalTemp', 'nonGreen'],
  visits: ['visits'],
  calls: ['calls', 'reached', 'rated', 'ratingSum'],
};

const positions = new Map(
  Object.entries(ROLLUP_METRICS).map(([g, names]) => [g, new Map(names.map((n, i) => [n, String(i)]))]),
);

/** The stored key of a metric of a group; throws on a metric the table does not list. */
export function metricKey(group: string, metric: string): string {
  const key = positions.get(group)?.get(metric);
  if (key === undefined) throw new TypeError(`rollup metric ${group}.${metric} is not in ROLLUP_METRICS`);
  return key;
}

/**
 * The metric name behind a stored key. Keys that are not positions are names already: documents
 * written before the positional format (until a rebuild rewrites them) or by hand.
 */
export function metricName(group: string, key: string): string {
  const names = ROLLUP_METRICS[group];
  return names && /^\d+$/.test(key) ? (names[Number(key)] ?? key) : key;
}

/** Stored `{position → n}` counters as `{metric → n}` (legacy named keys pass through and add up). */
export function decodeMetrics(group: string, stored: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k in stored) {
    const name = metricName(group, k);
    out[name] = (out[name] ?? 0) + stored[k];
  }
  return out;
}
