import { Types } from 'mongoose';
import type { Role } from '@fugong/contracts';
import { startTestApp, type TestApp } from '../../apps/bff/src/test-support';
import { allowedRoles, call, fillPath, operations, type JsonSchema, type Operation } from './support/routes';
import { oneOfEachRole, storedEnterprise, type Caller } from './support/people';

/**
 * Values that are right by type and wrong by meaning: days no calendar has, the far past and
 * future, boundary numbers, empty and very long Chinese text. Sent to every route (the route
 * list the other harnesses read from OpenAPI), each batch of writes followed by the reads that
 * depend on what was written (pass, trip lists, bookings, manifest, dashboard, export, a sweep).
 * Nothing may answer 5xx, then or later.
 */
const RUNS = Number(process.env.SEMANTIC_RUNS ?? 3);
const SEED = Number(process.env.SEMANTIC_SEED ?? 20200229);
const BUDGET_MS = Number(process.env.SEMANTIC_BUDGET_MS ?? 60_000);

const IMPOSSIBLE_DAYS = ['2020-02-30', '0000-00-00', '2021-02-29', '9999-12-31', '2019-11-30', '2020-13-01'];
const EDGE_DAYS = ['2019-12-01', '2099-12-31', '2020-02-29'];
const FAR_INSTANTS = [
  '9999-12-31T23:59:59Z',
  '1970-01-01T00:00:00Z',
  '2019-11-30T23:59:59+08:00',
  '2099-12-31T23:59:59+08:00',
  '2019-12-01T00:00:00+08:00',
  '+275760-09-13T00:00:00.000Z',
];
const TEXTS = ['', ' ', '　', '中'.repeat(5000), '测'.repeat(1), '复工'.repeat(300), '零宽\u200b字符'];

function rngFrom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
type Rng = () => number;
const oneOf = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];

let t: TestApp;
let ops: Operation[];
let callers: Record<Role, Caller>;
/** Ids of real records, so inputs naming a record reach the service instead of a 404. */
const world: Record<string, string> = {};
const problems: string[] = [];
const figures = { cases: 0, writesAccepted: 0, reads: 0, brokenReads: 0, sweeps: 0 };

/** A value of the schema's type whose meaning is nonsense (or at a boundary). */
function meaningless(schema: JsonSchema, name: string, rng: Rng, depth = 0): unknown {
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (variants)
    return meaningless(
      oneOf(
        rng,
        variants.filter((v) => v.type !== 'null'),
      ),
      name,
      rng,
      depth,
    );
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return oneOf(rng, schema.enum as unknown[]);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return meaninglessString(schema, name, rng);
    case 'integer':
    case 'number': {
      const min = (schema.minimum as number | undefined) ?? (schema.exclusiveMinimum as number | undefined);
      const max = (schema.maximum as number | undefined) ?? (schema.exclusiveMaximum as number | undefined);
      const edges = [min, max, 0, 1, type === 'integer' ? Number.MAX_SAFE_INTEGER : 1e308].filter(
        (n): n is number =>
          typeof n === 'number' && (min === undefined || n >= min) && (max === undefined || n <= max),
      );
      return oneOf(rng, edges.length ? edges : [0]);
    }
    case 'boolean':
      return rng() < 0.5;
    case 'array': {
      const item = (schema.items ?? {}) as JsonSchema;
      const max = Math.min((schema.maxItems as number | undefined) ?? 3, depth > 1 ? 1 : 50);
      const min = (schema.minItems as number | undefined) ?? 0;
      const n = oneOf(rng, [min, Math.max(min, 1), max]);
      return Array.from({ length: n }, () => meaningless(item, name, rng, depth + 1));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, sub] of Object.entries(schema.properties ?? {}))
        if (schema.required?.includes(key) || rng() < 0.6) out[key] = meaningless(sub, key, rng, depth + 1);
      return out;
    }
    default:
      return null;
  }
}

function meaninglessString(schema: JsonSchema, name: string, rng: Rng): string {
  if (schema.format === 'date') return oneOf(rng, rng() < 0.75 ? IMPOSSIBLE_DAYS : EDGE_DAYS);
  if (schema.format === 'date-time') return oneOf(rng, FAR_INSTANTS);
  const pattern = schema.pattern ?? '';
  if (pattern.includes('[0-9a-f]{24}')) {
    const known = world[name] ?? world[name.replace(/Ids?$/, 'Id')];
    return known && rng() < 0.8 ? known : new Types.ObjectId().toHexString();
  }
  if (pattern === '^\\d{6}$') return oneOf(rng, ['000000', '999999', '330281', '110000']);
  if (pattern.startsWith('^1[3-9]')) return oneOf(rng, ['13000000000', '19999999999']);
  if (pattern) return oneOf(rng, ['0', '00', '000000', '9'.repeat(20)]);
  const max = schema.maxLength as number | undefined;
  const min = (schema.minLength as number | undefined) ?? 0;
  const text = oneOf(rng, [...TEXTS, '中'.repeat(Math.max(min, max ?? 5000))]);
  return max !== undefined && text.length > max ? text.slice(0, max) : text;
}

function callerFor(op: Operation): Caller | null {
  if (op.roles === 'public') return null;
  const roles = allowedRoles(op);
  return callers[roles.includes('admin') ? 'admin' : roles[0]];
}

