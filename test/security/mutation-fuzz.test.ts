import fc from 'fast-check';
import { startTestApp, type TestApp } from '../../apps/bff/src/test-support';
import { buildWorld, type World } from './support/scope-world';
import { changedCollections, settledSnapshot } from './support/db-snapshot';
import { SCOPE_FIXTURES, type ScopedRequest } from './scope-fixtures';
import { leaf } from './support/hostile';
import { problemWith, prototypePolluted } from './support/verdict';

/** Mutations per valid request (MUTATION_RUNS). */
const RUNS = Number(process.env.MUTATION_RUNS ?? 8);
const SEED = Number(process.env.FUZZ_SEED ?? 20200210);

let t: TestApp;
let w: World;
let cases = 0;
beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
}, 120_000);
afterAll(async () => {
  // eslint-disable-next-line no-console -- the figure docs/security.md quotes
  console.log(`mutation fuzz: ${cases} near-valid requests (MUTATION_RUNS=${RUNS}, FUZZ_SEED=${SEED})`);
  await t.close();
});

/** Every path to a value inside a JSON document (`['checklist', 0, 'status']`…). */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => paths(v, [...prefix, i]))];
  if (value && typeof value === 'object')
    return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  return [prefix];
}

/** A deep copy of `body` with the value at `path` replaced (or, for the root, the whole body). */
function replaceAt(body: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy;
  for (const p of path.slice(0, -1)) node = node[p] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

/** The valid writes are mutated in this many tests, so that each stays well inside its timeout. */
const SLICES = 4;
let seeds: [string, ScopedRequest][] = [];
/**
 * The database as the last request left it. A rejected request must leave it unchanged, so the
 * snapshot after one request is the snapshot before the next: one snapshot per request, not two.
 */
let baseline: Record<string, string> | undefined;

beforeAll(async () => {
  for (const [id, fixture] of Object.entries(SCOPE_FIXTURES)) {
    if (typeof fixture !== 'function') continue;
    const { inScope } = await fixture(w);
    if (inScope.body && typeof inScope.body === 'object') seeds.push([id, inScope]);
  }
  seeds = seeds.sort(([a], [b]) => a.localeCompare(b));
}, 60_000);

async function mutate(i: number, id: string, seed: ScopedRequest, problems: string[]): Promise<void> {
  const where = paths(seed.body);
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 0, max: where.length - 1 }), leaf, async (at, value) => {
      cases += 1;
      const body = replaceAt(seed.body, where[at], value);
      const before = (baseline ??= await settledSnapshot(t));
      const res = await t.http[seed.method](seed.url)
        .set(seed.who.auth)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(body));
      const label = `${id} ${where[at].join('.') || '(body)'}=${JSON.stringify(value)?.slice(0, 40)}`;
      const bad = problemWith(res);
      if (bad) problems.push(`${label}: ${bad}`);
      if (prototypePolluted()) problems.push(`${label}: Object.prototype polluted`);
      baseline = await settledSnapshot(t);
      if (res.status >= 400) {
        const changed = changedCollections(before, baseline);
        if (changed.length)
          problems.push(`${label}: rejected with ${res.status} but changed ${changed.join(', ')}`);
      }
    }),
    { numRuns: RUNS, seed: SEED + i },
  );
}

describe('near-valid input: one field of a valid request made hostile', () => {
  it('the harness has valid writes of every kind to mutate', () => {
    expect(seeds.length).toBeGreaterThan(10);
  });

  it.each(Array.from({ length: SLICES }, (_, k) => k))(
    'slice %i: when each field of each valid write is replaced by something hostile, then no answer is a 5xx or leaks, and rejected ones write nothing',
    async (slice) => {
      const problems: string[] = [];
      const mine = seeds.map((s, i) => [i, s] as const).filter(([i]) => i % SLICES === slice);
      expect(mine.length).toBeGreaterThan(0);
      for (const [i, [id, seed]] of mine) await mutate(i, id, seed, problems);
      expect(problems).toEqual([]);
    },
    240_000,
  );
});
