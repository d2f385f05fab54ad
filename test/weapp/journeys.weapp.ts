/**
 * Real journeys on the built mini-program (dist/weapp) in the Node host, against a real BFF with
 * the demo data: a worker signs in with wx.login, checks in, books a seat on a published trip and
 * opens the boarding code; the transport officer opens 上车核验, agrees to the privacy prompt
 * WeChat raises for the camera, scans the worker's code and boards them. Every step is a tap or
 * an input event dispatched to the page's `eh` handler, as WeChat's templates do.
 */
import type { MiniHost } from './host/mini-host';
import type { TaroNode } from './host/tree';
import { expectNoProblems, phone, signInStaff, startStack, type Stack } from './support/stack';

let stack: Stack;
const hosts: MiniHost[] = [];

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  for (const host of hosts) host.dispose();
  await stack?.stop();
});

function newPhone(name: string, options: Parameters<typeof phone>[2] = {}): MiniHost {
  const host = phone(stack, name, options);
  hosts.push(host);
  return host;
}

describe('weapp journeys in the mini-program host', () => {
  it('when a worker signs in with WeChat, checks in, books and shows the code, then the marshal scans and boards them', async () => {
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
    const row = page.byClass('w-row')[0];
    // The trip as a row shows: route, departure and plate, then seats left (which booking changes).
    const tripKey = rowKey(row);
    await page.tap(row);
    page = await worker.waitFor('预订座位', 'pages/trip-detail/index');
    const tripId = worker.current().instance.options.id;
    expect(tripId).toMatch(/^[0-9a-f]{24}$/);
    await page.tap('预订座位');
    page = await worker.waitFor('预订成功', 'pages/booking/index');
    expect(worker.modals.at(-1)?.title).toMatch(/预订|确认/);
    await page.tap('查看上车码');
    page = await worker.waitFor(/截图无效/, 'pages/pass/index');
    // The QR on screen encodes the token the pass page fetched; a scanner reads exactly that.
    const shown = worker.requests.filter((r) => r.url.includes('/api/pass/token') && r.status === 200).at(-1);
    const code = (shown?.data as { token?: string } | undefined)?.token;
    expect(code).toEqual(expect.any(String));
    expectNoProblems(worker);

    const marshal = newPhone('marshal', { script: { scanResult: () => code! } });
    await signInStaff(stack, marshal, '13800000005');
    page = await marshal.launch();
    page = await marshal.waitFor('上车核验', 'pages/home/index');
    await page.tap('上车核验');
    page = await marshal.waitFor('选择要核验的班次', 'transport/pages/marshal-scan/index');
    const marshalRow = page.byClass('w-row').find((r) => rowKey(r) === tripKey);
    expect(marshalRow).toBeDefined();
    await page.tap(marshalRow!);
    page = await marshal.waitFor('扫描上车码', 'transport/pages/marshal-scan/index');

    // The first camera use is held by WeChat's privacy check until the marshal agrees.
    await page.tap('扫描上车码');
    page = await marshal.waitFor('隐私保护提示');
    expect(page.text()).toContain('扫描乘车码要使用相机');
    await page.tap(/^同意$/);
    page = await marshal.waitUntil(
      (p) => p.prop(p.byPlaceholder('扫码结果（或粘贴上车码）')!, 'value') === code,
      'the scanned code in the 上车码 box',
    );
    expect(marshal.privacyAgreed).toBe(true);
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
