/**
 * Parsing `$near` / `$nearSphere` conditions. The unit of distances follows MongoDB: metres for
 * a GeoJSON point, radians for a legacy pair under $nearSphere, coordinate units for a legacy
 * pair under $near (a 2d-index query).
 */
import { type Doc, isDocument, toNumber } from '../bson/values';
import { fail } from '../errors';
import {
  geoJsonOf,
  isLngLat,
  planarDistance,
  type Point,
  pointOf,
  sphericalAngle,
  sphericalMetres,
} from './geometry';

export type Metric = 'metres' | 'radians' | 'planar';

export interface NearSpec {
  point: Point;
  metric: Metric;
  min: number;
  max: number;
  /** Index kind that can answer it: GeoJSON needs 2dsphere, legacy $near needs 2d. */
  indexKinds: Array<'2d' | '2dsphere'>;
}

function distanceArg(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = toNumber(value);
  if (n === undefined || !(n >= 0)) fail('BadValue', `${name} must be a non-negative number`);
  return n;
}

/** Parses the operator object holding $near/$nearSphere (with legacy $maxDistance siblings). */
export function parseNear(op: '$near' | '$nearSphere', spec: Doc): NearSpec {
  const arg = spec[op];
  const geometry = isDocument(arg) && '$geometry' in arg ? arg.$geometry : geoJsonOf(arg) ? arg : undefined;
  if (geometry !== undefined) {
    const point = pointOf(geometry);
    if (!point || geoJsonOf(geometry)?.type !== 'Point')
      fail('BadValue', `invalid point in geo near query $geometry argument: ${JSON.stringify(geometry)}`);
    if (!isLngLat(point)) fail('BadValue', 'longitude/latitude is out of bounds');
    const inner = isDocument(arg) ? arg : {};
    return {
      point,
      metric: 'metres',
      min: distanceArg(inner.$minDistance ?? spec.$minDistance, '$minDistance') ?? 0,
      max: distanceArg(inner.$maxDistance ?? spec.$maxDistance, '$maxDistance') ?? Infinity,
      indexKinds: ['2dsphere'],
    };
  }
  const point = pointOf(arg);
  if (!point) fail('BadValue', `geo near accepts just one argument when querying for a GeoJSON point`);
  return {
    point,
    metric: op === '$nearSphere' ? 'radians' : 'planar',
    min: distanceArg(spec.$minDistance, '$minDistance') ?? 0,
    max: distanceArg(spec.$maxDistance, '$maxDistance') ?? Infinity,
    indexKinds: op === '$nearSphere' ? ['2dsphere', '2d'] : ['2d'],
  };
}

/** The distance between two points in the spec's unit. */
export function distanceIn(metric: Metric, a: Point, b: Point): number {
  if (metric === 'metres') return sphericalMetres(a, b);
  if (metric === 'radians') return sphericalAngle(a, b);
  return planarDistance(a, b);
}
