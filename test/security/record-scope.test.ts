import { startTestApp, type TestApp } from '../../apps/bff/src/test-support';
import { operations, type JsonSchema, type Operation } from './support/routes';
import { buildWorld, type World } from './support/scope-world';
import { changedCollections, settledSnapshot } from './support/db-snapshot';
import { SCOPE_FIXTURES, type ScopedRequest } from './scope-fixtures';
import { schemaKeys } from './support/hostile';

let t: TestApp;
let ops: Operation[];
let w: World;
beforeAll(async () => {
  t = await startTestApp();
  ops = await operations(t);
  w = await buildWorld(t);
}, 120_000);
afterAll(() => t.close());

const ID_NAME = /^id$|Id$|Ids$/;
const queryKeys = (op: Operation) => op.queryParams.map((q) => q.name);
/** True when the route's input can name a record: a path parameter, or an id-like body/query field. */
function namesARecord(op: Operation): boolean {
  return (
    op.pathParams.length > 0 ||
    [...schemaKeys(op.body as JsonSchema | null), ...queryKeys(op)].some((k) => ID_NAME.test(k))
  );
}

function send(r: ScopedRequest) {
  let req = t.http[r.method](r.url).set(r.who.auth);
  for (const [field, data] of Object.entries(r.files ?? {}))
    req = req.attach(field, data, r.filename ?? `${field}.jpg`);
  return r.body === undefined ? req : req.send(r.body as object);
}

/** The fixtures run in this many slices, each with its own time limit. */
const SLICES = 4;
const SLICE_NUMBERS = Array.from({ length: SLICES }, (_, k) => k);
/**
 * One contiguous run of the fixtures: the slices together run them in the file's order, as one
 * pass did (a later fixture may use what an earlier one left, e.g. a booking it cancelled).
 */
function sliceOf<T>(all: T[], slice: number): T[] {
  const size = Math.ceil(all.length / SLICES);
  return all.slice(slice * size, (slice + 1) * size);
}

describe('record scope (another enterprise, another steward’s firm, another department, another worker)', () => {
  it('when a scoped route can name a record, then it has a scope fixture (feature teams add theirs to scope-fixtures.ts)', () => {
    const missing = ops
      .filter((op) => op.scope !== 'none' && op.scope !== 'all' && namesARecord(op) && !SCOPE_FIXTURES[op.id])
      .map((op) => op.id);
    expect(missing).toEqual([]);
    const stale = Object.keys(SCOPE_FIXTURES).filter((id) => !ops.some((op) => op.id === id));
    expect(stale).toEqual([]);
  });

  // Two whole-database snapshots per refused request: on a busy 2-core host one pass over every
  // fixture ran past a single limit, so the fixtures run in slices, each with its own.
  it.each(SLICE_NUMBERS)(
    'slice %i: when each fixture runs, then out-of-scope requests are refused and write nothing, and the in-scope request succeeds',
    async (slice) => {
      const wrong: string[] = [];
      let checked = 0;
      const mine = sliceOf(Object.entries(SCOPE_FIXTURES), slice);
      expect(mine.length).toBeGreaterThan(0);
      for (const [id, fixture] of mine) {
        if (typeof fixture !== 'function') continue;
        const { inScope, outOfScope } = await fixture(w);
        for (const r of outOfScope) {
          checked += 1;
          const before = await settledSnapshot(t);
          const res = await send(r);
          const refused = res.status === 403 || res.status === 404 || (r.refused?.(res) ?? false);
          if (!refused)
            wrong.push(
              `${id}: out of scope ${r.method.toUpperCase()} ${r.url} answered ${res.status} ${res.text.slice(0, 120)}`,
            );
          const changed = changedCollections(before, await settledSnapshot(t));
          // An audited read may append to the audit log; nothing else may change.
          const writes = changed.filter((c) => c !== 'audit_log' && c !== 'audit_logs');
          if (res.status >= 400 && writes.length)
            wrong.push(`${id}: refused request changed ${writes.join(', ')}`);
        }
        checked += 1;
        const res = await send(inScope);
        if (res.status >= 300)
          wrong.push(
            `${id}: in scope ${inScope.method.toUpperCase()} ${inScope.url} answered ${res.status} ${res.text.slice(0, 160)}`,
          );
      }
      // eslint-disable-next-line no-console -- the figure docs/security.md quotes
      console.log(
        `record scope, slice ${slice}: ${checked} in/out-of-scope requests over ${mine.length} of ${Object.keys(SCOPE_FIXTURES).length} fixtures`,
      );
      expect(checked).toBeGreaterThan(0);
      expect(wrong).toEqual([]);
    },
    240_000,
  );
});
