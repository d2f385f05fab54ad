/**
 * A second firm for the browser tests where two firms deal with each other (产业链协同, 用工调剂):
 * registered by the demo command (13800000006), with its own liaison, signed in through the API.
 */
import { creditCodeCheckChar } from '@fugong/contracts';
import { apiSignIn, type ApiSession } from './api-session';
import type { Stack } from './stack';

export interface SecondFirm {
  id: string;
  name: string;
  liaisonPhone: string;
  /** The liaison's API session, with the liaison role already in its token. */
  session: ApiSession;
}

/**
 * Registers the firm (`run` keeps its credit code and the liaison's phone unique per test run)
 * and makes `liaisonPhone` its liaison. The registry's industry is 制造业 unless named.
 */
export async function secondFirm(
  stack: Stack,
  f: {
    name: string;
    run: string;
    regionCode: string;
    address: string;
    industry?: string;
    liaisonPhone: string;
  },
): Promise<SecondFirm> {
  const admin = await apiSignIn(stack, '13800000006');
  const first17 = `91${f.regionCode}MA${f.run}00`;
  const firm = await admin.call<{ id: string }>('POST', '/api/enterprises', {
    name: f.name,
    creditCode: first17 + creditCodeCheckChar(first17),
    industry: f.industry ?? '制造业',
    size: 'above',
    regionCode: f.regionCode,
    address: f.address,
    headcount: 260,
  });
  const session = await apiSignIn(stack, f.liaisonPhone);
  const me = await session.call<{ id: string }>('GET', '/api/me');
  await admin.call('PUT', `/api/admin/users/${me.id}/roles`, { roles: ['liaison'], enterpriseId: firm.id });
  await session.renew();
  return { id: firm.id, name: f.name, liaisonPhone: f.liaisonPhone, session };
}
