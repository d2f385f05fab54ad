import { act, render, screen } from '@testing-library/react';
import type { BoardingToken } from '@fugong/contracts';
import { apiError, installFakeApi, sessionFor } from '../../../test-support/fake-api';
import { setRouterParams } from '../../../test-support/taro';
import { saveSession } from '../../services/session-vault';
import { passToken } from '../../../test-support/fixtures';
import { readShownQr } from '../../../test-support/qr-reader';
import PassPage from './index';

// The shared Taro double has no useDidHide; hiding the page is not what these tests are about.
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  ...jest.requireActual('@tarojs/taro'),
  useDidHide: () => undefined,
}));

const flush = () =>
  act(async () => {
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  });

describe('pass page', () => {
  beforeEach(() => saveSession(sessionFor(['worker'])));
  afterEach(() => jest.useRealTimers());

  it('when the pass is green, then a QR that scans as the signed token is shown with its countdown', async () => {
    const first = passToken('green');
    installFakeApi({ 'GET /api/pass/token': { status: 200, body: first } });
    render(<PassPage />);
    await flush();
    expect(screen.getByText('绿码')).toBeTruthy();
    expect(readShownQr()).toBe(first.token);
    expect(screen.getByText(/截图无效/)).toBeTruthy();
  });

  it('when a minute passes, then a fresh code replaces the old one', async () => {
    jest.useFakeTimers();
    const [a, b] = [passToken(), passToken()];
    installFakeApi({
      'GET /api/pass/token': [
        { status: 200, body: a },
        { status: 200, body: b },
      ],
    });
    render(<PassPage />);
    await flush();
    expect(readShownQr()).toBe(a.token);
    await act(async () => {
      jest.advanceTimersByTime(60_000);
    });
    await flush();
    expect(readShownQr()).toBe(b.token);
  });

  it('when no fresh code can be fetched and the old one expires, then the QR is hidden', async () => {
    jest.useFakeTimers();
    installFakeApi({
      'GET /api/pass/token': [{ status: 200, body: passToken('green', 5) }, { fail: 'network' }],
    });
    render(<PassPage />);
    await flush();
    expect(document.querySelector('.qr')).not.toBeNull();
    await act(async () => {
      jest.advanceTimersByTime(6_000);
    });
    expect(document.querySelector('.qr')).toBeNull();
    expect(screen.getByText(/二维码已过期/)).toBeTruthy();
  });

  it('when the pass is red, then the reasons and the way to check in are shown', async () => {
    installFakeApi({ 'GET /api/pass/token': { status: 200, body: passToken('red') } });
    render(<PassPage />);
    await flush();
    expect(screen.getByText('红码')).toBeTruthy();
    expect(screen.getByText(/体温 37.8/)).toBeTruthy();
    expect(screen.getByText('去打卡')).toBeTruthy();
  });

  it('when the phone is offline at first, then the offline state with retry is shown', async () => {
    installFakeApi({ 'GET /api/pass/token': { fail: 'network' } });
    render(<PassPage />);
    await act(async () => {
      await new Promise((r) => setTimeout(r, 3000));
    });
    expect(screen.getAllByText(/网络不给力/).length).toBeGreaterThan(0);
  });

  it('when the colour was read online and the pass is opened again without signal, then that colour is shown marked 离线 with its time, without a QR', async () => {
    installFakeApi({ 'GET /api/pass/token': { status: 200, body: passToken('red') } });
    render(<PassPage />).unmount();
    await flush();

    installFakeApi({ 'GET /api/pass/token': { fail: 'network' } });
    render(<PassPage />);
    const badge = await screen.findByText(/^离线 · \d{2}-\d{2} \d{2}:\d{2} 联网时的颜色$/, undefined, {
      timeout: 8000,
    });
    expect(badge.closest('.w-pass')?.className).toContain('w-pass--red');
    expect(screen.getByText('红码')).toBeTruthy();
    expect(screen.getByText(/体温 37.8/)).toBeTruthy();
    expect(document.querySelector('.qr')).toBeNull();
  });
});

