/**
 * One rollup document: a group of counters for one day (or `*`, the current totals), stored per
 * cell as `c.<cellKey>.<metric position>` and per filter slice as `s.<slice>[.<extras>].<position>`
 * (see `@fugong/domain` metrics.ts and slices.ts). Written only with `$inc` upserts (and whole by
 * the rebuild).
 */
export interface RollupDoc {
  /** `<group>|<day or *>`: deterministic, so concurrent first increments upsert the same doc. */
  _id: string;
  g: string;
  d: string;
  c: Record<string, Record<string, number>>;
  s?: Record<string, Record<string, number | Record<string, number>>>;
  /** Storage format: ROLLUP_FORMAT for documents with slices; absent on older ones (a rebuild converts them). */
  v?: number;
}
