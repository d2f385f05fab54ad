/**
 * The geo query operators as value predicates: $geoWithin ($within), $geoIntersects, and the
 * distance bounds of $near/$nearSphere (their ordering is the planner's job: see nearPlan).
 */
import { type Doc, isDocument } from '../bson/values';
import { fail } from '../errors';
import { geoJsonOf, pointOf } from './geometry';
import { distanceIn, parseNear } from './nearSpec';
import { geometryTest, legacyShapeTest, type PointTest, storedValueTest } from './shapes';

type Predicate = (value: unknown) => boolean;

function withinPredicate(arg: unknown): Predicate {
  if (!isDocument(arg)) fail('BadValue', '$geoWithin needs an object');
  const [shape] = Object.keys(arg);
  let test: PointTest | undefined;
  if (shape === '$geometry') {
    const geo = geoJsonOf(arg.$geometry);
    if (!geo || (geo.type !== 'Polygon' && geo.type !== 'MultiPolygon'))
      fail('BadValue', '$geoWithin $geometry must be a GeoJSON Polygon or MultiPolygon');
    test = geometryTest(geo);
  } else test = legacyShapeTest(shape, arg[shape]);
  if (!test) return fail('BadValue', `unknown geo specifier: ${shape}: ${JSON.stringify(arg[shape])}`);
  const t = test;
  return (v) => storedValueTest(v, t, 'within');
}

function intersectsPredicate(arg: unknown): Predicate {
  const geo = isDocument(arg) ? geoJsonOf(arg.$geometry) : undefined;
  if (!geo) return fail('BadValue', '$geoIntersects needs a $geometry');
  const test = geometryTest(geo);
  if (!test) fail('BadValue', `$geoIntersects does not support ${geo.type} geometries in embedded-mongo`);
  const queryPoint = geo.type === 'Point' ? pointOf(geo) : undefined;
  return (v) => {
    if (storedValueTest(v, test, 'intersects')) return true;
    // A query point intersects a stored polygon that contains it.
    const stored = geoJsonOf(v);
    const storedTest = queryPoint && stored ? geometryTest(stored) : undefined;
    return storedTest !== undefined && stored!.type !== 'Point' && storedTest(queryPoint!);
  };
}

/** Compiles one geo operator of a field's operator object `spec`. */
export function compileGeoOperator(op: string, spec: Doc): Predicate {
  if (op === '$geoWithin' || op === '$within') return withinPredicate(spec[op]);
  if (op === '$geoIntersects') return intersectsPredicate(spec[op]);
  const near = parseNear(op as '$near' | '$nearSphere', spec);
  return (v) => {
    const p = pointOf(v);
    if (!p) return false;
    const d = distanceIn(near.metric, near.point, p);
    return d >= near.min && d <= near.max;
  };
}

/** Operators handled here; $maxDistance/$minDistance are arguments of $near. */
export const GEO_OPERATORS = new Set(['$geoWithin', '$within', '$geoIntersects', '$near', '$nearSphere']);
