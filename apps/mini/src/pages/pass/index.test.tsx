import { act, render, screen } from '@testing-library/react';
import { installFakeApi, sessionFor } from '../../../test-support/fake-api';
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
  }, 10_000);
});
