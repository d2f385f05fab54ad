/**
 * Point-in-shape tests for $geoWithin and $geoIntersects. Polygon edges are straight lines in
 * longitude/latitude (MongoDB uses geodesic edges for GeoJSON polygons: the answers differ only
 * for points very near long edges), holes are honoured, and a stored non-point geometry is
 * within a shape when all its positions are, intersecting when any is.
 */
import {
  type Geometry,
  geoJsonOf,
  planarDistance,
  type Point,
  pointOf,
  positionsOf,
  sphericalAngle,
} from './geometry';

type Ring = Point[];

function ringsOf(coords: unknown): Ring[] {
  if (!Array.isArray(coords)) return [];
  return coords.map((ring) => (Array.isArray(ring) ? ring.map((p) => pointOf(p)!).filter(Boolean) : []));
}

function inRing(p: Point, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function onRingEdge(p: Point, ring: Ring): boolean {
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [ax, ay] = ring[j];
    const [bx, by] = ring[i];
    const cross = (bx - ax) * (p[1] - ay) - (by - ay) * (p[0] - ax);
    if (Math.abs(cross) > 1e-12) continue;
    if (
      p[0] >= Math.min(ax, bx) &&
      p[0] <= Math.max(ax, bx) &&
      p[1] >= Math.min(ay, by) &&
      p[1] <= Math.max(ay, by)
    )
      return true;
  }
  return false;
}

/** A polygon given as [outer ring, ...holes]; points on the outer boundary count as inside. */
function inPolygon(p: Point, rings: Ring[]): boolean {
  if (rings.length === 0) return false;
  if (!(inRing(p, rings[0]) || onRingEdge(p, rings[0]))) return false;
  return !rings.slice(1).some((hole) => inRing(p, hole) && !onRingEdge(p, hole));
}

export type PointTest = (p: Point) => boolean;

/** The point test of a GeoJSON query geometry (Polygon, MultiPolygon or Point). */
export function geometryTest(geo: Geometry): PointTest | undefined {
  if (geo.type === 'Polygon') {
    const rings = ringsOf(geo.coordinates);
    return (p) => inPolygon(p, rings);
  }
  if (geo.type === 'MultiPolygon' && Array.isArray(geo.coordinates)) {
    const polygons = geo.coordinates.map(ringsOf);
    return (p) => polygons.some((rings) => inPolygon(p, rings));
  }
  if (geo.type === 'Point') {
    const q = pointOf(geo);
    return q ? (p) => p[0] === q[0] && p[1] === q[1] : undefined;
  }
  return undefined;
}

/** Legacy shapes of $geoWithin: $box, $polygon, $center (planar) and $centerSphere (radians). */
export function legacyShapeTest(op: string, arg: unknown): PointTest | undefined {
  if (!Array.isArray(arg)) return undefined;
  if (op === '$box') {
    const a = pointOf(arg[0]);
    const b = pointOf(arg[1]);
    if (!a || !b) return undefined;
    const [x1, x2] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
    const [y1, y2] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
    return (p) => p[0] >= x1 && p[0] <= x2 && p[1] >= y1 && p[1] <= y2;
  }
  if (op === '$polygon') {
    const ring = arg.map((v) => pointOf(v)).filter((v): v is Point => v !== undefined);
    return ring.length >= 3 ? (p) => inRing(p, ring) || onRingEdge(p, ring) : undefined;
  }
  const center = pointOf(arg[0]);
  const radius = Number(arg[1]);
  if (!center || !Number.isFinite(radius) || radius < 0) return undefined;
  if (op === '$center') return (p) => planarDistance(p, center) <= radius;
  if (op === '$centerSphere') return (p) => sphericalAngle(p, center) <= radius;
  return undefined;
}

/** Applies a point test to a stored value: a point, or every/any position of a geometry. */
export function storedValueTest(value: unknown, test: PointTest, mode: 'within' | 'intersects'): boolean {
  const p = pointOf(value);
  if (p) return test(p);
  const geo = geoJsonOf(value);
  if (!geo) return false;
  const positions = positionsOf(geo);
  if (positions.length === 0) return false;
  return mode === 'within' ? positions.every(test) : positions.some(test);
}
