import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import {
  book,
  checkin,
  enterprise,
  person,
  publishedTrip,
  VALID_ID,
  type Person,
} from '../bookings/test/fixtures';

let t: TestApp;
let transport: Person;
let entId: string;

beforeAll(async () => {
  t = await startTestApp();
  entId = await enterprise(t);
  transport = await person(t, ['transport']);
});
afterAll(() => t.close());

async function bookedWorker(tripId: string): Promise<Person> {
  const w = await person(t);
  await checkin(t, w);
  const b = await book(t, w, tripId);
  expect(b.body.status).toBe('confirmed');
  return w;
}
const tokenOf = async (w: Person) => (await t.http.get('/api/pass/token').set(w.auth)).body.token as string;
const board = (tripId: string, token: string, temperature = 36.4, key?: string) => {
  const req = t.http.post(`/api/trips/${tripId}/boardings`).set(transport.auth);
  if (key) req.set('Idempotency-Key', key);
  return req.send({ token, temperature });
};

describe('boarding check', () => {
  it('when the marshal scans a green passenger, then they board with seat 1, and a second scan says already boarded', async () => {
    const trip = await publishedTrip(t, transport, [entId], 10);
    const w = await bookedWorker(trip);
    const token = await tokenOf(w);
    const res = await board(trip, token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      alreadyBoarded: false,
      row: { status: 'boarded', seatNo: 1, boardingTemperature: 36.4, workerId: w.id },
    });
    const again = await board(trip, token);
    expect(again.body).toMatchObject({ alreadyBoarded: true, row: { seatNo: 1 } });
  });

  it('when the code is a screenshot older than its lifetime, then it is refused', async () => {
    const trip = await publishedTrip(t, transport, [entId], 10);
    const w = await bookedWorker(trip);
    const token = await tokenOf(w);
    t.clock.advance(91_000);
    const res = await board(trip, token);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('BOARDING_CODE_INVALID');
  });

  it('when the code is forged, then it is refused', async () => {
    const trip = await publishedTrip(t, transport, [entId], 10);
    const w = await bookedWorker(trip);
    const token = await tokenOf(w);
    const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect((await board(trip, forged)).body.error.code).toBe('BOARDING_CODE_INVALID');
  });

  it('when the passenger pass is red, then boarding is refused with the reasons and nothing is recorded', async () => {
    const trip = await publishedTrip(t, transport, [entId], 10);
    const w = await bookedWorker(trip);
    await checkin(t, w, { healthCode: 'red' });
    const res = await board(trip, await tokenOf(w));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('PASS_NOT_GREEN');
    expect(res.body.error.details.reasons[0].code).toBe('CODE_RED');
    const manifest = await t.http.get(`/api/trips/${trip}/manifest`).set(transport.auth);
    expect(manifest.body.rows[0].status).toBe('confirmed');
    expect(manifest.body.boardedCount).toBe(0);
  });

  it('when the door temperature is 37.3 ℃, then boarding is refused', async () => {
    const trip = await publishedTrip(t, transport, [entId], 10);
    const w = await bookedWorker(trip);
    const res = await board(trip, await tokenOf(w), 37.3);
    expect(res.status).toBe(422);
    expect(res.body.error.details.reasons[0].code).toBe('FEVER');
  });

  it('when the passenger has no seat on this trip, then it is refused', async () => {
    const trip = await publishedTrip(t, transport, [entId], 10);
    const w = await person(t);
    await checkin(t, w);
    expect((await board(trip, await tokenOf(w))).status).toBe(422);
  });

  it('when a worker tries to board someone, then it is a 403', async () => {
    const trip = await publishedTrip(t, transport, [entId], 10);
    const w = await bookedWorker(trip);
    const res = await t.http
      .post(`/api/trips/${trip}/boardings`)
      .set(w.auth)
      .send({ token: await tokenOf(w), temperature: 36.5 });
    expect(res.status).toBe(403);
  });
});

describe('manifest (乘客名单)', () => {
  it('when the manifest is read, then personal data is masked; the export has it in full and audits every person', async () => {
    const trip = await publishedTrip(t, transport, [entId], 10);
    const w = await bookedWorker(trip);
    await t.http
      .put('/api/profile')
      .set(w.auth)
      .send({
        name: '王小二',
        idNumber: VALID_ID,
        homeRegion: { province: '520000', city: '520100', county: '520102' },
      });
    await board(trip, await tokenOf(w));
    const m = await t.http.get(`/api/trips/${trip}/manifest`).set(transport.auth);
    expect(m.body.rows[0]).toMatchObject({
      name: '王小二',
      idNumberMasked: '110105********002X',
      status: 'boarded',
      seatNo: 1,
    });
    expect(JSON.stringify(m.body)).not.toContain(w.phone);

    const csv = await t.http.get(`/api/trips/${trip}/manifest/export?format=csv`).set(transport.auth);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toContain(w.phone);
    expect(csv.text).toContain(VALID_ID);
    const log = await t.container.repos.audit.listForSubject('user', w.id);
    expect(log.some((e) => e.action === 'pii.export' && e.actorId === transport.id)).toBe(true);

    const xlsx = await t.http
      .get(`/api/trips/${trip}/manifest/export?format=xlsx`)
      .set(transport.auth)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as never);
    expect(wb.getWorksheet('乘客名单')!.getRow(2).getCell(2).value).toBe('王小二');
  });

  it('when a worker asks for a manifest, then it is a 403', async () => {
    const trip = await publishedTrip(t, transport, [entId], 10);
    const w = await bookedWorker(trip);
    expect((await t.http.get(`/api/trips/${trip}/manifest`).set(w.auth)).status).toBe(403);
    expect((await t.http.get(`/api/trips/${trip}/manifest/export`).set(w.auth)).status).toBe(403);
  });
});
