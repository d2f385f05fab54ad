import { randomBytes } from 'node:crypto';
import type { Role } from '@fugong/contracts';
import { signInByPhone, type TestApp } from '../../../test-support/test-app';
import { nextPhone, person, type Person } from '../../bookings/test/fixtures';

export type { Person };

/** A registry firm (the project's owner). */
export async function firm(t: TestApp, name = '余姚重点项目测试'): Promise<string> {
  const e = await t.container.repos.enterprises.create({
    name: `${name}${randomBytes(2).toString('hex')}`,
    creditCode: `91330281${randomBytes(5).toString('hex').toUpperCase()}`,
    industry: '制造业',
    size: 'above',
    regionCode: '330281',
    address: '余姚市',
    headcount: 500,
  });
  return e.id;
}

export const as = (t: TestApp, roles: Role[], enterpriseId: string | null = null) =>
  person(t, roles, enterpriseId);

/** An officer of one department (发改委 keeps the registry; others own 会办 tasks). */
export async function officerOf(t: TestApp, departmentId: string): Promise<Person> {
  const phone = nextPhone();
  await t.container.repos.users.upsertStaffByPhone({
    phoneHash: t.container.pii.lookupHash(phone),
    phoneEnc: t.container.pii.encrypt(phone),
    name: `${departmentId}办理人`,
    roles: ['officer'],
    departmentId,
  });
  t.clock.advance(61_000);
  const s = await signInByPhone(t, phone);
  return { id: s.user.id, phone, auth: { Authorization: `Bearer ${s.token}` } };
}

/**
 * The people around one project: 发改委's officer who registers it, its 代办负责人 (a steward), its
 * 联系领导 (an officer of 住建局), and the owner firm with its liaison.
 */
export async function projectCast(t: TestApp) {
  const fgw = await officerOf(t, 'fgw');
  const steward = await as(t, ['steward']);
  const contact = await officerOf(t, 'zjj');
  const firmId = await firm(t);
  const liaison = await as(t, ['liaison'], firmId);
  return { fgw, steward, contact, firmId, liaison };
}

/** A valid registration body. */
export const projectBody = (enterpriseId: string, agentId: string, contactId: string, over: object = {}) => ({
  name: '光电产业园二期厂房',
  enterpriseId,
  level: 'city',
  kind: 'construction',
  investmentWan: 86000,
  regionCode: '330281',
  agentId,
  contactId,
  milestones: [
    { title: '施工许可', plannedDate: '2026-03-02' },
    { title: '主体封顶', plannedDate: '2026-04-30' },
  ],
  ...over,
});

/** Registers a project as `who` and checks the 201; returns the body. */
export async function registered(t: TestApp, who: Person, body: object) {
  const res = await t.http.post('/api/key-projects').set(who.auth).send(body);
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; milestones: { id: string }[] };
}

/** Raises a need as `who` and checks the 201; returns its id. */
export async function raised(
  t: TestApp,
  who: Person,
  projectId: string,
  kind = 'resources',
): Promise<string> {
  const res = await t.http
    .post(`/api/key-projects/${projectId}/needs`)
    .set(who.auth)
    .send({ kind, description: '临时用电增容 2000 千伏安' });
  if (res.status !== 201) throw new Error(`need failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export const countOf = (t: TestApp, name: string) => t.connection.db!.collection(name).countDocuments();
