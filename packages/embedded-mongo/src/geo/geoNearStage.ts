/**
 * The $geoNear aggregation stage (first stage only, as in MongoDB): documents of the collection
 * in increasing distance from `near`, within minDistance/maxDistance, filtered by `query`, with
 * the distance (times distanceMultiplier) in distanceField and the location used in includeLocs.
 */
import { setOwnField } from '../bson/ownField';
import { type Doc, isDocument, toNumber } from '../bson/values';
import { fail } from '../errors';
import { compileFilter } from '../query/matcher';
import { type Collection } from '../storage/collection';
import { type CollectionIndex } from '../storage/collectionIndex';
import { setAt } from '../update/pathWrite';
import { splitPath } from '../query/paths';
import { geoJsonOf, isLngLat, type Point, pointOf } from './geometry';
import { type Metric } from './nearSpec';

export interface GeoNearInput {
  coll: Collection | undefined;
  /** Reads a record as the command sees it (a transaction's snapshot included). */
  read: (id: string) => Doc | undefined;
  variables?: Doc;
  /** A $limit right after the stage: the search stops there instead of ranking every document. */
  limit?: number;
}

function chooseIndex(coll: Collection, key: unknown, kinds: Array<'2d' | '2dsphere'>): CollectionIndex {
  const geo = [...coll.indexes.values()].filter((i) => i.geo !== undefined);
  if (typeof key === 'string') {
    const match = geo.find((i) => i.geoField!.path === key && kinds.includes(i.geo!.kind));
    if (!match)
      fail('IndexNotFound', `$geoNear requires a 2d or 2dsphere index on '${key}', but none was found`);
    return match;
  }
  const usable = geo.filter((i) => kinds.includes(i.geo!.kind));
  if (usable.length === 0)
    fail('IndexNotFound', '$geoNear requires a 2d or 2dsphere index, but none were found');
  if (usable.length > 1)
    fail('IndexNotFound', `There is more than one geo index on ${coll.ns}; unsure which to use for $geoNear`);
  return usable[0];
}

function distanceOption(spec: Doc, name: string): number | undefined {
  if (spec[name] === undefined) return undefined;
  const n = toNumber(spec[name]);
  if (n === undefined || !(n >= 0)) fail('BadValue', `${name} must be a non-negative number`);
  return n;
}

/** Runs the stage; returns output documents as plain copies for the rest of the pipeline. */
export function geoNearDocuments(spec: unknown, input: GeoNearInput, copy: (doc: Doc) => Doc): Doc[] {
  if (!isDocument(spec)) return fail('FailedToParse', '$geoNear argument must be an object');
  if (typeof spec.distanceField !== 'string' || spec.distanceField === '')
    fail('FailedToParse', '$geoNear requires a distanceField option as a String');
  const geojson = geoJsonOf(spec.near) !== undefined;
  const point = pointOf(spec.near);
  if (!point)
    return fail('BadValue', '$geoNear requires near to be a GeoJSON point or a legacy coordinate pair');
  if (geojson && !isLngLat(point)) fail('BadValue', 'longitude/latitude is out of bounds');
  const spherical = spec.spherical === true || geojson;
  const kinds: Array<'2d' | '2dsphere'> = geojson
    ? ['2dsphere']
    : spherical
      ? ['2dsphere', '2d']
      : ['2d', '2dsphere'];
  if (!input.coll) return [];
  const index = chooseIndex(input.coll, spec.key, kinds);
  const metric: Metric = geojson
    ? 'metres'
    : spherical || index.geo!.kind === '2dsphere'
      ? 'radians'
      : 'planar';
  const min = distanceOption(spec, 'minDistance') ?? 0;
  const max = distanceOption(spec, 'maxDistance') ?? Infinity;
  const multiplier = toNumber(spec.distanceMultiplier) ?? 1;
  const matcher = compileFilter(isDocument(spec.query) ? spec.query : undefined, {
    variables: input.variables,
  });
  const distanceParts = splitPath(spec.distanceField);
  const locParts = typeof spec.includeLocs === 'string' ? splitPath(spec.includeLocs) : undefined;
  const out: Doc[] = [];
  for (const hit of index.geo!.near(point, metric, min, max)) {
    const doc = input.read(hit.id);
    if (!doc || !matcher(doc)) continue;
    const result = copy(doc);
    setAt(result, distanceParts, hit.distance * multiplier);
    if (locParts) setAt(result, locParts, locationValue(index.geoValue(doc), hit.point));
    out.push(result);
    if (input.limit !== undefined && out.length >= input.limit) break;
  }
  return out;
}

/** The stored location used for the distance: the GeoJSON point itself, or the legacy pair. */
function locationValue(stored: unknown, point: Point): unknown {
  const single = Array.isArray(stored) && stored.every((v) => pointOf(v) !== undefined) ? undefined : stored;
  if (single !== undefined && pointOf(single)) return copyLoc(single);
  const geo = geoJsonOf(stored);
  return geo ? { type: 'Point', coordinates: [...point] } : [...point];
}

function copyLoc(value: unknown): unknown {
  if (Array.isArray(value)) return [...value];
  const out: Doc = {};
  for (const [k, v] of Object.entries(value as Doc)) setOwnField(out, k, Array.isArray(v) ? [...v] : v);
  return out;
}
