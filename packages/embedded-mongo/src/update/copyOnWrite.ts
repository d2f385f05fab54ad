/**
 * Copy-on-write for update operators. A stored document is never changed in place, so an
 * update builds the new version from a shallow copy and copies only the containers (documents
 * and arrays) on the paths it writes; everything else stays shared with the old version.
 */
import { ownField, setOwnField } from '../bson/ownField';
import { type Doc, isDocument } from '../bson/values';
import { isArrayIndexStep } from '../query/paths';

function copyOf(container: Doc | unknown[]): Doc | unknown[] {
  return Array.isArray(container) ? container.slice() : { ...container };
}

/**
 * Makes the containers reached by the first `steps` steps of `parts` private to `doc` (which
 * must itself be owned): each one still shared with the old version is replaced by a shallow
 * copy. Stops where the path leaves existing containers; setAt creates fresh ones from there.
 */
export function ownPath(doc: Doc, parts: readonly string[], steps: number, owned: WeakSet<object>): void {
  let node: Doc | unknown[] = doc;
  for (let i = 0; i < steps; i++) {
    const step = parts[i];
    let child: unknown;
    const inArray = Array.isArray(node);
    if (inArray) {
      if (!isArrayIndexStep(step)) return;
      child = (node as unknown[])[Number(step)];
    } else child = ownField(node as Doc, step);
    if (!Array.isArray(child) && !isDocument(child)) return;
    if (!owned.has(child)) {
      child = copyOf(child);
      owned.add(child as object);
      if (inArray) (node as unknown[])[Number(step)] = child;
      else setOwnField(node as Doc, step, child);
    }
    node = child as Doc | unknown[];
  }
}
