import { startTestApp, type TestApp } from '../../test-support/test-app';
import { enterprise, person, type Person } from '../bookings/test/fixtures';
import { signInAs } from '../enterprises/testing/fixtures';
import { seekerBody, vacancyBody } from './testing/fixtures';

let t: TestApp;
let rsj: { id: string; auth: Record<string, string> };

const DAY = 86_400_000;
const post = async (who: Person, headcount: number) => {
  const r = await t.http.post('/api/labour/vacancies').set(who.auth).send(vacancyBody({ headcount }));
  if (r.status !== 201) throw new Error(JSON.stringify(r.body));
  return r.body.id as string;
};
const step = async (who: Person, id: string, name: string, body: object = {}) => {
  const r = await t.http.post(`/api/labour/applications/${id}/${name}`).set(who.auth).send(body);
  if (r.status !== 200) throw new Error(`${name}: ${JSON.stringify(r.body)}`);
};

/** A seeker applies and the firm walks them to 定岗: one place of the vacancy filled. */
async function hire(liaison: Person, vacancyId: string): Promise<void> {
  const w = await person(t, ['worker']);
  await t.http
    .put('/api/labour/seeker')
    .set(w.auth)
    .send(seekerBody({ name: '王建国', availableFrom: '2026-03-20', showPassColour: false }));
  const a = await t.http.post('/api/labour/applications').set(w.auth).send({ vacancyId });
  if (a.status !== 201) throw new Error(JSON.stringify(a.body));
  await step(liaison, a.body.id, 'shortlist');
  await step(liaison, a.body.id, 'interview', {
    mode: 'video',
    at: new Date(t.clock.now().getTime() + DAY).toISOString(),
    link: 'https://meeting.example.cn/r/2',
  });
  await step(liaison, a.body.id, 'offer', {
    startDay: '2026-03-25',
    contractMonths: 12,
    socialInsurance: true,
    wage: 5200,
  });
  await step(w, a.body.id, 'accept');
}

afterAll(() => t.close());
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-03-01T10:00:00+08:00'));
  rsj = await signInAs(t, ['officer'], { departmentId: 'rsj' });
  const hiring = await person(t, ['liaison'], await enterprise(t, '余姚舜宇光学'));
  const done = await person(t, ['liaison'], await enterprise(t, '余姚已招满厂'));
  // Posted on 1 March and never confirmed since: stale (hidden) by 9 March.
  await post(hiring, 8);
  t.clock.set(new Date('2026-03-09T10:00:00+08:00'));
  await t.http
    .post(`/api/labour/vacancies/${await post(hiring, 5)}/withdraw`)
    .set(hiring.auth)
    .send({});
  await hire(hiring, await post(hiring, 3));
  // The other firm's only vacancy is filled: it is no longer hiring at all.
  await hire(done, await post(done, 1));
}, 90_000);

describe('用工缺口 by firm size counts live vacancies only', () => {
  it('when a firm’s vacancies are filled, withdrawn or stale, then the size table leaves them (and a firm with none live) out', async () => {
    const { status, body } = await t.http.get('/api/labour/figures').set(rsj.auth);
    expect(status).toBe(200);
    // The live one: three places, one hire so far. The full, withdrawn and stale ones are not there.
    expect(body.bySize).toEqual([{ size: 'above', firms: 1, open: 1, headcount: 3, filled: 1 }]);
    expect(body.vacancies).toMatchObject({ open: 2, full: 1, withdrawn: 1, stale: 1 });
  }, 60_000);
});

describe('用工缺口 shortage ranking counts live vacancies only', () => {
  it('when a firm’s vacancy is stale, withdrawn or full, then its places are not in the firm’s gap', async () => {
    const { status, body } = await t.http.get('/api/labour/figures').set(rsj.auth);
    expect(status).toBe(200);
    // Only the live vacancy lacks people: 3 places, 1 hired. The stale 8 and withdrawn 5 are
    // hidden from seekers, so they are no shortage a worker could fill; the filled firm lacks nobody.
    expect(body.shortage).toEqual([expect.objectContaining({ enterpriseName: '余姚舜宇光学', gap: 2 })]);
  }, 60_000);
});
