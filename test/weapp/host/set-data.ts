/**
 * `setData` as the base library applies it: each key is a path into the page's data
 * (`root.cn.[0].cn.[2].v`, `root.cn[0]`, `list[3].name`), created as needed; the value replaces
 * what is there.
 */

/** Splits a setData key into object keys and array indexes. */
export function parsePath(key: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const segment of key.split('.')) {
    const re = /([^[\]]+)|\[(\d+)\]/g;
    let m: RegExpExecArray | null;
    let any = false;
    while ((m = re.exec(segment))) {
      any = true;
      parts.push(m[2] !== undefined ? Number(m[2]) : m[1]);
    }
    if (!any) throw new TypeError(`setData: empty segment in "${key}"`);
  }
  return parts;
}

/** Applies one setData call to `data` in place. */
export function applySetData(data: Record<string, unknown>, update: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(update)) {
    const parts = parsePath(key);
    let target = data as Record<string | number, unknown>;
    for (let i = 0; i < parts.length - 1; i += 1) {
      const part = parts[i];
      let next = target[part];
      if (next === null || typeof next !== 'object') {
        next = typeof parts[i + 1] === 'number' ? [] : {};
        target[part] = next;
      }
      target = next as Record<string | number, unknown>;
    }
    target[parts[parts.length - 1]] = cloneData(value);
  }
}

/** setData copies values (the view layer gets JSON); functions and undefined are dropped. */
export function cloneData<T>(value: T): T {
  if (value === undefined) return value;
  return JSON.parse(JSON.stringify(value)) as T;
}