const BOOKING = '65f0a1b2c3d4e5f6a7b8c9b1';
const CODE: BoardingToken = {
  token: `FGB1.${BOOKING}.65f0a1b2c3d4e5f6a7b8c9d0.${'a'.repeat(32)}.abc.abd.signature`,
  bookingId: BOOKING,
  tripId: '65f0a1b2c3d4e5f6a7b8c9d0',
  // 04:00–08:00 China time on 03-04; fetched 21:30 the evening before.
  validFrom: '2099-03-03T20:00:00.000Z',
  validUntil: '2099-03-04T00:00:00.000Z',
  fetchedAt: '2099-03-03T13:30:00.000Z',
};
const codeRoute = `POST /api/bookings/${BOOKING}/boarding-token`;

describe('boarding code (pass page opened for a booking)', () => {
  beforeEach(() => {
    saveSession(sessionFor(['worker']));
    setRouterParams({ bookingId: BOOKING });
  });

  it('when online, then the offline code is fetched for this phone and shown with its window and fetch time', async () => {
    const api = installFakeApi({
      [codeRoute]: { status: 200, body: CODE },
      'GET /api/pass/token': { status: 200, body: passToken('green') },
    });
    render(<PassPage />);
    await flush();
    expect(readShownQr()).toBe(CODE.token);
    expect(screen.getByText('上车码 · 无网络也可用')).toBeTruthy();
    expect(screen.getByText('03-04 04:00 至 03-04 08:00 上车有效')).toBeTruthy();
    expect(screen.getByText('获取于 03-03 21:30，上车后或取消预订后失效')).toBeTruthy();
    const sent = api.calls.find((c) => c.path === `/api/bookings/${BOOKING}/boarding-token`)!;
    expect((sent.data as { deviceId: string }).deviceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('when the signal is gone later, then the code kept on the phone is shown, marked offline with its fetch time', async () => {
    installFakeApi({ [codeRoute]: { status: 200, body: CODE } });
    const online = render(<PassPage />);
    await flush();
    online.unmount();

    installFakeApi({ [codeRoute]: { fail: 'network' }, 'GET /api/pass/token': { fail: 'network' } });
    render(<PassPage />);
    // The request wrapper retries a failed read before giving up.
    expect(await screen.findByText('无网络 · 离线上车码', undefined, { timeout: 8000 })).toBeTruthy();
    expect(readShownQr()).toBe(CODE.token);
    expect(screen.getByText('获取于 03-03 21:30，上车后或取消预订后失效')).toBeTruthy();
    expect(screen.queryByText('二维码已过期，请连接网络后刷新')).toBeNull();
    expect(screen.getByText('有网络了？点此更新')).toBeTruthy();
  });

  it('when the signal is gone, then the boarding screen shows the pass colour kept from the last online read, marked 离线', async () => {
    installFakeApi({
      [codeRoute]: { status: 200, body: CODE },
      'GET /api/pass/token': { status: 200, body: passToken('red') },
    });
    render(<PassPage />).unmount();
    await flush();

    installFakeApi({ [codeRoute]: { fail: 'network' }, 'GET /api/pass/token': { fail: 'network' } });
    render(<PassPage />);
    await screen.findByText('无网络 · 离线上车码', undefined, { timeout: 8000 });
    const colour = screen.getByText('红码');
    expect(colour.closest('.w-pass')?.className).toContain('w-pass--red');
    expect(screen.getByText(/^离线 · \d{2}-\d{2} \d{2}:\d{2} 联网时的颜色$/)).toBeTruthy();
    expect(readShownQr()).toBe(CODE.token);
  });

  it('when the phone never fetched a code and has no signal, then it says to open it once online', async () => {
    installFakeApi({ [codeRoute]: { fail: 'network' }, 'GET /api/pass/token': { fail: 'network' } });
    render(<PassPage />);
    expect(
      await screen.findByText('请在有网络时打开一次，上车码会保存在本机', undefined, { timeout: 8000 }),
    ).toBeTruthy();
  });

  it('when the server refuses (the booking was cancelled), then the kept code is no longer shown', async () => {
    installFakeApi({ [codeRoute]: { status: 200, body: CODE } });
    render(<PassPage />).unmount();
    await flush();
    installFakeApi({
      [codeRoute]: apiError(422, 'BUSINESS_RULE', '该预订没有座位，无法生成上车码'),
      'GET /api/pass/token': { status: 200, body: passToken('green') },
    });
    render(<PassPage />);
    await flush();
    expect(screen.getByText('该预订没有座位，无法生成上车码')).toBeTruthy();
    expect(screen.queryByText('上车码 · 无网络也可用')).toBeNull();
  });
});
