/**
 * The geo index: a fixed grid of cells (0.05° for 2dsphere, about 5.5 km; 1/7200 of the bounds
 * for 2d) mapping each cell to the points in it. A near search visits rings of cells around the
 * query point and emits candidates in distance order as soon as no unvisited cell can hold a
 * closer one; when the rings grow past the occupied cells it takes the rest in one go, so a query
 * far from all data costs one pass over the occupied cells, not the whole grid.
 */
import { type Metric } from './nearSpec';
import { EARTH_RADIUS_M, geoJsonOf, type Point, pointOf, positionsOf } from './geometry';
import { distanceIn } from './nearSpec';
import { MinHeap } from './minHeap';

const RAD = Math.PI / 180;
const DIVISIONS = 7200;

export interface NearHit {
  id: string;
  distance: number;
  point: Point;
}

interface Bounds {
  min: number;
  max: number;
}

export class GeoGrid {
  private readonly cells = new Map<number, Map<string, Point[]>>();
  private readonly cellsOf = new Map<string, number[]>();
  /** Non-point geometries, measured by their nearest vertex (see README). */
  private readonly others = new Map<string, Point[]>();
  private readonly cell: number;
  private readonly cols: number;
  private readonly rows: number;
  /** Index entries looked at by searches (explain's keysExamined). */
  keysExamined = 0;

  constructor(
    readonly kind: '2d' | '2dsphere',
    private readonly bounds: Bounds = kind === '2d' ? { min: -180, max: 180 } : { min: -180, max: 180 },
  ) {
    this.cell = kind === '2dsphere' ? 360 / DIVISIONS : (bounds.max - bounds.min) / DIVISIONS;
    this.cols = DIVISIONS;
    this.rows = kind === '2dsphere' ? DIVISIONS / 2 : DIVISIONS;
  }

  get size(): number {
    return this.cellsOf.size + this.others.size;
  }

  private colOf(x: number): number {
    const c = Math.floor((x - this.bounds.min) / this.cell);
    return Math.min(Math.max(c, 0), this.cols - 1);
  }

  private rowOf(y: number): number {
    const base = this.kind === '2dsphere' ? -90 : this.bounds.min;
    const r = Math.floor((y - base) / this.cell);
    return Math.min(Math.max(r, 0), this.rows - 1);
  }

  /** The points a stored value contributes (a point, an array of points, or a geometry). */
  static locationsOf(value: unknown): { points: Point[]; other?: Point[] } {
    const p = pointOf(value);
    if (p) return { points: [p] };
    if (Array.isArray(value) && value.length > 0 && value.every((v) => pointOf(v) !== undefined))
      return { points: value.map((v) => pointOf(v)!) };
    const geo = geoJsonOf(value);
    return geo ? { points: [], other: positionsOf(geo) } : { points: [] };
  }

  add(id: string, value: unknown): void {
    const { points, other } = GeoGrid.locationsOf(value);
    if (other) this.others.set(id, other);
    const keys: number[] = [];
    for (const p of points) {
      const key = this.rowOf(p[1]) * this.cols + this.colOf(p[0]);
      let cell = this.cells.get(key);
      if (!cell) this.cells.set(key, (cell = new Map()));
      const list = cell.get(id);
      if (list) list.push(p);
      else cell.set(id, [p]);
      keys.push(key);
    }
    if (keys.length > 0) this.cellsOf.set(id, keys);
  }

  remove(id: string): void {
    this.others.delete(id);
    for (const key of this.cellsOf.get(id) ?? []) {
      const cell = this.cells.get(key);
      cell?.delete(id);
      if (cell && cell.size === 0) this.cells.delete(key);
    }
    this.cellsOf.delete(id);
  }

  clear(): void {
    this.cells.clear();
    this.cellsOf.clear();
    this.others.clear();
  }

