/**
 * Planning `$near` / `$nearSphere`: they order the results by distance, so they need a geo
 * index on their path (MongoDB answers 291 without one) and the plan is that index's near
 * search. The full filter is still applied to every candidate, as for any plan.
 */
import { type Doc, isDocument } from '../bson/values';
import { fail } from '../errors';
import { type Collection } from '../storage/collection';
import { type CollectionIndex } from '../storage/collectionIndex';
import { type NearHit } from './geoGrid';
import { type NearSpec, parseNear } from './nearSpec';

export interface NearClause {
  path: string;
  op: '$near' | '$nearSphere';
  spec: Doc;
}

/** The filter's $near/$nearSphere clause (top level or inside $and), if any. */
export function findNearClause(filter: Doc | undefined): NearClause | undefined {
  if (!filter) return undefined;
  for (const key of Object.keys(filter)) {
    const cond = filter[key];
    if (key === '$and' && Array.isArray(cond)) {
      for (const clause of cond) {
        const found = isDocument(clause) ? findNearClause(clause) : undefined;
        if (found) return found;
      }
    } else if (isDocument(cond) && ('$near' in cond || '$nearSphere' in cond)) {
      return { path: key, op: '$near' in cond ? '$near' : '$nearSphere', spec: cond };
    }
  }
  return undefined;
}

/** The geo index able to answer a near search on `path`, or the 291 error MongoDB gives. */
export function geoIndexFor(coll: Collection, path: string | undefined, near: NearSpec): CollectionIndex {
  for (const index of coll.indexes.values()) {
    if (!index.geo || (path !== undefined && index.geoField!.path !== path)) continue;
    if (near.indexKinds.includes(index.geo.kind)) return index;
  }
  return fail(
    'NoQueryExecutionPlans',
    `error processing query: ns=${coll.ns} planner returned error :: caused by :: unable to find index for $geoNear query`,
  );
}

function* idsOf(hits: Iterable<NearHit>): Generator<string> {
  for (const hit of hits) yield hit.id;
}

/** A distance-ordered plan for a filter with $near, or undefined when it has none. */
export function planNear(
  coll: Collection,
  filter: Doc | undefined,
): { ids: Iterable<string>; sorted: boolean; indexName: string } | undefined {
  const clause = findNearClause(filter);
  if (!clause) return undefined;
  const near = parseNear(clause.op, clause.spec);
  const index = geoIndexFor(coll, clause.path, near);
  return {
    ids: idsOf(index.geo!.near(near.point, near.metric, near.min, near.max)),
    sorted: true,
    indexName: index.name,
  };
}