/** The views that depend on what a write may have stored, read as the people who see them. */
async function readViews(after: string): Promise<void> {
  const views: [Role, string][] = [
    ['worker', '/api/pass'],
    ['worker', '/api/pass/token'],
    ['worker', '/api/checkins/latest'],
    ['worker', '/api/bookings/mine'],
    ['worker', '/api/trips'],
    ['worker', '/api/notifications/mine'],
    ['transport', '/api/trips?pageSize=100'],
    ['transport', `/api/trips/${world.tripId}`],
    ['transport', `/api/trips/${world.tripId}/manifest`],
    ['admin', '/api/trips?pageSize=100&status=published'],
    ['admin', '/api/dashboard/summary'],
    ['admin', '/api/dashboard/export'],
  ];
  for (const [role, url] of views) {
    figures.reads += 1;
    const res = await t.http.get(url).set(callers[role].auth);
    if (res.status !== 200) {
      figures.brokenReads += 1;
      problems.push(`after ${after}: GET ${url} as ${role} answered ${res.status} ${res.text.slice(0, 120)}`);
    }
  }
  await t.settle();
  figures.sweeps += 1;
  await t.container.bookingSweeper.run();
}

beforeAll(async () => {
  t = await startTestApp();
  ops = await operations(t);
  world.enterpriseId = await storedEnterprise(t);
  callers = await oneOfEachRole(t, world.enterpriseId);
  const worker = callers.worker;
  const green = { temperature: 36.5, healthCode: 'green', places: ['330281'] };
  await t.http.post('/api/checkins').set(worker.auth).send(green).expect(200);
  const departureAt = new Date(t.clock.now().getTime() + 24 * 3_600_000).toISOString();
  const trip = await t.http
    .post('/api/trips')
    .set(callers.transport.auth)
    .send({
      originRegionCode: '520102',
      originName: '贵阳市南明区',
      pickupPoints: [{ name: '南明区人社局门口' }],
      destinations: [{ enterpriseId: world.enterpriseId, dropPoint: '厂区东门' }],
      departureAt,
      vehicle: { plate: '贵A12345', seats: 45 },
      driver: { name: '刘师傅' },
    })
    .expect(201);
  world.tripId = trip.body.id;
  await t.http.post(`/api/trips/${world.tripId}/publish`).set(callers.transport.auth).expect(200);
  const booking = await t.http
    .post('/api/bookings')
    .set(worker.auth)
    .send({ tripId: world.tripId })
    .expect(201);
  world.bookingId = booking.body.id;
  world.workerId = worker.id;
  world.staffIds = worker.id;
}, 60_000);
afterAll(async () => {
  // eslint-disable-next-line no-console -- the figures docs/security.md quotes
  console.log(
    `semantic fuzz: ${figures.cases} cases across ${ops.length} routes (SEMANTIC_RUNS=${RUNS}, SEMANTIC_SEED=${SEED}), ${figures.writesAccepted} writes accepted, ${figures.reads} dependent reads + ${figures.sweeps} sweeps, ${figures.brokenReads} broken`,
  );
  await t.close();
});

describe('values right by type and wrong by meaning, on every route', () => {
  it('when every route gets impossible days, far instants, boundary numbers and empty or very long Chinese text, then nothing answers 5xx and every view that depends on the writes still reads', async () => {
    const started = Date.now();
    const rng = rngFrom(SEED);
    // Pass after pass over every route, one case per route each: the first pass always runs
    // whole (every route is hit), later ones only while the time budget lasts.
    for (let pass = 0; pass < RUNS && (pass === 0 || Date.now() - started < BUDGET_MS); pass += 1) {
      for (const op of ops) {
        // Signing out or rotating tokens would end the harness's own sessions, not test meaning.
        if (/^auth\./.test(op.id)) continue;
        const query = op.queryParams
          .filter((p) => p.required || rng() < 0.7)
          .map((p) => `${p.name}=${encodeURIComponent(String(meaningless(p.schema, p.name, rng)))}`)
          .join('&');
        const url = `${fillPath(op, world)}${query ? `?${query}` : ''}`;
        const req = call(t, op.method, url);
        const who = callerFor(op);
        if (who) req.set(who.auth);
        const body = op.body ? meaningless(op.body, '', rng) : undefined;
        figures.cases += 1;
        const res = await (body === undefined ? req : req.send(body as object));
        if (res.status >= 500)
          problems.push(
            `${op.id} ${url.slice(0, 120)} ${JSON.stringify(body)?.slice(0, 160)}: ${res.status}`,
          );
        const accepted = op.method !== 'get' && res.status < 300;
        if (accepted) figures.writesAccepted += 1;
        if (accepted || op.id === 'checkins.submit') await readViews(op.id);
      }
    }
    await readViews('all routes');
    // Every read route, once, as the most powerful role it admits, over what the run stored.
    for (const op of ops.filter((o) => o.method === 'get')) {
      figures.reads += 1;
      const req = call(t, 'get', fillPath(op, world));
      const who = callerFor(op);
      const res = await (who ? req.set(who.auth) : req);
      if (res.status >= 500) {
        figures.brokenReads += 1;
        problems.push(`final read ${op.id}: ${res.status}`);
      }
    }
    expect(problems).toEqual([]);
    expect(figures.cases).toBeGreaterThan(50);
  }, 240_000);
});
