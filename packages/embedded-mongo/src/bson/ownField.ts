/**
 * Reading and writing document fields by a name that came from a client. Documents are plain
 * objects, so the name `__proto__` would otherwise reach Object.prototype: reading it yields the
 * prototype (and a path walk could then write into it, polluting every object in the process),
 * assigning it replaces the document's prototype instead of storing a field. MongoDB stores
 * `__proto__` like any other field name, so it is kept as an own data property here.
 */
type Doc = Record<string, unknown>;

const hasOwn = Object.prototype.hasOwnProperty;

/** The value of the document's own field `key` (undefined when it has no such own field). */
export function ownField(doc: Doc, key: string): unknown {
  if (key === '__proto__') return hasOwn.call(doc, key) ? doc[key] : undefined;
  return doc[key];
}

/** Stores `value` as the document's own field `key`, `__proto__` included. */
export function setOwnField(doc: Doc, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(doc, key, { value, writable: true, enumerable: true, configurable: true });
  else doc[key] = value;
}
