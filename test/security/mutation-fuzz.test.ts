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

describe('near-valid input: one field of a valid request made hostile', () => {
  it('when each field of each valid write is replaced by something hostile, then no answer is a 5xx or leaks, and rejected ones write nothing', async () => {
    const problems: string[] = [];
    const seeds: [string, ScopedRequest][] = [];
    for (const [id, fixture] of Object.entries(SCOPE_FIXTURES)) {
      if (typeof fixture !== 'function') continue;
      const { inScope } = await fixture(w);
      if (inScope.body && typeof inScope.body === 'object') seeds.push([id, inScope]);
    }
    for (const [i, [id, seed]] of seeds.entries()) {
      const where = paths(seed.body);
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: where.length - 1 }), leaf, async (at, value) => {
          cases += 1;
          const body = replaceAt(seed.body, where[at], value);
          const before = await settledSnapshot(t);
          const res = await t.http[seed.method](seed.url)
            .set(seed.who.auth)
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(body));
          const label = `${id} ${where[at].join('.') || '(body)'}=${JSON.stringify(value)?.slice(0, 40)}`;
          const bad = problemWith(res);
          if (bad) problems.push(`${label}: ${bad}`);
          if (prototypePolluted()) problems.push(`${label}: Object.prototype polluted`);
          if (res.status >= 400) {
            const changed = changedCollections(before, await settledSnapshot(t));
            if (changed.length)
              problems.push(`${label}: rejected with ${res.status} but changed ${changed.join(', ')}`);
          }
        }),
        { numRuns: RUNS, seed: SEED + i },
      );
    }
    expect(seeds.length).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  }, 240_000);
});
