import jwt from 'jsonwebtoken';
import type { Role } from '@fugong/contracts';
import { POLICY } from '../../apps/bff/src/test-support';
import { startTestApp, type TestApp } from '../../apps/bff/src/test-support';
import { ALL_ROLES, allowedRoles, call, fillPath, operations, type Operation } from './support/routes';
import { oneOfEachRole, storedEnterprise, type Caller } from './support/people';

let t: TestApp;
let ops: Operation[];
let callers: Record<Role, Caller>;
beforeAll(async () => {
  t = await startTestApp();
  ops = await operations(t);
  callers = await oneOfEachRole(t, await storedEnterprise(t));
}, 60_000);
afterAll(() => t.close());

/**
 * A request the role check must judge before anything else looks at it: input is made invalid
 * where the route has any (a bad id, a non-object body, a bad query value), so an admitted role
 * gets 400 and a refused one 403 — the service's own record checks never come into play.
 */
function probe(op: Operation, who: Caller | null) {
  let url = fillPath(op, Object.fromEntries(op.pathParams.map((p) => [p.name, 'not-an-id'])));
  const badQuery = op.queryParams.find(
    (q) => q.schema.type === 'integer' || q.schema.enum || q.schema.pattern,
  );
  if (op.pathParams.length === 0 && badQuery) url += `?${badQuery.name}=${encodeURIComponent('!bad!')}`;
  const req = call(t, op.method, url);
  if (who) req.set(who.auth);
  return op.method === 'get' ? req : req.set('Content-Type', 'application/json').send('[1]');
}

describe('the policy table', () => {
  it('when the served routes are listed, then every one has a policy entry and every entry is served', () => {
    const served = ops.map((o) => o.id).sort();
    expect(served.filter((id) => !POLICY[id])).toEqual([]);
    expect(Object.keys(POLICY).filter((id) => !served.includes(id))).toEqual([]);
  });

  it('when a route is called without a session, then only public routes answer anything but 401', async () => {
    const wrong: string[] = [];
    for (const op of ops) {
      const res = await probe(op, null);
      const ok = op.roles === 'public' ? res.status !== 401 && res.status !== 403 : res.status === 401;
      if (!ok) wrong.push(`${op.id}: anonymous got ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('when every route is called as every role, then roles outside the table get 403 and roles inside never 401/403', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const op of ops) {
      if (op.roles === 'public') continue;
      const admitted = allowedRoles(op);
      for (const role of ALL_ROLES) {
        checked += 1;
        const res = await probe(op, callers[role]);
        const ok = admitted.includes(role)
          ? res.status !== 401 && res.status !== 403
          : res.status === 403 && res.body.error?.code === 'FORBIDDEN';
        if (!ok)
          wrong.push(
            `${op.id} as ${role}: ${res.status} ${res.body?.error?.code ?? ''} (${admitted.includes(role) ? 'admitted' : 'refused'} by the table)`,
          );
      }
    }
    // eslint-disable-next-line no-console -- the figure docs/security.md quotes
    console.log(`authorization: ${checked} route × role pairs + ${ops.length} anonymous calls checked`);
    expect(wrong).toEqual([]);
  }, 120_000);

  it('when a token is forged, expired or malformed, then every protected route answers 401', async () => {
    const forged = t.container.tokens.issueAccess({
      id: callers.admin.id,
      roles: ['admin'],
      enterpriseId: null,
      departmentId: null,
    });
    const tampered = `${forged.token.slice(0, -4)}AAAA`;
    const claims = { roles: ['admin'], ent: null, dept: null };
    const expired = jwt.sign(claims, t.config.JWT_SECRET, {
      algorithm: 'HS256',
      subject: callers.admin.id,
      issuer: 'fugong-bff',
      expiresIn: -60,
    });
    const otherKey = jwt.sign(claims, 'an-attacker-chosen-secret-of-enough-length', {
      algorithm: 'HS256',
      subject: callers.admin.id,
      issuer: 'fugong-bff',
      expiresIn: 600,
    });
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${forged.token.split('.')[1]}.`;
    const wrong: string[] = [];
    for (const op of ops.filter((o) => o.roles !== 'public')) {
      for (const header of [
        `Bearer ${tampered}`,
        `Bearer ${unsigned}`,
        `Bearer ${expired}`,
        `Bearer ${otherKey}`,
        'Bearer x',
        'Basic YWRtaW46YWRtaW4=',
        `Bearer ${forged.token.split('.').slice(0, 2).join('.')}.`,
      ]) {
        const res = await call(t, op.method, fillPath(op)).set('Authorization', header);
        if (res.status !== 401) wrong.push(`${op.id} with ${header.slice(0, 12)}…: ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
