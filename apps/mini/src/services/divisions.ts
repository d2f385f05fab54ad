/**
 * The national division tree (GB/T 2260) for the region cascader, one level per call, kept for
 * the session: the same province's cities are never fetched twice on a weak network.
 */
import { divisionRoutes, type DivisionList } from '@fugong/contracts';
import { callRoute } from './call-route';

const cache = new Map<string, Promise<DivisionList>>();

/** The children of `parent` (the provinces when absent), with the parent's path of names. */
export function divisionsUnder(parent?: string): Promise<DivisionList> {
  const key = parent ?? '';
  let hit = cache.get(key);
  if (!hit) {
    hit = callRoute(divisionRoutes.list, { query: parent ? { parent } : {} }, { silent: true });
    // A failed call is not remembered: the next tap asks again.
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
  }
  return hit;
}

/** "贵州省 毕节市 七星关区" for a stored code, or null when it cannot be read now. */
export async function regionPathOf(code: string): Promise<string[] | null> {
  try {
    return (await divisionsUnder(code)).parent?.path ?? null;
  } catch {
    return null;
  }
}
