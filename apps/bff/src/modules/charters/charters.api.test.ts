import { startTestApp, type TestApp } from '../../test-support/test-app';
import { createEnterprise, signInAs, type Person } from '../enterprises/testing/fixtures';

let t: TestApp;
let admin: Person;
let transport: Person;
let big: Person;
let small1: Person;
let small2: Person;
let firms: { big: string; small1: string; small2: string };

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-03-02T09:00:00+08:00'));
  admin = await signInAs(t, ['admin']);
  transport = await signInAs(t, ['transport']);
  firms = {
    big: await createEnterprise(t, admin, { size: 'above' }),
    small1: await createEnterprise(t, admin, { size: 'below' }),
    small2: await createEnterprise(t, admin, { size: 'below' }),
  };
  big = await signInAs(t, ['liaison'], { enterpriseId: firms.big });
  small1 = await signInAs(t, ['liaison'], { enterpriseId: firms.small1 });
  small2 = await signInAs(t, ['liaison'], { enterpriseId: firms.small2 });
});
afterAll(() => t.close());

const request = (who: Person, enterpriseId: string, over: Record<string, unknown> = {}) =>
  t.http
    .post('/api/charters')
    .set(who.auth)
    .send({
      enterpriseId,
      workers: 30,
      originRegionCode: '520102',
      originName: '贵阳市南明区',
      pickupPoint: '贵阳火车站东广场',
      earliestArrival: '2026-03-10',
      latestArrival: '2026-03-12',
      ...over,
    });

