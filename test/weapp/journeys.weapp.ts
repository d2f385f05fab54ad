/**
 * Real journeys on the built mini-program (dist/weapp) in the Node host, against a real BFF with
 * the demo data: a worker signs in with wx.login, checks in, books a seat on a published trip and
 * opens the boarding code; the transport officer signs in with WeChat and the phone WeChat
 * vouches for (getPhoneNumber, after the privacy prompt), gets the transport role of that phone's
 * account, opens 上车核验, scans the worker's code and boards them; a reused phone-number code is
 * refused. Every step is a tap, an input or an open-type event dispatched to the page's `eh`
 * handler, as WeChat's templates do.
 */
import type { MiniHost } from './host/mini-host';
import type { TaroNode } from './host/tree';
import {
  callApi,
  expectNoProblems,
  phone,
  phoneSession,
  signInStaff,
  startStack,
  type Stack,
} from './support/stack';

let stack: Stack;
const hosts: MiniHost[] = [];
/** The demo marshal (交通专班), registered by phone with the transport role. */
const MARSHAL_PHONE = '13800000005';
/** The phone-number code WeChat gave the marshal, once they tapped 允许. */
let marshalPhoneCode = '';

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  for (const host of hosts) host.dispose();
  await stack?.stop();
});

/**
 * A trip leaving in two hours, published by the demo transport officer: its boarding window is
 * open now, so the marshal's check can board on it (the demo's own trips leave days ahead).
 */
async function tripBoardingNow(): Promise<string> {
  const { token } = await phoneSession(stack, MARSHAL_PHONE);
  const some = await callApi<{ items: { destinations: { enterpriseId: string; dropPoint: string }[] }[] }>(
    stack,
    token,
    'GET',
    '/api/trips?status=published&pageSize=5',
  );
  const origin = `南明区上车测试${Date.now() % 10_000}`;
  const created = await callApi<{ id: string }>(stack, token, 'POST', '/api/trips', {
    originRegionCode: '520102',
    originName: origin,
    pickupPoints: [{ name: '南明区人社局门口' }],
    destinations: some.items[0].destinations.map((d) => ({
      enterpriseId: d.enterpriseId,
      dropPoint: d.dropPoint,
    })),
    departureAt: new Date(Date.now() + 2 * 3_600_000).toISOString(),
    vehicle: { plate: '贵A66666', seats: 45 },
    driver: { name: '周师傅' },
  });
  await callApi(stack, token, 'POST', `/api/trips/${created.id}/publish`);
  return origin;
}

function newPhone(name: string, options: Parameters<typeof phone>[2] = {}): MiniHost {
  const host = phone(stack, name, options);
  hosts.push(host);
  return host;
}

