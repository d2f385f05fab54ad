import { randomBytes } from 'node:crypto';
import type { Role } from '@fugong/contracts';
import { signInByPhone, startTestApp, type TestApp } from '../../../test-support/test-app';
import type { TripRecord } from '../../trips';
import type { NewBooking } from '../booking.repository';

/** A signed-in person for API tests: id, bearer header and phone. */
export interface Person {
  id: string;
  phone: string;
  auth: { Authorization: string };
}

let phoneSeq = 0;
/** A fresh phone number per call, unique across the test files of one run. */
export function nextPhone(): string {
  phoneSeq += 1;
  return `139${String(process.pid % 1000).padStart(3, '0')}${String(phoneSeq).padStart(5, '0')}`;
}

/** Signs a new person in, with roles set directly in the database first when given. */
export async function person(
  t: TestApp,
  roles: Role[] = ['worker'],
  enterpriseId: string | null = null,
): Promise<Person> {
  const phone = nextPhone();
  if (roles.join() !== 'worker' || enterpriseId) {
    await t.container.repos.users.upsertStaffByPhone({
      phoneHash: t.container.pii.lookupHash(phone),
      phoneEnc: t.container.pii.encrypt(phone),
      name: `测试${phoneSeq}`,
      roles,
      enterpriseId,
    });
  }
  t.clock.advance(61_000); // the OTP resend throttle is per phone, but keep codes apart in time
  const s = await signInByPhone(t, phone);
  return { id: s.user.id, phone, auth: { Authorization: `Bearer ${s.token}` } };
}

/** An enterprise in the registry (the enterprises module's repository). */
export async function enterprise(t: TestApp, name = '余姚舜宇光学'): Promise<string> {
  const e = await t.container.repos.enterprises.create({
    name,
    creditCode: `91330281${randomBytes(5).toString('hex').toUpperCase()}`,
    industry: '制造业',
    size: 'above',
    regionCode: '330281',
    address: '余姚市',
    headcount: 1000,
  });
  return e.id;
}

export const GREEN_CHECKIN = {
  temperature: 36.5,
  symptoms: [],
  healthCode: 'green',
  places: ['520102'],
  arrivedFromOutsideProvince: false,
  arrivalDate: null,
};

/** Submits a check-in (green unless overridden) and expects it to succeed. */
export async function checkin(t: TestApp, p: Person, over: Record<string, unknown> = {}) {
  const res = await t.http
    .post('/api/checkins')
    .set(p.auth)
    .send({ ...GREEN_CHECKIN, ...over });
  if (res.status !== 200) throw new Error(`check-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The input of a trip departing `hoursAhead` hours after the test clock's now. */
export function tripInput(
  t: TestApp,
  enterpriseIds: string[],
  hoursAhead = 24,
  over: Record<string, unknown> = {},
) {
  return {
    originRegionCode: '520102',
    originName: '贵阳市南明区',
    pickupPoints: [{ name: '南明区人社局门口' }, { name: '贵阳北站' }],
    destinations: enterpriseIds.map((enterpriseId) => ({ enterpriseId, dropPoint: '厂区东门' })),
    departureAt: new Date(t.clock.now().getTime() + hoursAhead * 3600_000).toISOString(),
    vehicle: { plate: '贵A12345', seats: 45 },
    driver: { name: '刘师傅' },
    ...over,
  };
}

/** A signed-in worker with today's green check-in: someone who may book. */
export async function greenWorker(t: TestApp): Promise<Person> {
  const w = await person(t);
  await checkin(t, w);
  return w;
}

/** Creates and publishes a trip as a transport officer; returns its id. */
export async function publishedTrip(
  t: TestApp,
  transport: Person,
  enterpriseIds: string[],
  hoursAhead = 24,
  over: Record<string, unknown> = {},
): Promise<string> {
  const created = await t.http
    .post('/api/trips')
    .set(transport.auth)
    .send(tripInput(t, enterpriseIds, hoursAhead, over));
  if (created.status !== 201)
    throw new Error(`trip create failed: ${created.status} ${JSON.stringify(created.body)}`);
  const pub = await t.http.post(`/api/trips/${created.body.id}/publish`).set(transport.auth);
  if (pub.status !== 200) throw new Error(`publish failed: ${pub.status} ${JSON.stringify(pub.body)}`);
  return created.body.id as string;
}

/** Books a seat for a worker; returns the response. */
export function book(t: TestApp, p: Person, tripId: string, key?: string) {
  const req = t.http.post('/api/bookings').set(p.auth);
  if (key) req.set('Idempotency-Key', key);
  return req.send({ tripId });
}

/**
 * The app most worker-journey test files share: one enterprise and one transport officer,
 * started before the file's tests and closed after them. Read the fields inside tests.
 */
export function useJourneyApp(): { t: TestApp; transport: Person; entId: string } {
  const ctx = {} as { t: TestApp; transport: Person; entId: string };
  beforeAll(async () => {
    ctx.t = await startTestApp();
    ctx.entId = await enterprise(ctx.t);
    ctx.transport = await person(ctx.t, ['transport']);
  });
  afterAll(() => ctx.t.close());
  return ctx;
}

/** What a booking of `workerId` on `trip` (first pickup point) is made of, for repository-level tests. */
export function bookingFields(trip: TripRecord, workerId: string, now: Date): NewBooking {
  return {
    tripId: trip.id,
    workerId,
    travelDay: trip.travelDay,
    pickupPoint: trip.pickupPoints[0].name,
    bookedBy: 'self',
    bookedById: workerId,
    now,
  };
}

/** A valid 18-digit ID number with its check character. */
export const VALID_ID = '11010519491231002X';
