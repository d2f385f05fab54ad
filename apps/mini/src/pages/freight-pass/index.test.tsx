import { act, fireEvent, render, screen } from '@testing-library/react';
import { apiError, installFakeApi, sessionFor } from '../../../test-support/fake-api';
import { setRouterParams } from '../../../test-support/taro';
import { saveSession } from '../../services/session-vault';
import { freightPass, freightToken } from '../../../test-support/freight-fixtures';
import FreightPassPage from './index';

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  ...jest.requireActual('@tarojs/taro'),
  useDidHide: () => undefined,
}));

const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i += 1) await Promise.resolve();
  });
const PASS = freightPass();
const TOKEN_PATH = `GET /api/freight-passes/${PASS.id}/token`;

describe('the driver’s freight pass QR', () => {
  beforeEach(() => saveSession(sessionFor(['worker'])));
  afterEach(() => {
    jest.useRealTimers();
    setRouterParams({});
  });

  it('when the driver picks their pass, then the big plate and the server’s QR are shown with “截图无效”', async () => {
    setRouterParams({});
    const code = freightToken();
    installFakeApi({
      'GET /api/freight-passes/driving': { status: 200, body: { items: [PASS] } },
      [TOKEN_PATH]: { status: 200, body: code },
    });
    render(<FreightPassPage />);
    await flush();
    fireEvent.click(screen.getByText(/浙B12345D · 防疫物资/));
    await flush();
    expect(document.querySelector('img')!.getAttribute('src')).toBe(code.qrDataUrl);
    expect(screen.getByText(/截图无效/)).toBeTruthy();
  });

  it('when a minute passes, then a fresh code replaces the old one', async () => {
    jest.useFakeTimers();
    setRouterParams({ id: PASS.id });
    const [a, b] = [freightToken(), freightToken()];
    installFakeApi({
      [TOKEN_PATH]: [
        { status: 200, body: a },
        { status: 200, body: b },
      ],
    });
    render(<FreightPassPage />);
    await flush();
    expect(document.querySelector('img')!.getAttribute('src')).toBe(a.qrDataUrl);
    await act(async () => {
      jest.advanceTimersByTime(60_000);
    });
    await flush();
    expect(document.querySelector('img')!.getAttribute('src')).toBe(b.qrDataUrl);
  });

  it('when the pass was revoked, then no code is shown and the server’s reason is', async () => {
    setRouterParams({ id: PASS.id });
    installFakeApi({ [TOKEN_PATH]: apiError(422, 'BUSINESS_RULE', '通行证已被撤销，不能出示') });
    render(<FreightPassPage />);
    await flush();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('通行证已被撤销，不能出示')).toBeTruthy();
  });
});
