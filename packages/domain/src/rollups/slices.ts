import { cleanKeyPart, parseCellKey, type CellFilter } from './cells';

/**
 * Slices: every filter the dashboard offers, pre-summed. A cell `region~industry~size` also counts
 * in the 12 slices `regionSel~industrySel~sizeSel` a filter can name — region: any (`*`), its
 * county code or its `county:town` key; industry: any or its own; size: any or its own — so a
 * summary reads one slice per document (a projection) instead of every cell of it. Extras (origin
 * province, issue category and department, steward id, last-visit day) stay below the slice.
 */
export const ANY = '*';

/** The 12 slice keys a cell key (`region~industry~size`, any `~extra` parts ignored) counts in. */
export function slicesOf(cellField: string): string[] {
  const c = parseCellKey(cellField);
  const out: string[] = [];
  for (const r of [ANY, c.regionCode, c.region])
    for (const i of [ANY, c.industry]) for (const s of [ANY, c.size]) out.push(`${r}~${i}~${s}`);
  return out;
}

/** The extras of a cell field joined back with `~` (`''` when it has none). */
export const extrasOf = (cellField: string): string => parseCellKey(cellField).extra.join('~');

/** Characters a filter value may not carry: the key cleaning would never produce them. */
const UNMATCHABLE = /[.$~\t|*]/;

/**
 * The slice holding exactly the cells `cellMatches(·, f)` accepts, or null when the filter can
 * match no cell (a value no cell key can contain).
 */
export function sliceOfFilter(f: CellFilter): string | null {
  // Empty values filter nothing, as in cellMatches.
  if (f.region && (UNMATCHABLE.test(f.region) || (f.region.match(/:/g)?.length ?? 0) > 1)) return null;
  // Industries are matched after cleaning, as cell keys are built.
  const industry = f.industry ? cleanKeyPart(f.industry) : ANY;
  return `${f.region || ANY}~${industry}~${f.size || ANY}`;
}
