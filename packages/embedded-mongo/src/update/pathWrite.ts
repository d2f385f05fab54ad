/**
 * Writing into documents along dotted paths, and expanding the positional path steps
 * `$`, `$[]` and `$[identifier]` into concrete paths. Callers work on a private deep copy.
 */
import { ownField, setOwnField } from '../bson/ownField';
import { type Doc, isDocument } from '../bson/values';
import { fail } from '../errors';
import { isArrayIndexStep } from '../query/paths';

/** How positional steps resolve for one document. */
export interface PositionalContext {
  /** Array index matched by the query, for `$`. */
  matchedIndex?: number;
  /** Array filters by identifier, for `$[identifier]`. */
  arrayFilters: Map<string, (element: unknown) => boolean>;
  /** Identifiers used so far, to report unused array filters. */
  usedFilters: Set<string>;
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Expands positional steps against the document into concrete dotted paths. */
export function expandPositional(doc: Doc, parts: string[], ctx: PositionalContext): string[][] {
  if (!parts.some((p) => p.startsWith('$'))) return [parts];
  const out: string[][] = [];
  const walk = (node: unknown, i: number, prefix: string[]): void => {
    if (i === parts.length) {
      out.push(prefix);
      return;
    }
    const step = parts[i];
    if (step === '$') {
      if (ctx.matchedIndex === undefined)
        fail('BadValue', 'The positional operator did not find the match needed from the query.');
      const idx = ctx.matchedIndex;
      walk(Array.isArray(node) ? node[idx] : undefined, i + 1, [...prefix, String(idx)]);
      return;
    }
    if (step.startsWith('$[')) {
      const path = prefix.join('.');
      if (!Array.isArray(node))
        fail('BadValue', `The path '${path}' must exist in the document in order to apply array updates.`);
      let test: ((el: unknown) => boolean) | undefined;
      if (step !== '$[]') {
        const ident = step.slice(2, -1);
        test = ctx.arrayFilters.get(ident);
        if (!test)
          fail('BadValue', `No array filter found for identifier '${ident}' in path '${parts.join('.')}'`);
        ctx.usedFilters.add(ident);
      }
      node.forEach((el, k) => {
        if (!test || test(el)) walk(el, i + 1, [...prefix, String(k)]);
      });
      return;
    }
    let child: unknown;
    if (Array.isArray(node) && isArrayIndexStep(step)) child = node[Number(step)];
    else if (isDocument(node)) child = ownField(node, step);
    walk(child, i + 1, [...prefix, step]);
  };
  walk(doc, 0, []);
  return out;
}

/** Reads the value at a concrete path (no array traversal). */
export function getAt(doc: Doc, parts: string[]): unknown {
  let node: unknown = doc;
  for (const p of parts) {
    if (Array.isArray(node) && isArrayIndexStep(p)) node = node[Number(p)];
    else if (isDocument(node)) node = ownField(node, p);
    else return undefined;
  }
  return node;
}

/** Sets a value at a concrete path, creating documents on the way (PathNotViable on scalars). */
export function setAt(doc: Doc, parts: string[], value: unknown): void {
  let node: unknown = doc;
  for (let i = 0; i < parts.length; i++) {
    const step = parts[i];
    const last = i === parts.length - 1;
    if (Array.isArray(node)) {
      if (!isArrayIndexStep(step)) {
        fail(
          'PathNotViable',
          `Cannot create field '${step}' in element {${parts[i - 1]}: ${describe(node)}}`,
        );
      }
      const idx = Number(step);
      while (node.length < idx) node.push(null);
      if (last) {
        node[idx] = value;
        return;
      }
      if (node[idx] === undefined || node[idx] === null) {
        if (node[idx] === null)
          fail('PathNotViable', `Cannot create field '${parts[i + 1]}' in element {${step}: null}`);
        node[idx] = {};
      }
      node = node[idx];
    } else if (isDocument(node)) {
      if (last) {
        setOwnField(node, step, value);
        return;
      }
      // Own fields only: walking into an inherited `__proto__` would write into Object.prototype.
      const child = ownField(node, step);
      if (child === undefined) setOwnField(node, step, {});
      else if (!isDocument(child) && !Array.isArray(child)) {
        fail(
          'PathNotViable',
          `Cannot create field '${parts[i + 1]}' in element {${step}: ${describe(child)}}`,
        );
      }
      node = ownField(node, step);
    } else {
      fail('PathNotViable', `Cannot create field '${step}' in element ${describe(node)}`);
    }
  }
}

/** Removes the value at a path; array elements become null as in MongoDB. */
export function unsetAt(doc: Doc, parts: string[]): void {
  const parent = getAt(doc, parts.slice(0, -1));
  const last = parts[parts.length - 1];
  if (Array.isArray(parent) && isArrayIndexStep(last)) {
    const idx = Number(last);
    if (idx < parent.length) parent[idx] = null;
  } else if (isDocument(parent)) {
    delete parent[last];
  }
}
