import type { Contribution } from './contributions';

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

/** Splits a contribution into per-document `$inc` maps (`c.<field>.<metric>` → n). */
export function incrementsByDoc(c: Contribution): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const [k, n] of Object.entries(c)) {
    const [docId, field, metric] = k.split('\t');
    const inc = out.get(docId) ?? {};
    inc[`c.${field}.${metric}`] = (inc[`c.${field}.${metric}`] ?? 0) + n;
    out.set(docId, inc);
  }
  return out;
}

/** Rebuilds nested documents `{docId → {field → {metric → n}}}` from a contribution (zeros dropped). */
export function nestByDoc(c: Contribution): Map<string, Record<string, Record<string, number>>> {
  const out = new Map<string, Record<string, Record<string, number>>>();
  for (const [k, n] of Object.entries(c)) {
    if (n === 0) continue;
    const [docId, field, metric] = k.split('\t');
    const doc = out.get(docId) ?? {};
    (doc[field] ??= {})[metric] = n;
    out.set(docId, doc);
  }
  return out;
}

/** Flattens nested rollup documents back into a contribution (for drift comparison). */
export function flattenDoc(
  docId: string,
  c: Record<string, Record<string, number>>,
  into: Contribution = {},
): Contribution {
  for (const [field, metrics] of Object.entries(c)) {
    for (const [m, n] of Object.entries(metrics))
      if (n !== 0) into[`${docId}\t${field}\t${m}`] = (into[`${docId}\t${field}\t${m}`] ?? 0) + n;
  }
  return into;
}
