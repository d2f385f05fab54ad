import { randomBytes } from 'node:crypto';
import { FREIGHT_COMMITMENT, idNumberCheckChar, type Role } from '@fugong/contracts';
import type { TestApp } from '../../../test-support/test-app';
import { person, type Person } from '../../bookings/test/fixtures';

export type { Person };

/** A registry firm of the given size; a 物流企业 is one of these with a logistics industry. */
export async function firm(t: TestApp, size: 'above' | 'below', industry = '道路货物运输'): Promise<string> {
  const e = await t.container.repos.enterprises.create({
    name: `余姚货运测试${randomBytes(2).toString('hex')}`,
    creditCode: `91330281${randomBytes(5).toString('hex').toUpperCase()}`,
    industry,
    size,
    regionCode: '330281',
    address: '余姚市',
    headcount: size === 'above' ? 300 : 20,
  });
  return e.id;
}

export const as = (t: TestApp, roles: Role[], enterpriseId: string | null = null) =>
  person(t, roles, enterpriseId);

let idSeq = 0;
/** A valid, distinct ID number per call (GB 11643 checksum). */
export function idNumber(): string {
  idSeq += 1;
  const first17 = `33028119850115${String(idSeq % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** A valid application body starting now on the test clock, for a driver with this phone. */
export function application(t: TestApp, driverPhone: string, over: Record<string, unknown> = {}) {
  const now = t.clock.now().getTime();
  return {
    plate: '浙B12345D',
    vehicleType: 'heavy_truck',
    driver: { name: '王师傅', phone: driverPhone, idNumber: idNumber() },
    cargo: 'epidemic_supplies',
    cargoNote: '医用口罩',
    route: {
      originRegionCode: '330281',
      originText: '余姚市阳明街道',
      destinationRegionCode: '310115',
      destinationText: '上海市浦东新区',
    },
    validFrom: new Date(now).toISOString(),
    validUntil: new Date(now + 3 * 24 * 3_600_000).toISOString(),
    commitment: { accepted: true, version: FREIGHT_COMMITMENT.version },
    ...over,
  };
}

/** POST an application as `who`; returns the supertest response. */
export const apply = (t: TestApp, who: Person, body: unknown, key?: string) => {
  const req = t.http.post('/api/freight-passes').set(who.auth);
  if (key) req.set('Idempotency-Key', key);
  return req.send(body as object);
};

/** A pass applied for and checked to be 201; returns its id. */
export async function appliedPass(t: TestApp, who: Person, body: unknown): Promise<string> {
  const res = await apply(t, who, body);
  if (res.status !== 201) throw new Error(`apply failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export const CHECKPOINT = { code: 'G15-YY01', name: '沈海高速余姚收费站' };

/** A checkpoint scan of a token. */
export const scan = (t: TestApp, checker: Person, token: string, checkpoint = CHECKPOINT) =>
  t.http.post('/api/freight-checks').set(checker.auth).send({ token, checkpoint });

/** The driver's current QR token of a pass. */
export async function tokenOf(t: TestApp, driver: Person, passId: string): Promise<string> {
  const res = await t.http.get(`/api/freight-passes/${passId}/token`).set(driver.auth);
  if (res.status !== 200) throw new Error(`token failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

/** Raw count of a collection (what a refused request must not have changed). */
export const countOf = (t: TestApp, name: string) => t.connection.db!.collection(name).countDocuments();
