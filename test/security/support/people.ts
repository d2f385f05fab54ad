import type { Role } from '@fugong/contracts';
import type { TestApp } from '../../../apps/bff/src/test-support';

/** A person with a session: id and the Authorization header. */
export interface Caller {
  id: string;
  auth: { Authorization: string };
}

let seq = 0;
/** A phone number unique within this process (the harness never reuses one). */
export function freshPhone(): string {
  seq += 1;
  return `177${String(process.pid % 10000).padStart(4, '0')}${String(seq).padStart(4, '0')}`;
}

/**
 * A stored user with these roles and scope, and an access token issued for them. Tokens are
 * issued directly (the OTP flow has its own tests) so hundreds of callers cost milliseconds.
 */
export async function caller(
  t: TestApp,
  roles: Role[],
  scope: { enterpriseId?: string | null; departmentId?: string | null } = {},
): Promise<Caller> {
  const phone = freshPhone();
  const user = await t.container.repos.users.upsertStaffByPhone({
    phoneHash: t.container.pii.lookupHash(phone),
    phoneEnc: t.container.pii.encrypt(phone),
    name: `安全测试${roles.join('')}`,
    roles,
    enterpriseId: scope.enterpriseId ?? null,
    departmentId: scope.departmentId ?? null,
  });
  const { token } = t.container.tokens.issueAccess({
    id: user.id,
    roles,
    enterpriseId: scope.enterpriseId ?? null,
    departmentId: scope.departmentId ?? null,
  });
  return { id: user.id, auth: { Authorization: `Bearer ${token}` } };
}

let firm = 0;
/** An enterprise stored through the repository (a valid-looking credit code, unique per call). */
export async function storedEnterprise(t: TestApp, name = '余姚安全测试企业'): Promise<string> {
  firm += 1;
  const e = await t.container.repos.enterprises.create({
    name: `${name}${firm}`,
    creditCode: `91330281SEC${String(process.pid % 1000).padStart(3, '0')}${String(firm).padStart(4, '0')}`,
    industry: '制造业',
    size: 'above',
    regionCode: '330281',
    address: '余姚市',
    headcount: 100,
  });
  return e.id;
}

/** One caller per role, scoped: the liaison to `enterpriseId`, the officer to department `rsj`. */
/** The department of the harness's one officer (人社局). */
export const OFFICER_DEPARTMENT = 'rsj';

export async function oneOfEachRole(t: TestApp, enterpriseId: string): Promise<Record<Role, Caller>> {
  return {
    worker: await caller(t, ['worker']),
    liaison: await caller(t, ['liaison'], { enterpriseId }),
    steward: await caller(t, ['steward']),
    officer: await caller(t, ['officer'], { departmentId: OFFICER_DEPARTMENT }),
    transport: await caller(t, ['transport']),
    admin: await caller(t, ['admin']),
    checkpoint: await caller(t, ['checkpoint']),
    // An agency that serves no firm: everything scoped to firms answers it nothing.
    hr_agency: await caller(t, ['hr_agency']),
    hotline_operator: await caller(t, ['hotline_operator']),
  };
}
