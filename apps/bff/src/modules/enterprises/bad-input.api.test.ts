import {
  callbackRoutes,
  departmentRoutes,
  enterpriseRoutes,
  issueRoutes,
  stewardRoutes,
  visitRoutes,
  type RouteContract,
} from '@fugong/contracts';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { signInAs, type Person } from './testing/fixtures';

let t: TestApp;
let people: Person[];

beforeAll(async () => {
  t = await startTestApp();
  people = [
    await signInAs(t, ['admin']),
    await signInAs(t, ['liaison']),
    await signInAs(t, ['steward']),
    await signInAs(t, ['officer'], { departmentId: 'rsj' }),
  ];
});
afterAll(() => t.close());

const ALL: RouteContract[] = [
  enterpriseRoutes,
  issueRoutes,
  stewardRoutes,
  visitRoutes,
  callbackRoutes,
  departmentRoutes,
].flatMap((group) => Object.values(group));
const GARBAGE: unknown[] = [
  {},
  { enterpriseId: 'zzz', __proto__: { admin: true } },
  { rating: '5', workers: -1, dataBase64: 12 },
  [1, 2, 3],
];

describe('every issue-5 route under bad input', () => {
  it('when any role sends malformed ids, bodies and queries, then no answer is a 5xx, every write is refused with a 4xx envelope, and nothing is written', async () => {
    const before = await Promise.all(
      ['enterprises', 'issues', 'steward_visits', 'charter_requests', 'reopening_reports'].map((c) =>
        t.connection.db!.collection(c).countDocuments(),
      ),
    );
    for (const route of ALL) {
      const path = route.path.replace(/:id/g, 'not-an-id').replace(/:(\w+)/g, 'x');
      for (const who of people) {
        for (const body of route.method === 'get' ? [undefined] : GARBAGE) {
          const req = t.http[route.method](`${path}?page=-1&state=nope&minEnterprises=x`).set(who.auth);
          const res = body === undefined ? await req : await req.send(body as object);
          if (res.status >= 500)
            throw new Error(
              `${route.id} as ${who.id} with ${JSON.stringify(body)} → ${res.status} ${JSON.stringify(res.body)}`,
            );
          // Reads that ignore unknown query keys (and the bodiless sweep) may answer 200; every refusal is an envelope.
          if (res.status >= 400) expect(res.body.error.code).toEqual(expect.any(String));
          else expect(`${route.method} ${route.id}`).toMatch(/^get |issues.sweep/);
        }
      }
    }
    const after = await Promise.all(
      ['enterprises', 'issues', 'steward_visits', 'charter_requests', 'reopening_reports'].map((c) =>
        t.connection.db!.collection(c).countDocuments(),
      ),
    );
    expect(after).toEqual(before);
  });
});
