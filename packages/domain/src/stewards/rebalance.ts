/** A steward who takes firms over, with how many they serve already. */
export interface StewardLoad {
  stewardId: string;
  current: number;
}

/**
 * Shares a leaving steward's firms among the stewards taking over so that loads end as even as
 * they can: each firm goes to whoever serves fewest at that moment (ties: the order given, so
 * the admin's first choice gets the odd one). Firms keep their order, so neighbouring firms in
 * the list (sorted by the caller, e.g. by town) tend to stay together with one steward.
 */
export function shareFirms(
  firmIds: readonly string[],
  takers: readonly StewardLoad[],
): Map<string, string[]> {
  if (takers.length === 0) throw new TypeError('shareFirms needs at least one steward to take the firms');
  const load = takers.map((t) => ({ id: t.stewardId, n: t.current }));
  const out = new Map<string, string[]>(takers.map((t) => [t.stewardId, []]));
  for (const firm of firmIds) {
    let least = load[0];
    for (const l of load) if (l.n < least.n) least = l;
    out.get(least.id)!.push(firm);
    least.n += 1;
  }
  return out;
}
