/**
 * Rollup cells: the smallest slice the dashboard filters by — region (county code plus the
 * town/街道 read from the address, since GB/T 2260 codes stop at the county), industry and
 * size. Every counter in a rollup document is stored per cell, so a filter is a cheap walk over
 * at most a few thousand small numbers instead of a scan of raw records.
 */
export type CellSize = 'above' | 'below' | 'none';

export interface CellDims {
  regionCode: string;
  town: string;
  industry: string;
  size: CellSize;
}

/** Where records of workers without an employer (or of an unknown enterprise) are counted. */
export const NO_CELL: CellDims = { regionCode: '000000', town: '', industry: '未登记', size: 'none' };

const TOWN = /(?:余姚市|[^省市县区]{2,}?[市县区])?([^\s省市县区]{1,8}?(?:街道|镇|乡))/;

/** The town or 街道 named at the start of an address (余姚市阳明街道… → 阳明街道), or ''. */
export function townOf(address: string): string {
  const m = TOWN.exec(address.trim());
  return m ? m[1] : '';
}

/**
 * Field names in MongoDB may not contain '.' or start with '$'; '~' and ':' are our separators and
 * '*' is the slices' "any" (see slices.ts).
 */
export const cleanKeyPart = (s: string) => s.replace(/[.$~:\t|*]/g, '_');

/** The region part of a cell: `330281:阳明街道`, or `330281:` when no town is known. */
export function regionKey(d: Pick<CellDims, 'regionCode' | 'town'>): string {
  return `${cleanKeyPart(d.regionCode)}:${cleanKeyPart(d.town)}`;
}

/** The stable key of a cell, used as a field name inside rollup documents. */
export function cellKey(d: CellDims): string {
  return `${regionKey(d)}~${cleanKeyPart(d.industry)}~${d.size}`;
}

/** A cell key split into its dimensions and any `~extra` parts after it. */
export type ParsedCell = CellDims & { region: string; extra: string[] };

// Keys repeat across documents and requests; parsing each once keeps a summary's walk over tens
// of thousands of counters cheap. Bounded: cleared when it grows past any real key space.
const parsed = new Map<string, ParsedCell>();

/** Splits a cell key (and any `~extra` parts after it) back into its dimensions. */
export function parseCellKey(key: string): ParsedCell {
  const hit = parsed.get(key);
  if (hit) return hit;
  const [region, industry, size, ...extra] = key.split('~');
  const [regionCode, town] = region.split(':');
  const out = { region, regionCode, town: town ?? '', industry, size: size as CellSize, extra };
  if (parsed.size > 500_000) parsed.clear();
  parsed.set(key, out);
  return out;
}

/** What the dashboard may filter by; every field optional. */
export interface CellFilter {
  /** A county code (`330281`, matches every town in it) or one region key (`330281:阳明街道`). */
  region?: string;
  industry?: string;
  size?: 'above' | 'below';
}

/** True when a cell key falls inside the filter. */
export function cellMatches(key: string | ParsedCell, f: CellFilter): boolean {
  const c = typeof key === 'string' ? parseCellKey(key) : key;
  if (f.region) {
    if (f.region.includes(':') ? c.region !== f.region : c.regionCode !== f.region) return false;
  }
  if (f.industry && c.industry !== cleanKeyPart(f.industry)) return false;
  if (f.size && c.size !== f.size) return false;
  return true;
}
