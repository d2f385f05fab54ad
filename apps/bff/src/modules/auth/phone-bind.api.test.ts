import { Types, mongo } from 'mongoose';
import { startTestApp, signInByPhone, type TestApp } from '../../test-support/test-app';
import {
  book,
  checkin,
  enterprise,
  nextPhone,
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

let codeSeq = 0;
/** Signs a person in inside WeChat (wx.login): every call is a new one-time code of the same person. */
async function wechatLogin(who: string) {
  codeSeq += 1;
  const res = await t.http.post('/api/auth/login/wechat').send({ code: `${who}.${codeSeq}` });
  if (res.status !== 200) throw new Error(`wechat login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { token: string; refreshToken: string; user: { id: string; roles: string[] } };
}
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const bind = (token: string, code: string) =>
  t.http.post('/api/auth/phone/wechat').set(bearer(token)).send({ code });

/** Every collection a merge touches, as canonical EJSON: equal before and after means nothing changed. */
async function snapshot(): Promise<string> {
  const db = t.connection.db!;
  const out: Record<string, unknown[]> = {};
  for (const name of [
    'users',
    'bookings',
    'health_checkins',
    'notification_outbox',
    'refresh_tokens',
    'audit_log',
  ])
    out[name] = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
  return mongo.BSON.EJSON.stringify(out, { relaxed: false });
}

describe('binding the phone WeChat vouches for (getPhoneNumber)', () => {
  it('when a WeChat worker binds a phone no account has, then the same account gets it, masked in answers and encrypted at rest', async () => {
    const s = await wechatLogin('solo');
    const phone = nextPhone();
    const res = await bind(s.token, t.wechat.issuePhoneCode(phone));
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(s.user.id);
    expect(res.body.user.phoneMasked).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(JSON.stringify(res.body)).not.toContain(phone);
    const raw = await t.connection.db!.collection('users').find({}).toArray();
    expect(JSON.stringify(raw)).not.toContain(phone);
    const audit = await t.connection
      .db!.collection('audit_log')
      .findOne({ action: 'user.phone.bind', subjectId: s.user.id });
    expect(audit).not.toBeNull();
    // Signing in with that phone on H5 now reaches the same person.
    t.clock.advance(61_000);
    expect((await signInByPhone(t, phone)).user.id).toBe(s.user.id);
  });

  it('when the phone code is forged or used twice, then WeChat refuses it (40029) and the answer is a Chinese 422', async () => {
    const s = await wechatLogin('forger');
    const forged = await bind(s.token, 'phone-not-issued-by-wechat');
    expect(forged.status).toBe(422);
    expect(forged.body.error.message).toContain('授权手机号');
    const code = t.wechat.issuePhoneCode(nextPhone());
    expect((await bind(s.token, code)).status).toBe(200);
    const other = await wechatLogin('forger-2');
    expect((await bind(other.token, code)).status).toBe(422);
  });

  it('when the phone code is older than WeChat’s 5 minutes, then it is refused', async () => {
    const s = await wechatLogin('slow');
    const code = t.wechat.issuePhoneCode(nextPhone());
    t.clock.advance(5 * 60_000 + 1000);
    expect((await bind(s.token, code)).status).toBe(422);
  });

  it('when an anonymous caller or an invalid body arrives, then 401 and 400', async () => {
    expect((await t.http.post('/api/auth/phone/wechat').send({ code: 'x' })).status).toBe(401);
    const s = await wechatLogin('empty');
    expect((await bind(s.token, '')).status).toBe(400);
  });
});

describe('merging the WeChat account into the phone account', () => {
  it('when the phone belongs to a liaison, then one person remains: roles, profile, check-ins, bookings and notices follow, and WeChat sign-in opens the liaison', async () => {
    // The phone account: a liaison (roles granted by phone) who also travels as a worker.
    const phone = nextPhone();
    await t.container.repos.users.upsertStaffByPhone({
      phoneHash: t.container.pii.lookupHash(phone),
      phoneEnc: t.container.pii.encrypt(phone),
      name: '王联络',
      roles: ['worker', 'liaison'],
      enterpriseId: entId,
    });
    t.clock.advance(61_000);
    const b = await signInByPhone(t, phone);
    const staff: Person = { id: b.user.id, phone, auth: bearer(b.token) };
    await checkin(t, staff, { temperature: 36.4 });
    const day1 = await publishedTrip(t, transport, [entId], 24);
    expect((await book(t, staff, day1)).status).toBe(201);

    // The WeChat account of the same person: a profile, a later check-in, a booking another day, a notice.
    const a = await wechatLogin('liaison-wang');
    const wx: Person = { id: a.user.id, phone: '', auth: bearer(a.token) };
    const profile = await t.http
      .put('/api/profile')
      .set(wx.auth)
      .send({
        name: '王联络',
        idNumber: VALID_ID,
        homeRegion: { province: '520000', city: '520100', county: '520102' },
      });
    expect(profile.status).toBe(200);
    t.clock.advance(60_000);
    await checkin(t, wx, { temperature: 36.8 });
    const day2 = await publishedTrip(t, transport, [entId], 48);
    expect((await book(t, wx, day2)).status).toBe(201);
    await t.container.notifications.repos.outbox.addMany(
      [
        {
          id: `test:${wx.id}`,
          workerId: wx.id,
          kind: 'trip_changed',
          title: '班车改时间',
          body: '请按新时间乘车',
          page: 'pages/my-bookings/index',
        },
      ],
      t.clock.now(),
    );

    const res = await bind(a.token, t.wechat.issuePhoneCode(phone));
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(staff.id);
    expect(res.body.user.roles.sort()).toEqual(['liaison', 'worker']);
    expect(res.body.user.enterpriseId).toBe(entId);
    expect(res.body.user.hasProfile).toBe(true);
    const merged = bearer(res.body.token);

    const mine = await t.http.get('/api/bookings/mine').set(merged);
    expect(mine.body.items.map((x: { tripId: string }) => x.tripId).sort()).toEqual([day1, day2].sort());
    const latest = await t.http.get('/api/checkins/latest').set(merged);
    expect(latest.body.checkin.temperature).toBe(36.8); // one check-in per day: the later one stays
    expect(
      await t.connection
        .db!.collection('health_checkins')
        .countDocuments({ workerId: { $in: [staff.id, wx.id].map((id) => new Types.ObjectId(id)) } }),
    ).toBe(1);
    const inbox = await t.http.get('/api/notifications/mine').set(merged);
    expect(inbox.body.items.map((n: { title: string }) => n.title)).toContain('班车改时间');

    // WeChat sign-in now reaches the liaison; the old account's sessions are gone.
    const again = await wechatLogin('liaison-wang');
    expect(again.user.id).toBe(staff.id);
    expect(again.user.roles).toContain('liaison');
    expect((await t.http.post('/api/auth/refresh').send({ refreshToken: a.refreshToken })).status).toBe(401);
    expect((await t.http.get('/api/me').set(wx.auth)).status).toBe(401);

    // A retry of the bind whose answer was lost (old token, a fresh code) answers the same person.
    const retry = await bind(a.token, t.wechat.issuePhoneCode(phone));
    expect(retry.status).toBe(200);
    expect(retry.body.user.id).toBe(staff.id);

    const audit = await t.connection.db!.collection('audit_log').find({ action: 'user.merge' }).toArray();
    expect(audit.map((e) => e.subjectId).sort()).toEqual([staff.id, wx.id].sort());
    const users = t.connection.db!.collection('users');
    const survivor = await users.findOne({ _id: new Types.ObjectId(staff.id) });
    expect(survivor!.mergedFrom.map(String)).toEqual([wx.id]);
  });

  it('when both accounts hold a live booking on the same travel day, then 409 in Chinese and nothing changes; after one is cancelled the merge goes through', async () => {
    const phone = nextPhone();
    t.clock.advance(61_000);
    const b = await signInByPhone(t, phone);
    const onPhone: Person = { id: b.user.id, phone, auth: bearer(b.token) };
    await checkin(t, onPhone);
    const trip = await publishedTrip(t, transport, [entId], 30);
    expect((await book(t, onPhone, trip)).status).toBe(201);

    const a = await wechatLogin('double-booker');
    const wx: Person = { id: a.user.id, phone: '', auth: bearer(a.token) };
    await checkin(t, wx);
    const sameDay = await publishedTrip(t, transport, [entId], 31);
    const theirs = await book(t, wx, sameDay);
    expect(theirs.status).toBe(201);

    const before = await snapshot();
    const refused = await bind(a.token, t.wechat.issuePhoneCode(phone));
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CONFLICT');
    expect(refused.body.error.message).toMatch(/已有行程.*请先取消/);
    expect(refused.body.error.details.travelDays).toHaveLength(1);
    expect(await snapshot()).toBe(before);

    expect((await t.http.post(`/api/bookings/${theirs.body.id}/cancel`).set(wx.auth).send({})).status).toBe(
      200,
    );
    const ok = await bind(a.token, t.wechat.issuePhoneCode(phone));
    expect(ok.status).toBe(200);
    expect(ok.body.user.id).toBe(onPhone.id);
    const mine = await t.http.get('/api/bookings/mine').set(bearer(ok.body.token));
    const live = mine.body.items.filter((x: { status: string }) => x.status !== 'cancelled');
    expect(live).toHaveLength(1);
    expect(mine.body.items).toHaveLength(2);
  });

  it('when the phone is already bound to another WeChat account, then 409 and nothing changes', async () => {
    const first = await wechatLogin('owner');
    const phone = nextPhone();
    expect((await bind(first.token, t.wechat.issuePhoneCode(phone))).status).toBe(200);
    const second = await wechatLogin('intruder');
    const before = await snapshot();
    const res = await bind(second.token, t.wechat.issuePhoneCode(phone));
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('已绑定另一个微信号');
    expect(await snapshot()).toBe(before);
  });

  it('when two binds of one account race, then exactly one merge happens and both answer the phone account', async () => {
    const phone = nextPhone();
    t.clock.advance(61_000);
    const b = await signInByPhone(t, phone);
    const a = await wechatLogin('racer');
    const [r1, r2] = await Promise.all([
      bind(a.token, t.wechat.issuePhoneCode(phone)),
      bind(a.token, t.wechat.issuePhoneCode(phone)),
    ]);
    expect([r1.status, r2.status]).toEqual([200, 200]);
    expect([r1.body.user.id, r2.body.user.id]).toEqual([b.user.id, b.user.id]);
    const merges = await t.connection
      .db!.collection('audit_log')
      .countDocuments({ action: 'user.merge', subjectId: b.user.id });
    expect(merges).toBe(1);
  });
});
