import ExcelJS from 'exceljs';
import { idNumberCheckChar } from '@fugong/contracts';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { book, checkin, enterprise, person, publishedTrip, type Person } from '../bookings/test/fixtures';

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

const exportOf = (tripId: string, who: Person, query: string) =>
  t.http.get(`/api/trips/${tripId}/manifest/export?${query}`).set(who.auth);
const fullReads = async (workerId: string) =>
  (await t.container.repos.audit.listForSubject('user', workerId)).filter((e) => e.action === 'pii.export');

let nextId = 0;
/** A valid ID number no other worker of this file holds (the number is unique per person). */
function freshIdNumber(): string {
  const first17 = `1101051949123${String(1000 + (nextId += 1)).slice(-4)}`;
  return first17 + idNumberCheckChar(first17);
}

/** A trip with one boarded passenger who has filled in their profile. */
async function tripWithPassenger(): Promise<{ trip: string; w: Person; idNumber: string }> {
  const trip = await publishedTrip(t, transport, [entId], 10);
  const w = await bookedWorker(trip);
  const idNumber = freshIdNumber();
  const saved = await t.http
    .put('/api/profile')
    .set(w.auth)
    .send({
      name: '王小二',
      idNumber,
      homeRegion: { province: '520000', city: '520100', county: '520102' },
    });
  expect(saved.status).toBe(200);
  await board(trip, await tokenOf(w));
  return { trip, w, idNumber };
}

describe('manifest (乘客名单)', () => {
  it('when the manifest is read or exported by default, then phone and ID number are masked and nothing is read in full', async () => {
    const { trip, w, idNumber } = await tripWithPassenger();
    const masked = `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`;
    const m = await t.http.get(`/api/trips/${trip}/manifest`).set(transport.auth);
    expect(m.body.rows[0]).toMatchObject({
      name: '王小二',
      idNumberMasked: masked,
      status: 'boarded',
      seatNo: 1,
    });
    expect(JSON.stringify(m.body)).not.toContain(w.phone);

    const csv = await exportOf(trip, transport, 'format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toContain('王小二');
    expect(csv.text).toContain(masked);
    expect(csv.text).toContain(`${w.phone.slice(0, 3)}****${w.phone.slice(-4)}`);
    expect(csv.text).not.toContain(w.phone);
    expect(csv.text).not.toContain(idNumber);
    expect(await fullReads(w.id)).toEqual([]);

    const xlsx = await exportOf(trip, transport, 'format=xlsx')
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as never);
    const row = wb.getWorksheet('乘客名单')!.getRow(2);
    expect(row.getCell(2).value).toBe('王小二');
    expect(row.getCell(4).value).toBe(masked);
  });

  it('when the officer who set the trip up asks for the full list with a reason, then it has the numbers and each read is audited with the reason', async () => {
    const { trip, w, idNumber } = await tripWithPassenger();
    const csv = await exportOf(
      trip,
      transport,
      `format=csv&full=true&reason=${encodeURIComponent('流调溯源')}`,
    );
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(w.phone);
    expect(csv.text).toContain(idNumber);
    expect(await fullReads(w.id)).toEqual([
      expect.objectContaining({ actorId: transport.id, reason: '流调溯源', fields: ['phone', 'idNumber'] }),
    ]);
  });

  it('when the command asks for the full list, then it is given and audited under the command', async () => {
    const { trip, w, idNumber } = await tripWithPassenger();
    const admin = await person(t, ['admin']);
    const csv = await exportOf(trip, admin, `full=true&reason=${encodeURIComponent('密接人员追踪')}`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(idNumber);
    expect((await fullReads(w.id)).map((e) => e.actorId)).toEqual([admin.id]);
  });

  it('when a marshal who did not set the trip up asks for the full list, then it is refused and nothing is read', async () => {
    const { trip, w, idNumber } = await tripWithPassenger();
    const marshal = await person(t, ['transport']);
    const res = await exportOf(trip, marshal, `full=true&reason=${encodeURIComponent('流调溯源')}`);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('脱敏');
    expect(res.text).not.toContain(idNumber);
    expect(await fullReads(w.id)).toEqual([]);
    // The masked list stays open to them.
    expect((await exportOf(trip, marshal, 'format=csv')).status).toBe(200);
  });

  it('when the full list is asked without a reason, then it is a 400 in Chinese and nothing is read', async () => {
    const { trip, w } = await tripWithPassenger();
    const res = await exportOf(trip, transport, 'full=true');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain('事由');
    expect(await fullReads(w.id)).toEqual([]);
  });

  it('when a worker or a liaison asks for a manifest, then it is a 403', async () => {
    const trip = await publishedTrip(t, transport, [entId], 10);
    const w = await bookedWorker(trip);
    const liaison = await person(t, ['liaison'], entId);
    for (const who of [w, liaison]) {
      expect((await t.http.get(`/api/trips/${trip}/manifest`).set(who.auth)).status).toBe(403);
      expect((await exportOf(trip, who, 'full=true&reason=abcd')).status).toBe(403);
    }
  });
});
