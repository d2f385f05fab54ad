import { decodeMetrics, parseCellKey, type ParsedCell } from '@fugong/domain';
import type { RollupDoc } from './rollup.types';

/** Counters by metric name, of one cell or one slice entry. */
export type Metrics = Record<string, number>;

/** One counted entry of a read document: its cell (or, in a slice, only its extras) and counters. */
export interface CellCount {
  cell: ParsedCell;
  m: Metrics;
}

/**
 * A rollup document as the dashboard reads it, metric names restored. `sliced`: the entries are
 * one filter slice's (already filtered; their cells carry only the extras), not every cell.
 */
export interface RollupView {
  _id: string;
  g: string;
  d: string;
  sliced: boolean;
  cells: CellCount[];
}

/** Every cell of a document. */
export function cellView(doc: Pick<RollupDoc, '_id' | 'g' | 'd' | 'c'>): RollupView {
  const cells = Object.entries(doc.c ?? {}).map(([key, stored]) => ({
    cell: parseCellKey(key),
    m: decodeMetrics(doc.g, stored),
  }));
  return { _id: doc._id, g: doc.g, d: doc.d, sliced: false, cells };
}

const onlyExtras = (extra: string[]): ParsedCell => ({
  region: '',
  regionCode: '',
  town: '',
  industry: '',
  size: 'none',
  extra,
});

/** One slice of a document: counters directly under it, or per extras (`520000`, `labour~rsj`). */
export function sliceView(doc: Pick<RollupDoc, '_id' | 'g' | 'd' | 's'>, slice: string): RollupView {
  const direct: Record<string, number> = {};
  const cells: CellCount[] = [];
  for (const [key, v] of Object.entries(doc.s?.[slice] ?? {})) {
    if (typeof v === 'number') direct[key] = v;
    else cells.push({ cell: onlyExtras(key.split('~')), m: decodeMetrics(doc.g, v) });
  }
  if (Object.keys(direct).length > 0) cells.push({ cell: onlyExtras([]), m: decodeMetrics(doc.g, direct) });
  return { _id: doc._id, g: doc.g, d: doc.d, sliced: true, cells };
}
