import { creditCodeCheckChar, type Role } from '@fugong/contracts';
import { signInByPhone, type TestApp } from '../../../test-support/test-app';

/** A signed-in person for API tests: id and the Authorization header. */
export interface Person {
  id: string;
  auth: { Authorization: string };
}

/** A valid 统一社会信用代码 for a Yuyao (330281) firm, distinct per `n`. */
export function creditCode(n: number, region = '330281'): string {
  const first17 = `91${region}MA${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

let phoneSeq = 0;
/** A fresh phone number per call so OTP throttling never couples tests. */
export function nextPhone(prefix = '1390'): string {
  phoneSeq += 1;
  return `${prefix}${String(process.pid % 1000).padStart(3, '0')}${String(phoneSeq).padStart(4, '0')}`;
}

/** Creates (or updates) a staff account with roles and scope, then signs it in through the real OTP flow. */
export async function signInAs(
  t: TestApp,
  roles: Role[],
  scope: { enterpriseId?: string; departmentId?: string; name?: string } = {},
): Promise<Person> {
  const phone = nextPhone();
  await t.container.repos.users.upsertStaffByPhone({
    phoneHash: t.container.pii.lookupHash(phone),
    phoneEnc: t.container.pii.encrypt(phone),
    name: scope.name ?? `测试${roles.join('')}`,
    roles,
    enterpriseId: scope.enterpriseId ?? null,
    departmentId: scope.departmentId ?? null,
  });
  const s = await signInByPhone(t, phone);
  return { id: s.user.id, auth: { Authorization: `Bearer ${s.token}` } };
}

let firmSeq = 0;
/** Registers an enterprise through the API as the given admin; returns its id. */
export async function createEnterprise(
  t: TestApp,
  admin: Person,
  over: Record<string, unknown> = {},
): Promise<string> {
  firmSeq += 1;
  const res = await t.http
    .post('/api/enterprises')
    .set(admin.auth)
    .send({
      name: `余姚测试企业${firmSeq}`,
      creditCode: creditCode(100_000 + firmSeq + (process.pid % 1000) * 1000),
      industry: '光学仪器',
      size: 'above',
      regionCode: '330281',
      address: '余姚市阳明街道',
      headcount: 300,
      ...over,
    });
  if (res.status !== 201)
    throw new Error(`create enterprise failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** Assigns a steward to an enterprise through the API. */
export async function assign(
  t: TestApp,
  admin: Person,
  enterpriseId: string,
  stewardId: string,
): Promise<void> {
  const res = await t.http.post('/api/steward-assignments').set(admin.auth).send({ enterpriseId, stewardId });
  if (res.status !== 201) throw new Error(`assign failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** A complete checklist with every item met (tests change the ones they care about). */
export function fullChecklist(): { key: string; status: 'met' | 'not_met' | 'na'; note: string }[] {
  return [
    'mechanism_in_place',
    'screening_in_place',
    'supplies_in_place',
    'management_in_place',
    'work_mechanism',
    'staff_screening',
    'onsite_management',
    'sanitation',
    'supplies',
    'education',
    'contingency_plan',
  ].map((key) => ({ key, status: 'met' as const, note: '' }));
}
