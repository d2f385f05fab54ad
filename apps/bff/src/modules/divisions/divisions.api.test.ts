import { startTestApp, type TestApp } from '../../test-support/test-app';
import { signInAs, type Person } from '../enterprises/testing/fixtures';

let t: TestApp;
let worker: Person;

beforeAll(async () => {
  t = await startTestApp();
  worker = await signInAs(t, ['worker']);
});
afterAll(() => t.close());

describe('行政区划 for the region cascader', () => {
  it('when a signed-in person opens the cascader, then all 31 provinces (and 港澳台 not among them) are listed', async () => {
    const res = await t.http.get('/api/divisions').set(worker.auth);
    expect(res.status).toBe(200);
    expect(res.body.parent).toBeNull();
    expect(res.body.items).toHaveLength(31);
    expect(res.body.items[0]).toEqual({ code: '11', name: '北京市', level: 'province', hasChildren: true });
  });

  it('when they walk 湖北省 → 武汉市 → 江汉区, then each level lists the next, ending at towns', async () => {
    const cities = await t.http.get('/api/divisions?parent=42').set(worker.auth);
    expect(cities.body.items.map((c: { name: string }) => c.name)).toContain('武汉市');
    const counties = await t.http.get('/api/divisions?parent=4201').set(worker.auth);
    const jianghan = counties.body.items.find((c: { name: string }) => c.name === '江汉区');
    expect(jianghan).toEqual({ code: '420103', name: '江汉区', level: 'county', hasChildren: true });
    const towns = await t.http.get('/api/divisions?parent=420103').set(worker.auth);
    expect(towns.body.parent.path).toEqual(['湖北省', '武汉市', '江汉区']);
    expect(towns.body.items.length).toBeGreaterThan(5);
    expect(
      towns.body.items.every(
        (x: { level: string; hasChildren: boolean }) => x.level === 'town' && !x.hasChildren,
      ),
    ).toBe(true);
  });

  it('when the parent code is malformed or does not exist, then 400 / 404 with a Chinese message', async () => {
    const bad = await t.http.get('/api/divisions?parent=42x').set(worker.auth);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_ERROR');
    const missing = await t.http.get('/api/divisions?parent=4299').set(worker.auth);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/未找到/);
  });

  it('when nobody is signed in, then 401', async () => {
    expect((await t.http.get('/api/divisions')).status).toBe(401);
  });
});

const GREEN = {
  temperature: 36.5,
  symptoms: [],
  healthCode: 'green',
  arrivedFromOutsideProvince: false,
  arrivalDate: null,
};
const UNKNOWN = '行政区划中没有该地区，请从列表中选择';

describe('region codes a request carries must exist in 行政区划', () => {
  it('when a worker saves a home county that does not exist, then 400 in Chinese at that field and the profile is unchanged', async () => {
    const res = await t.http
      .put('/api/profile')
      .set(worker.auth)
      .send({ name: '张建国', homeRegion: { province: '520000', city: '520100', county: '520188' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.details).toEqual([
      expect.objectContaining({ path: 'homeRegion.county', message: UNKNOWN }),
    ]);
    expect((await t.http.get('/api/profile').set(worker.auth)).body.homeRegion).toBeNull();
    const real = await t.http
      .put('/api/profile')
      .set(worker.auth)
      .send({
        name: '张建国',
        idNumber: '52010219900101123X',
        homeRegion: { province: '520000', city: '520100', county: '520102' },
      });
    expect(real.status).toBe(200);
  });

  it('when a check-in names a place (county or town) that does not exist, then 400 and no check-in is recorded', async () => {
    for (const place of ['520188', '520102999']) {
      const res = await t.http
        .post('/api/checkins')
        .set(worker.auth)
        .send({ ...GREEN, places: [place] });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].path).toBe('places.0');
    }
    expect(await t.connection.db!.collection('health_checkins').countDocuments()).toBe(0);
    const ok = await t.http
      .post('/api/checkins')
      .set(worker.auth)
      .send({ ...GREEN, places: ['520102', '330281001'] });
    expect(ok.status).toBe(200);
  });

  it('when a charter’s origin does not exist, then the liaison gets 400 naming the origin', async () => {
    const liaison = await signInAs(t, ['liaison']);
    const res = await t.http.post('/api/charters').set(liaison.auth).send({ originRegionCode: '339999' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'originRegionCode', message: UNKNOWN })]),
    );
  });
});
