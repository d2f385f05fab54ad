import { randomBytes } from 'node:crypto';
import type { TestApp } from '../../../test-support/test-app';
import { person, type Person } from '../../bookings/test/fixtures';

export type { Person };

/** A registry firm with its industry and county (what 工信局 filters posts by). */
export async function supplyFirm(
  t: TestApp,
  name: string,
  over: { industry?: string; regionCode?: string } = {},
): Promise<string> {
  const e = await t.container.repos.enterprises.create({
    name: `${name}${randomBytes(2).toString('hex')}`,
    creditCode: `91330281${randomBytes(5).toString('hex').toUpperCase()}`,
    industry: over.industry ?? '光学仪器',
    size: 'above',
    regionCode: over.regionCode ?? '330281',
    address: '余姚市',
    headcount: 300,
  });
  return e.id;
}

/** The liaison of a new registry firm, signed in. */
export async function liaisonOfNewFirm(
  t: TestApp,
  name: string,
  over: { industry?: string; regionCode?: string } = {},
): Promise<Person> {
  return person(t, ['liaison'], await supplyFirm(t, name, over));
}