describe('weapp journeys in the mini-program host', () => {
  it('when a worker signs in with WeChat, checks in, books and shows the code, then the marshal scans and boards them', async () => {
    const origin = await tripBoardingNow();
    const worker = newPhone('worker');
    // Signed out, the home page sends the person to sign in: WeChat one-tap in the mini-program.
    let page = await worker.launch();
    expect(page.route).toBe('pages/login/index');
    await page.tap('微信一键登录');
    page = await worker.waitFor('健康打卡', 'pages/home/index');

    await page.tap(tile(page, '健康打卡'));
    page = await worker.waitFor('提交打卡', 'pages/checkin/index');
    await page.input('例如 36.5', '36.5');
    await page.tap(page.byClass('w-chips__chip').find((chip) => /^绿码$/.test(chipText(chip)))!);
    await page.tap('提交打卡');
    page = await worker.waitFor('绿码', 'pages/pass/index');

    page = await worker.tapTab('pages/home/index');
    await page.tap(tile(page, '找班车'));
    page = await worker.waitFor(/余座 \d+/, 'pages/trips/index');
    const row = page.byClass('w-row').find((r) => rowKey(r).includes(origin));
    expect(row).toBeDefined();
    // The trip as a row shows: route, departure and plate, then seats left (which booking changes).
    const tripKey = rowKey(row!);
    await page.tap(row!);
    page = await worker.waitFor('预订座位', 'pages/trip-detail/index');
    const tripId = worker.current().instance.options.id;
    expect(tripId).toMatch(/^[0-9a-f]{24}$/);
    await page.tap('预订座位');
    page = await worker.waitFor('预订成功', 'pages/booking/index');
    expect(worker.modals.at(-1)?.title).toMatch(/预订|确认/);
    await page.tap('查看上车码');
    // A booking's code is the offline boarding code: fetched once, valid in the boarding window.
    page = await worker.waitFor(/上车后或取消预订后失效/, 'pages/pass/index');
    expect(page.text()).toContain('无网络也可用');
    // The QR on screen encodes the code the phone fetched; a scanner reads exactly that.
    const shown = worker.requests
      .filter((r) => r.url.includes('/boarding-token') && r.status >= 200 && r.status < 300)
      .at(-1);
    const code = (shown?.data as { token?: string } | undefined)?.token;
    expect(code).toEqual(expect.any(String));
    expectNoProblems(worker);

    // The marshal's roles belong to the phone the command registered: in WeChat they sign in
    // with wx.login and let WeChat vouch for that phone (getPhoneNumber → 允许).
    const marshal = newPhone('marshal', {
      script: {
        scanResult: () => code!,
        phoneNumberCode: () => (marshalPhoneCode = stack.wechat.issuePhoneCode(MARSHAL_PHONE)),
      },
    });
    page = await marshal.launch();
    expect(page.route).toBe('pages/login/index');
    await page.tap('工作人员：微信手机号登录');
    // The phone number is a privacy interface: WeChat holds the tap until the marshal agrees.
    page = await marshal.waitFor('隐私保护提示');
    expect(page.text()).toContain('用微信手机号登录要读取您在微信绑定的手机号');
    await page.tap(/^同意$/);
    page = await marshal.waitFor('上车核验', 'pages/home/index');
    expect(marshal.privacyAgreed).toBe(true);
    const bind = marshal.requests.find((r) => r.url.endsWith('/api/auth/phone/wechat'));
    expect(bind?.status).toBe(200);
    // The WeChat account was merged into the phone's: its roles (a worker's too: roles are the union).
    expect(signedInUser(marshal)).toMatchObject({ phoneMasked: '138****0005' });
    expect(signedInUser(marshal)?.roles).toContain('transport');
    // The openid is now the phone account's: a later wx.login of this WeChat user is the marshal.
    const again = await signInAsWechatUser(stack, 'host-marshal');
    expect(again).toMatchObject({ phoneMasked: '138****0005' });
    expect(again.roles).toContain('transport');

    page = await marshal.launch();
    page = await marshal.waitFor('上车核验', 'pages/home/index');
    await page.tap('上车核验');
    page = await marshal.waitFor('选择要核验的班次', 'transport/pages/marshal-scan/index');
    const marshalRow = page.byClass('w-row').find((r) => rowKey(r) === tripKey);
    expect(marshalRow).toBeDefined();
    await page.tap(marshalRow!);
    page = await marshal.waitFor('扫描上车码', 'transport/pages/marshal-scan/index');

    // Consent to the privacy guide covers the camera too: the scan goes straight to WeChat.
    await page.tap('扫描上车码');
    page = await marshal.waitUntil(
      (p) => p.prop(p.byPlaceholder('扫码结果（或粘贴上车码）')!, 'value') === code,
      'the scanned code in the 上车码 box',
    );
    expect(page.byText('隐私保护提示')).toBeNull();

    await page.input('例如 36.5', '36.4');
    await page.tap('核验上车');
    page = await marshal.waitFor('核验通过');
    expect(page.text()).toMatch(/36\.4 ℃/);
    expectNoProblems(marshal);

    // Back on the worker's phone, the trip now shows as boarded.
    page = await worker.tapTab('pages/home/index');
    await page.tap(tile(page, '我的行程'));
    page = await worker.waitFor('已上车', 'pages/my-bookings/index');
    expectNoProblems(worker);
  });

  it('when the phone-number code was already used, then the login page says so in Chinese and the person stays a plain worker', async () => {
    expect(marshalPhoneCode).toMatch(/^phone-/);
    // WeChat's codes work once: a second exchange of the marshal's code is refused (40029).
    const reused = newPhone('reused-code', { script: { phoneNumberCode: () => marshalPhoneCode } });
    let page = await reused.launch();
    await page.tap('工作人员：微信手机号登录');
    page = await reused.waitFor('隐私保护提示');
    await page.tap(/^同意$/);
    page = await reused.waitFor('手机号授权已失效', 'pages/login/index');
    expect(page.text()).toContain('手机号授权已失效，请重新点击按钮授权手机号');
    const bind = reused.requests.find((r) => r.url.endsWith('/api/auth/phone/wechat'));
    expect(bind?.status).toBeGreaterThanOrEqual(400);
    expect(bind?.status).toBeLessThan(500);
    // Nobody is signed in on the phone yet; the WeChat account the BFF made is a plain worker's,
    // as 微信一键登录 on the same phone (the same openid) shows.
    expect(signedInUser(reused)).toBeUndefined();
    await page.tap('微信一键登录');
    page = await reused.waitFor('健康打卡', 'pages/home/index');
    expect(signedInUser(reused)).toMatchObject({ phoneMasked: null, roles: ['worker'] });
    expect(page.text()).not.toContain('上车核验');
    expectNoProblems(reused);
  });

  it('when the marshal declines the privacy prompt, then the camera stays closed and nothing crashes', async () => {
    const marshal = newPhone('marshal-declines', { script: { scanResult: () => 'never-read' } });
    await signInStaff(stack, marshal, '13800000005');
    await marshal.launch();
    let page = await marshal.waitFor('上车核验', 'pages/home/index');
    await page.tap('上车核验');
    page = await marshal.waitFor('选择要核验的班次', 'transport/pages/marshal-scan/index');
    await page.tap(page.byClass('w-row')[0]);
    page = await marshal.waitFor('扫描上车码');
    await page.tap('扫描上车码');
    page = await marshal.waitFor('隐私保护提示');
    await page.tap(/^拒绝$/);
    await marshal.idle();
    page = marshal.current();
    expect(page.byText('隐私保护提示')).toBeNull();
    expect(page.text()).not.toContain('never-read');
    expect(marshal.privacyAgreed).toBe(false);
    expectNoProblems(marshal);
  });
});

