/**
 * Reading stored and queried locations (GeoJSON or legacy coordinate pairs) and measuring
 * distances: on the sphere with MongoDB's radius, or in the plane for 2d-index queries.
 */
import { type Doc, isDocument, toNumber } from '../bson/values';

/** The Earth radius MongoDB uses for GeoJSON distances, in metres. */
export const EARTH_RADIUS_M = 6378100;
const RAD = Math.PI / 180;

export type Point = [number, number];

export interface Geometry {
  type: string;
  coordinates: unknown;
}

function pairOf(value: unknown): Point | undefined {
  if (Array.isArray(value)) {
    if (value.length < 2) return undefined;
    const x = toNumber(value[0]);
    const y = toNumber(value[1]);
    return x !== undefined && y !== undefined && Number.isFinite(x) && Number.isFinite(y)
      ? [x, y]
      : undefined;
  }
  // A legacy pair may be an embedded document: its first two values, in field order.
  if (isDocument(value) && !('type' in value)) {
    const values = Object.values(value);
    return values.length >= 2 ? pairOf(values) : undefined;
  }
  return undefined;
}

/** A GeoJSON geometry, or undefined when the value is not one. */
export function geoJsonOf(value: unknown): Geometry | undefined {
  if (!isDocument(value) || typeof value.type !== 'string' || !Array.isArray(value.coordinates))
    return undefined;
  return value as unknown as Geometry;
}

/** The [x, y] of a GeoJSON Point or a legacy pair ([lng, lat] / {lng, lat}). */
export function pointOf(value: unknown): Point | undefined {
  const geo = geoJsonOf(value);
  if (geo) return geo.type === 'Point' ? pairOf(geo.coordinates) : undefined;
  return pairOf(value);
}

/** True when the point is a valid longitude/latitude (GeoJSON and 2dsphere bounds). */
export function isLngLat(p: Point): boolean {
  return p[0] >= -180 && p[0] <= 180 && p[1] >= -90 && p[1] <= 90;
}

/** The central angle between two lng/lat points, in radians (atan2 form: exact for tiny angles). */
export function sphericalAngle(a: Point, b: Point): number {
  const la1 = a[1] * RAD;
  const la2 = b[1] * RAD;
  const dlo = (b[0] - a[0]) * RAD;
  const x1 = Math.cos(la1);
  const x2 = Math.cos(la2);
  const cx = x1 * Math.sin(la2) - Math.sin(la1) * x2 * Math.cos(dlo);
  const cy = x2 * Math.sin(dlo);
  const cross = Math.hypot(cx, cy);
  const dot = Math.sin(la1) * Math.sin(la2) + x1 * x2 * Math.cos(dlo);
  return Math.atan2(cross, dot);
}

/** Distance on the sphere in metres. */
export function sphericalMetres(a: Point, b: Point): number {
  return sphericalAngle(a, b) * EARTH_RADIUS_M;
}

/** Euclidean distance in coordinate units (2d indexes). */
export function planarDistance(a: Point, b: Point): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

/** Every [x, y] position of a GeoJSON geometry (for bounding and vertex checks). */
export function positionsOf(geo: Geometry): Point[] {
  const out: Point[] = [];
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    const p = pairOf(c);
    if (p && typeof c[0] !== 'object') out.push(p);
    else for (const inner of c) visit(inner);
  };
  visit(geo.coordinates);
  return out;
}

export type { Doc };
