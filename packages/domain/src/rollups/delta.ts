import type { Contribution } from './contributions';
import { decodeMetrics, metricKey } from './metrics';
import { extrasOf, slicesOf } from './slices';

/** new − old, without zero entries: what the counters must move by. */
export function contributionDelta(oldC: Contribution, newC: Contribution): Contribution {
  const out: Contribution = {};
  for (const [k, n] of Object.entries(newC)) {
    const d = n - (oldC[k] ?? 0);
    if (d !== 0) out[k] = d;
  }
  for (const [k, n] of Object.entries(oldC)) if (!(k in newC) && n !== 0) out[k] = -n;
  return out;
}

/** Adds `b` into `a` (in place) and returns it; used to total contributions in a rebuild. */
export function addContribution(a: Contribution, b: Contribution): Contribution {
  for (const [k, n] of Object.entries(b)) a[k] = (a[k] ?? 0) + n;
  return a;
}

/** The group of a rollup document id (`health|2027-03-02` → `health`). */
const groupOf = (docId: string) => docId.slice(0, docId.indexOf('|'));

/** Where one counter of a cell lives in a rollup document: its cell path and its 12 slice paths. */
function storedPaths(field: string, position: string): string[] {
  const extras = extrasOf(field);
  const below = extras ? `${extras}.${position}` : position;
  return [`c.${field}.${position}`, ...slicesOf(field).map((s) => `s.${s}.${below}`)];
}

/**
 * Splits a contribution into per-document `$inc` maps: each counter moves its cell
 * (`c.<cell>.<position>`) and the slices it counts in (`s.<slice>[.<extras>].<position>`) in the
 * same single-document update, so cells and slices can never disagree.
 */
export function incrementsByDoc(c: Contribution): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const [k, n] of Object.entries(c)) {
    if (n === 0) continue;
    const [docId, field, metric] = k.split('\t');
    const inc = out.get(docId) ?? {};
    for (const path of storedPaths(field, metricKey(groupOf(docId), metric)))
      inc[path] = (inc[path] ?? 0) + n;
    out.set(docId, inc);
  }
  return out;
}

/** Counters per cell (`field → position → n`) and per slice (`slice → [extras →] position → n`). */
export interface StoredCounters {
  c: Record<string, Record<string, number>>;
  s: Record<string, Record<string, number | Record<string, number>>>;
}

/** Rebuilds whole rollup documents' counters from a contribution (zeros dropped), as the increments would have left them. */
export function nestByDoc(c: Contribution): Map<string, StoredCounters> {
  const out = new Map<string, StoredCounters>();
  for (const [docId, inc] of incrementsByDoc(c)) {
    const doc: StoredCounters = { c: {}, s: {} };
    for (const [path, n] of Object.entries(inc)) {
      if (n === 0) continue;
      const parts = path.split('.');
      let node: Record<string, unknown> = doc as unknown as Record<string, unknown>;
      for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
      node[parts[parts.length - 1]] = n;
    }
    out.set(docId, doc);
  }
  return out;
}

/**
 * Flattens the cell counters of a rollup document back into a contribution (for drift
 * comparison). Reads positional and named (pre-positional) metric keys alike, so a rebuild
 * compares old documents correctly before it rewrites them.
 */
export function flattenDoc(
  docId: string,
  c: Record<string, Record<string, number>>,
  into: Contribution = {},
): Contribution {
  const group = groupOf(docId);
  for (const [field, metrics] of Object.entries(c)) {
    for (const [m, n] of Object.entries(decodeMetrics(group, metrics))) {
      const k = `${docId}\t${field}\t${m}`;
      if (n !== 0) into[k] = (into[k] ?? 0) + n;
    }
  }
  return into;
}
