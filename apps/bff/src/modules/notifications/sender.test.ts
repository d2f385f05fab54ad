import { startFakeWechat } from '../../dev/fake-wechat-server';
import { wechatSubscribeSender } from './sender';

const message = (openid: string | null) => ({
  id: 'm1',
  workerId: 'w1',
  kind: 'trip_changed',
  title: '班车改时间：贵阳南明区到余姚的班车',
  body: '发车时间由 3月2日 08:00 改为 3月2日 10:00，请按新时间乘车',
  page: 'pages/my-bookings/index',
  openid,
});

describe('WeChat subscribe-message sender (against the loopback fake of WeChat)', () => {
  let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
  beforeAll(async () => {
    wechat = await startFakeWechat();
  });
  afterAll(() => wechat.stop());

  const sender = (appid = 'touristappid') =>
    wechatSubscribeSender({ apiBase: wechat.url, appid, secret: 's', templateId: 'tmpl-trip' });

  it('when two messages are sent, then both arrive with the template, page and fields cut to WeChat’s 20 characters, on one access token', async () => {
    const s = sender();
    const before = wechat.tokenRequests();
    await s.send(message('o-worker-1'));
    await s.send(message('o-worker-2'));
    expect(wechat.tokenRequests() - before).toBe(1);
    const [a, b] = wechat.subscribeMessages.slice(-2);
    expect(a).toMatchObject({
      touser: 'o-worker-1',
      template_id: 'tmpl-trip',
      page: 'pages/my-bookings/index',
    });
    expect(b.touser).toBe('o-worker-2');
    expect([...a.data.thing1.value].length).toBeLessThanOrEqual(20);
    expect(a.data.thing2.value.startsWith('发车时间由')).toBe(true);
  });

  it('when the person signed in by phone (no openid), then nothing is sent and it is not an error', async () => {
    const n = wechat.subscribeMessages.length;
    await sender().send(message(null));
    expect(wechat.subscribeMessages).toHaveLength(n);
  });

  it('when the person has not subscribed (43101), then it counts as done; when WeChat refuses the app, then it fails for a retry', async () => {
    await expect(sender().send(message('unsub-worker'))).resolves.toBeUndefined();
    await expect(sender('wrong-appid').send(message('o-worker-3'))).rejects.toThrow(/40013/);
  });
});
