import { act, fireEvent, render, screen } from '@testing-library/react';
import { apiError, installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { setRouterParams } from '../../../../test-support/taro';
import { saveSession } from '../../../services/session-vault';
import { TRIP } from '../../../../test-support/fixtures';
import MarshalScanPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i += 1) await Promise.resolve();
  });
const row = {
  bookingId: 'b1',
  workerId: 'w1',
  name: '张建国',
  phoneMasked: '138****0001',
  idNumberMasked: null,
  status: 'boarded',
  pickupPoint: 'x',
  seatNo: 3,
  boardingTemperature: 36.4,
  boardedAt: '2026-03-03T22:40:00Z',
  flag: null,
};

describe('marshal boarding check (H5: the scanned code goes in a text box)', () => {
  beforeEach(() => {
    saveSession(sessionFor(['transport']));
    setRouterParams({ tripId: TRIP.id });
  });

  it('when a valid code and a normal temperature are entered, then the passenger boards with a seat number', async () => {
    const { calls } = installFakeApi({
      'GET /api/trips': { status: 200, body: { items: [TRIP], total: 1, page: 1, pageSize: 50 } },
      [`POST /api/trips/${TRIP.id}/boardings`]: { status: 200, body: { row, alreadyBoarded: false } },
    });
    render(<MarshalScanPage />);
    await flush();
    expect(screen.queryByText('扫描上车码')).toBeNull();
    fireEvent.change(screen.getByPlaceholderText('扫码结果（或粘贴上车码）'), {
      target: { value: 'FG1.token' },
    });
    fireEvent.change(screen.getByPlaceholderText('例如 36.5'), { target: { value: '36.4' } });
    fireEvent.click(screen.getByText('核验上车'));
    await flush();
    expect(screen.getByText('核验通过')).toBeTruthy();
    expect(screen.getByText(/张建国 · 座位 3/)).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.data).toEqual({ token: 'FG1.token', temperature: 36.4 });
  });

  it('when the server refuses a red pass, then 不能上车 and every reason is shown', async () => {
    installFakeApi({
      'GET /api/trips': { status: 200, body: { items: [TRIP], total: 1, page: 1, pageSize: 50 } },
      [`POST /api/trips/${TRIP.id}/boardings`]: apiError(422, 'PASS_NOT_GREEN', '不能上车：健康码为红码', {
        reasons: [{ code: 'CODE_RED', color: 'red', message: '健康码为红码' }],
      }),
    });
    render(<MarshalScanPage />);
    await flush();
    fireEvent.change(screen.getByPlaceholderText('扫码结果（或粘贴上车码）'), {
      target: { value: 'FG1.token' },
    });
    fireEvent.change(screen.getByPlaceholderText('例如 36.5'), { target: { value: '36.4' } });
    fireEvent.click(screen.getByText('核验上车'));
    await flush();
    expect(screen.getByText('不能上车')).toBeTruthy();
    expect(screen.getByText('· 健康码为红码')).toBeTruthy();
  });
});