describe('charter requests (包车需求) and 抱团组团包车', () => {
  it('when a firm requests a charter, then it is open with the firm as first participant and named staff phones are not echoed', async () => {
    const res = await request(small1, firms.small1, {
      namedStaff: [{ name: '吕飞彩', phone: '13912345678' }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      state: 'open',
      totalWorkers: 30,
      destinationRegionCode: '330281',
      participants: [{ enterpriseId: firms.small1, workers: 30 }],
    });
    expect(JSON.stringify(res.body)).not.toContain('13912345678');
    const raw = await t.connection.db!.collection('charter_requests').findOne({});
    expect(JSON.stringify(raw)).not.toContain('13912345678');
  });

  it('when another small firm joins, then the total grows; joining twice at once yields one join and one ALREADY_JOINED', async () => {
    const id = (await request(big, firms.big, { workers: 20 })).body.id;
    const joinable = await t.http.get(`/api/charters?view=joinable`).set(small2.auth);
    expect(joinable.body.items.map((c: { id: string }) => c.id)).toContain(id);
    const join = () =>
      t.http
        .post(`/api/charters/${id}/join`)
        .set(small2.auth)
        .send({ enterpriseId: firms.small2, workers: 12 });
    const [a, b] = await Promise.all([join(), join()]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a.body, b.body].find((x) => x.error)?.error.code).toBe('ALREADY_JOINED');
    const detail = await t.http.get(`/api/charters/${id}`).set(big.auth);
    expect(detail.body.totalWorkers).toBe(32);
    expect(detail.body.participants.map((p: { enterpriseId: string }) => p.enterpriseId)).toEqual([
      firms.big,
      firms.small2,
    ]);
  });

  it('when a large firm (规上) tries to join, or a join would pass 500 workers, then 422 and the request is unchanged', async () => {
    const id = (await request(small1, firms.small1, { workers: 490 })).body.id;
    const bigJoin = await t.http
      .post(`/api/charters/${id}/join`)
      .set(big.auth)
      .send({ enterpriseId: firms.big, workers: 5 });
    expect(bigJoin.status).toBe(422);
    const over = await t.http
      .post(`/api/charters/${id}/join`)
      .set(small2.auth)
      .send({ enterpriseId: firms.small2, workers: 11 });
    expect(over.status).toBe(422);
    expect((await t.http.get(`/api/charters/${id}`).set(small1.auth)).body.totalWorkers).toBe(490);
  });

  it('when a request is cancelled, then nobody can join it and it cannot be cancelled again', async () => {
    const id = (await request(small1, firms.small1)).body.id;
    expect((await t.http.post(`/api/charters/${id}/cancel`).set(small1.auth)).body.state).toBe('cancelled');
    expect((await t.http.post(`/api/charters/${id}/cancel`).set(small1.auth)).status).toBe(409);
    const join = await t.http
      .post(`/api/charters/${id}/join`)
      .set(small2.auth)
      .send({ enterpriseId: firms.small2, workers: 1 });
    expect(join.status).toBe(409);
    expect(join.body.error.code).toBe('INVALID_TRANSITION');
  });

  it('when the arrival window is inverted or in the past, or a liaison asks for another firm, then 4xx and nothing is written', async () => {
    const before = await t.connection.db!.collection('charter_requests').countDocuments();
    expect(
      (await request(small1, firms.small1, { latestArrival: '2026-03-09' })).body.error.details[0].path,
    ).toBe('latestArrival');
    expect(
      (await request(small1, firms.small1, { earliestArrival: '2026-03-01', latestArrival: '2026-03-01' }))
        .status,
    ).toBe(400);
    expect((await request(small1, firms.small2)).status).toBe(403);
    expect(await t.connection.db!.collection('charter_requests').countDocuments()).toBe(before);
  });

  it('when the transport officer looks, then open requests are grouped by origin and day with summed workers; a liaison may not', async () => {
    await request(small2, firms.small2, {
      originRegionCode: '510104',
      originName: '成都市锦江区',
      earliestArrival: '2026-03-11',
      workers: 7,
    });
    const res = await t.http.get('/api/charters/groups').set(transport.auth);
    expect(res.status).toBe(200);
    const guiyang = res.body.groups.find(
      (g: { originRegionCode: string; day: string }) =>
        g.originRegionCode === '520102' && g.day === '2026-03-10',
    );
    expect(guiyang.totalWorkers).toBe(30 + 32 + 490);
    expect(
      res.body.groups.find((g: { originRegionCode: string }) => g.originRegionCode === '510104'),
    ).toMatchObject({ day: '2026-03-11', totalWorkers: 7 });
    expect((await t.http.get('/api/charters/groups').set(small1.auth)).status).toBe(403);
  });

  it('when the transport officer converts a group in one action, then enough draft trips are created at the occupancy cap and each request shows them', async () => {
    const a = (
      await request(small1, firms.small1, {
        originRegionCode: '430102',
        originName: '长沙市芙蓉区',
        workers: 25,
      })
    ).body.id;
    const b = (
      await request(small2, firms.small2, {
        originRegionCode: '430102',
        originName: '长沙市芙蓉区',
        workers: 20,
        pickupPoint: '长沙汽车南站',
      })
    ).body.id;
    const convert = (body: Record<string, unknown>) =>
      t.http
        .post('/api/charters/convert')
        .set(transport.auth)
        .send({
          requestIds: [a, b],
          departureAt: '2026-03-09T07:00:00+08:00',
          vehicle: { plate: '湘A12345', seats: 45 },
          driver: { name: '陈师傅' },
          occupancyCapPct: 50,
          ...body,
        });
    const res = await convert({});
    expect(res.status).toBe(201);
    expect(res.body.tripIds).toHaveLength(3); // 45 workers, 22 per coach at 50 %
    expect(
      res.body.requests.map((r: { state: string; tripIds: string[] }) => [r.state, r.tripIds.length]),
    ).toEqual([
      ['converted', 3],
      ['converted', 3],
    ]);
    const trip = await t.http.get(`/api/trips/${res.body.tripIds[0]}`).set(transport.auth);
    expect(trip.body).toMatchObject({ status: 'draft', originRegionCode: '430102', capacity: 22 });
    expect(trip.body.destinations.map((d: { enterpriseId: string }) => d.enterpriseId).sort()).toEqual(
      [firms.small1, firms.small2].sort(),
    );
    expect((await t.http.get(`/api/charters/${a}`).set(small1.auth)).body.tripIds).toEqual(res.body.tripIds);
    const again = await convert({});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVALID_TRANSITION');
  });

  it('when requests from different origins are converted together, then 422 and both stay open', async () => {
    const a = (
      await request(small1, firms.small1, { originRegionCode: '410105', originName: '郑州市金水区' })
    ).body.id;
    const b = (
      await request(small2, firms.small2, { originRegionCode: '360102', originName: '南昌市东湖区' })
    ).body.id;
    const res = await t.http
      .post('/api/charters/convert')
      .set(transport.auth)
      .send({
        requestIds: [a, b],
        departureAt: '2026-03-09T07:00:00+08:00',
        vehicle: { plate: '豫A12345', seats: 45 },
        driver: { name: '李师傅' },
      });
    expect(res.status).toBe(422);
    expect((await t.http.get(`/api/charters/${a}`).set(small1.auth)).body.state).toBe('open');
  });
});