  /** Smallest distance from q to any point outside the block of radius r around q's cell. */
  private lowerBound(q: Point, r: number, metric: Metric): number {
    const c0 = this.colOf(q[0]);
    const r0 = this.rowOf(q[1]);
    const xLo = this.bounds.min + (c0 - r) * this.cell;
    const xHi = this.bounds.min + (c0 + r + 1) * this.cell;
    const yBase = this.kind === '2dsphere' ? -90 : this.bounds.min;
    const yLo = yBase + (r0 - r) * this.cell;
    const yHi = yBase + (r0 + r + 1) * this.cell;
    const gapX = 2 * r + 1 >= this.cols ? Infinity : Math.min(q[0] - xLo, xHi - q[0]);
    const gapY = Math.min(
      r0 - r <= 0 ? Infinity : q[1] - yLo,
      r0 + r + 1 >= this.rows ? Infinity : yHi - q[1],
    );
    if (metric === 'planar') return Math.min(gapX, gapY);
    // Latitude gaps bound the angle directly; a longitude gap Δλ by the distance to that meridian.
    const cosLat = Math.cos(q[1] * RAD);
    const lonAngle = gapX >= 90 ? Math.asin(Math.min(1, cosLat)) : Math.asin(Math.sin(gapX * RAD) * cosLat);
    const angle = Math.min(gapY * RAD, lonAngle);
    return metric === 'metres' ? angle * EARTH_RADIUS_M : angle;
  }

  /** Candidates in increasing distance within [min, max] (each id once, at its nearest point). */
  *near(q: Point, metric: Metric, min: number, max: number): Generator<NearHit> {
    const heap = new MinHeap<NearHit>((h) => h.distance);
    const seen = new Set<string>();
    const consider = (id: string, points: Point[]): void => {
      this.keysExamined += points.length;
      let best: NearHit | undefined;
      for (const p of points) {
        const d = distanceIn(metric, q, p);
        if (!best || d < best.distance) best = { id, distance: d, point: p };
      }
      if (best && best.distance <= max) heap.push(best);
    };
    for (const [id, points] of this.others) consider(id, points);
    const c0 = this.colOf(q[0]);
    const r0 = this.rowOf(q[1]);
    const visitCell = (row: number, col: number): void => {
      if (row < 0 || row >= this.rows) return;
      const wrapped = this.kind === '2dsphere' ? ((col % this.cols) + this.cols) % this.cols : col;
      if (wrapped < 0 || wrapped >= this.cols) return;
      const cell = this.cells.get(row * this.cols + wrapped);
      if (cell) for (const [id, points] of cell) consider(id, points);
    };
    let visited = 0;
    for (let r = 0; ; r++) {
      let bound: number;
      if (visited > 4 * this.cells.size + 64 || 2 * r + 1 >= this.cols) {
        // Cheaper to take every occupied cell outside the block than to keep ringing.
        for (const [key, cell] of this.cells) {
          const row = Math.floor(key / this.cols);
          const col = key % this.cols;
          const dc = Math.min(
            Math.abs(col - c0),
            this.kind === '2dsphere' ? this.cols - Math.abs(col - c0) : Infinity,
          );
          if (Math.max(Math.abs(row - r0), dc) < r) continue;
          for (const [id, points] of cell) consider(id, points);
        }
        bound = Infinity;
      } else {
        if (r === 0) visitCell(r0, c0);
        else {
          for (let d = -r; d <= r; d++) {
            visitCell(r0 - r, c0 + d);
            visitCell(r0 + r, c0 + d);
          }
          for (let d = -r + 1; d <= r - 1; d++) {
            visitCell(r0 + d, c0 - r);
            visitCell(r0 + d, c0 + r);
          }
        }
        visited += r === 0 ? 1 : 8 * r;
        bound = this.lowerBound(q, r, metric);
      }
      while (heap.size > 0 && heap.peek()!.distance <= bound) {
        const hit = heap.pop()!;
        if (seen.has(hit.id)) continue;
        seen.add(hit.id);
        if (hit.distance >= min) yield hit;
      }
      if (bound === Infinity || bound > max) {
        while (heap.size > 0) {
          const hit = heap.pop()!;
          if (!seen.has(hit.id) && hit.distance >= min) {
            seen.add(hit.id);
            yield hit;
          }
        }
        return;
      }
    }
  }
}
