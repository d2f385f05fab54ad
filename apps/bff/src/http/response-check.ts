import type { RouteContract } from '@fugong/contracts';
import type { ZodError } from 'zod';

/** A stored record a list left out because its view does not satisfy the response schema. */
export interface SkippedRecord {
  id: string | null;
  issues: { path: string; message: string }[];
}

/**
 * An answer that fails its own response schema: the server's fault (a record stored that the
 * system cannot read back, or a view bug), never the caller's. Leaves as a 500 INTERNAL and
 * is logged with the route and the record's id so the record can be found and repaired.
 */
export class ResponseContractError extends Error {
  constructor(
    readonly routeId: string,
    readonly recordId: string | null,
    readonly issues: { path: string; message: string }[],
  ) {
    super(`Answer of ${routeId} does not match its response schema (record ${recordId ?? 'unknown'})`);
    this.name = 'ResponseContractError';
  }
}

const issuesOf = (err: ZodError) =>
  err.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

const idOf = (value: unknown): string | null => {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
};

/**
 * Parses a handler's answer through the route's response schema (so unlisted fields never
 * leave). A list (`items`) whose only bad entries are some of its items answers without them
 * and counts them in `skipped` (when the schema has it): one unreadable record must not make
 * a whole list unreadable for everyone. Anything else that fails is a ResponseContractError.
 */
export function checkResponse(
  contract: RouteContract,
  out: unknown,
): { body: unknown; skipped: SkippedRecord[] } {
  const first = contract.response.safeParse(out);
  if (first.success) return { body: first.data, skipped: [] };
  const items = (out as { items?: unknown } | null)?.items;
  const bad = new Map<number, SkippedRecord>();
  const onlyItems =
    Array.isArray(items) &&
    first.error.issues.every((i) => i.path[0] === 'items' && typeof i.path[1] === 'number');
  if (onlyItems) {
    for (const issue of issuesOf(first.error)) {
      const index = Number(issue.path.split('.')[1]);
      const entry = bad.get(index) ?? { id: idOf(items[index]), issues: [] };
      entry.issues.push(issue);
      bad.set(index, entry);
    }
    const kept = items.filter((_, i) => !bad.has(i));
    const prior = (out as { skipped?: number }).skipped ?? 0;
    const again = contract.response.safeParse({ ...(out as object), items: kept, skipped: prior + bad.size });
    if (again.success) return { body: again.data, skipped: [...bad.values()] };
  }
  throw new ResponseContractError(contract.id, idOf(out), issuesOf(first.error));
}
