import { startTestApp, type TestApp } from '../../../test-support/test-app';
import { createEnterprise, fullChecklist, signInAs, type Person } from '../../enterprises/testing/fixtures';

/**
 * The world the stewards' and call-backs' API tests start from: the app at 09:00 on Monday
 * 1 March 2027 (China time), one command account and two stewards, 郑麒麟 and 王立新, signed in in
 * that order. Each test adds its own firms and people on top.
 */
export interface StewardWorld {
  t: TestApp;
  /** The command account that registers the firms and assigns them. */
  admin: Person;
  /** 郑麒麟. */
  s1: Person;
  /** 王立新. */
  s2: Person;
}

export async function startStewardWorld(adminName?: string): Promise<StewardWorld> {
  const t = await startTestApp();
  t.clock.set(new Date('2027-03-01T09:00:00+08:00'));
  const admin = await signInAs(t, ['admin'], adminName ? { name: adminName } : {});
  const s1 = await signInAs(t, ['steward'], { name: '郑麒麟' });
  const s2 = await signInAs(t, ['steward'], { name: '王立新' });
  return { t, admin, s1, s2 };
}

/** Registers `count` firms through the API, one after another; `fields(i)` names the i-th. */
export async function createFirms(
  t: TestApp,
  admin: Person,
  count: number,
  fields: (i: number) => Record<string, unknown>,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) ids.push(await createEnterprise(t, admin, fields(i)));
  return ids;
}

/** A steward's visit to a firm through the API: a full checklist, then whatever the test changes. */
export function recordVisit(
  t: TestApp,
  who: Person,
  enterpriseId: string,
  over: Record<string, unknown> = {},
) {
  return t.http
    .post('/api/visits')
    .set(who.auth)
    .send({
      enterpriseId,
      place: '企业食堂及车间',
      checklist: fullChecklist(),
      findings: '就餐已分散错时',
      ...over,
    });
}
