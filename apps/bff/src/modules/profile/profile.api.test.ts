import { startTestApp, type TestApp } from '../../test-support/test-app';
import { enterprise, person, VALID_ID, type Person } from '../bookings/test/fixtures';

let t: TestApp;
let worker: Person;
let admin: Person;
let entId: string;
const home = { province: '520000', city: '520100', county: '520102' };

beforeAll(async () => {
  t = await startTestApp();
  entId = await enterprise(t);
  worker = await person(t);
  admin = await person(t, ['admin']);
});
afterAll(() => t.close());

describe('worker profile', () => {
  it('when a worker saves their profile, then it comes back masked and the database holds no plaintext', async () => {
    const res = await t.http
      .put('/api/profile')
      .set(worker.auth)
      .send({ name: '张建国', idNumber: VALID_ID.toLowerCase(), homeRegion: home, enterpriseId: entId });
    expect(res.status).toBe(200);
    expect(res.body.idNumberMasked).toBe('110105********002X');
    expect(res.body.phoneMasked).toBe(`${worker.phone.slice(0, 3)}****${worker.phone.slice(-4)}`);
    expect(res.body.enterprise).toEqual({ id: entId, name: '余姚舜宇光学' });
    expect(res.body.complete).toBe(true);
    const raw = JSON.stringify(await t.connection.db!.collection('users').find({}).toArray());
    expect(raw).not.toContain(VALID_ID);
    expect(raw).not.toContain(worker.phone);
  });

  it('when the ID number fails its checksum, then it is a 400 on idNumber and nothing is written', async () => {
    const other = await person(t);
    const res = await t.http
      .put('/api/profile')
      .set(other.auth)
      .send({ name: '李四', idNumber: '110105194912310021', homeRegion: home });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('idNumber');
    const me = await t.http.get('/api/profile').set(other.auth);
    expect(me.body.idNumberMasked).toBeNull();
    expect(me.body.name).toBeNull();
  });

  it('when a worker saves again without retyping the ID number, then the number on file is kept; a first save without one is a 400', async () => {
    const kept = await person(t);
    const first = { name: '王五', idNumber: '420103198001011238', homeRegion: home };
    expect((await t.http.put('/api/profile').set(kept.auth).send(first)).status).toBe(200);
    const moved = { province: '420000', city: '420100', county: '420103' };
    const again = await t.http.put('/api/profile').set(kept.auth).send({ name: '王五', homeRegion: moved });
    expect(again.status).toBe(200);
    expect(again.body.idNumberMasked).toBe('420103********1238');
    expect(again.body.homeRegion).toEqual(moved);

    const fresh = await person(t);
    const noId = await t.http.put('/api/profile').set(fresh.auth).send({ name: '赵六', homeRegion: home });
    expect(noId.status).toBe(400);
    expect(noId.body.error.details.map((d: { path: string }) => d.path)).toContain('idNumber');
    expect((await t.http.get('/api/profile').set(fresh.auth)).body.name).toBeNull();
  });

  it('when another account claims the same ID number, then it is a 409 CONFLICT', async () => {
    const other = await person(t);
    const res = await t.http
      .put('/api/profile')
      .set(other.auth)
      .send({ name: '冒用', idNumber: VALID_ID, homeRegion: home });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
  });

  it('when the county does not belong to the city, then it is a 400', async () => {
    const res = await t.http
      .put('/api/profile')
      .set(worker.auth)
      .send({ name: '张建国', idNumber: VALID_ID, homeRegion: { ...home, county: '510104' } });
    expect(res.status).toBe(400);
  });

  it('when the employer does not exist, then it is a 404 and nothing changes', async () => {
    const res = await t.http
      .put('/api/profile')
      .set(worker.auth)
      .send({ name: '改名', idNumber: VALID_ID, homeRegion: home, enterpriseId: '0123456789abcdef01234567' });
    expect(res.status).toBe(404);
    expect((await t.http.get('/api/profile').set(worker.auth)).body.name).toBe('张建国');
  });

  it('when a worker reads their full data, then they get it and the read is in the audit log', async () => {
    const res = await t.http.get('/api/profile/full').set(worker.auth);
    expect(res.status).toBe(200);
    expect(res.body.idNumber).toBe(VALID_ID);
    expect(res.body.phone).toBe(worker.phone);
    const log = await t.container.repos.audit.listForSubject('user', worker.id);
    expect(log.some((e) => e.action === 'pii.read' && e.actorId === worker.id)).toBe(true);
  });

  it('when a liaison tries to move themselves to another enterprise, then it is refused', async () => {
    const liaison = await person(t, ['liaison'], entId);
    const other = await enterprise(t, '别家企业');
    const res = await t.http
      .put('/api/profile')
      .set(liaison.auth)
      .send({ name: '联络员', idNumber: '52010219900101123X', homeRegion: home, enterpriseId: other });
    expect(res.status).toBe(403);
  });
});

describe('admin user management', () => {
  it('when an admin reads a worker in full, then it is audited under the admin', async () => {
    const res = await t.http.get(`/api/admin/users/${worker.id}/full`).set(admin.auth);
    expect(res.status).toBe(200);
    expect(res.body.idNumber).toBe(VALID_ID);
    const log = await t.container.repos.audit.listForSubject('user', worker.id);
    expect(log.some((e) => e.actorId === admin.id && e.action === 'pii.read')).toBe(true);
  });

  it('when a worker calls any admin route, then it is a 403 and nothing is read or changed', async () => {
    expect((await t.http.get(`/api/admin/users/${admin.id}/full`).set(worker.auth)).status).toBe(403);
    expect(
      (
        await t.http
          .put(`/api/admin/users/${worker.id}/roles`)
          .set(worker.auth)
          .send({ roles: ['admin'] })
      ).status,
    ).toBe(403);
    expect((await t.http.get(`/api/admin/users?phone=${admin.phone}`).set(worker.auth)).status).toBe(403);
  });

  it('when an admin grants the liaison role with an enterprise, then the next session carries it', async () => {
    const p = await person(t);
    const found = await t.http.get(`/api/admin/users?phone=${p.phone}`).set(admin.auth);
    expect(found.body.id).toBe(p.id);
    const res = await t.http
      .put(`/api/admin/users/${p.id}/roles`)
      .set(admin.auth)
      .send({ roles: ['worker', 'liaison'], enterpriseId: entId });
    expect(res.status).toBe(200);
    expect(res.body.roles).toEqual(['worker', 'liaison']);
    const user = await t.container.repos.users.findById(p.id);
    expect(user?.enterpriseId).toBe(entId);
  });

  it('when the liaison role is granted without an enterprise, then it is a 400 naming enterpriseId', async () => {
    const res = await t.http
      .put(`/api/admin/users/${worker.id}/roles`)
      .set(admin.auth)
      .send({ roles: ['liaison'] });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('enterpriseId');
  });
});
