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