/** A trip row's route and departure line (not its seat count). */
describe('weapp app hygiene in the mini-program host', () => {
  it('when WeChat has downloaded a new version, then the person is asked in Chinese and 重启 applies it', async () => {
    const host = newPhone('updater');
    await host.launch();
    expect(host.updateReadyListeners).toHaveLength(1);
    host.later(host.updateReadyListeners[0]);
    await host.idle();
    expect(host.modals.at(-1)).toEqual({
      title: '发现新版本',
      content: '新版本已经下载好，重启后即可使用。现在重启小程序吗？',
    });
    expect(host.updateApplied).toBe(true);
    expectNoProblems(host);
  });

  it('when the person taps 稍后 on the update prompt, then the update waits', async () => {
    const host = newPhone('later', { script: { confirmModal: () => false } });
    await host.launch();
    host.later(host.updateReadyListeners[0]);
    await host.idle();
    expect(host.modals.at(-1)?.title).toBe('发现新版本');
    expect(host.updateApplied).toBe(false);
    expect(host.privacyListeners).toHaveLength(1);
    expectNoProblems(host);
  });
});

/** What the BFF answers a fresh wx.login code of `person` (the fake maps it to their openid). */
async function signInAsWechatUser(
  on: Stack,
  person: string,
): Promise<{ phoneMasked: string | null; roles: string[] }> {
  const res = await fetch(`${on.apiUrl}/api/auth/login/wechat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: `${person}.again-${Date.now()}` }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { user: { phoneMasked: string | null; roles: string[] } }).user;
}

/** The signed-in person as the app keeps them on the phone (its session storage). */
function signedInUser(host: MiniHost): { phoneMasked?: string | null; roles?: string[] } | undefined {
  const raw = host.storage.get('fugong.session.v1');
  return typeof raw === 'string' ? (JSON.parse(raw) as { user: Record<string, never> }).user : undefined;
}

function rowKey(row: { cn?: unknown[] }): string {
  return ((row.cn ?? []) as { cl?: string; cn?: unknown[] }[])
    .filter((c) => c.cl === 'w-row__title' || c.cl === 'w-muted')
    .map((c) => chipText(c))
    .join(' | ');
}

/** A home tile by its title (the home's today cards name the same things: 健康打卡, 我的行程). */
function tile(page: { byClass(name: string): TaroNode[] }, title: string): TaroNode {
  const found = page.byClass('tile-grid__title').find((t) => chipText(t as { cn?: unknown[] }) === title);
  if (!found) throw new Error(`no home tile ${title}`);
  return found;
}

function chipText(node: { cn?: unknown[] }): string {
  const parts: string[] = [];
  const walk = (n: { v?: unknown; cn?: unknown[] }) => {
    if (typeof n.v === 'string') parts.push(n.v);
    for (const c of n.cn ?? []) walk(c as { v?: unknown; cn?: unknown[] });
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
