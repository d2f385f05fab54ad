import { act, fireEvent, render, screen } from '@testing-library/react';
import { apiError, installFakeApi, sessionFor, type FakeReply } from '../../../../test-support/fake-api';
import { setRouterParams } from '../../../../test-support/taro';
import { saveSession } from '../../../services/session-vault';
import { MANIFEST_ROW, TRIP } from '../../../../test-support/fixtures';
import MarshalScanPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 8; i += 1) await Promise.resolve();
  });
const BOOKING = '65f0a1b2c3d4e5f6a7b8c9b1';
const CODE = `FGB1.${BOOKING}.${TRIP.id}.${'a'.repeat(32)}.abc.abd.signature`;
const trips = { status: 200, body: { items: [TRIP], total: 1, page: 1, pageSize: 50 } };
const boardings = `POST /api/trips/${TRIP.id}/boardings`;

async function scanWhile(reply: FakeReply) {
  const api = installFakeApi({ 'GET /api/trips': trips, [boardings]: reply });
  render(<MarshalScanPage />);
  await flush();
  fireEvent.change(screen.getByPlaceholderText('扫码结果（或粘贴上车码）'), { target: { value: CODE } });
  fireEvent.change(screen.getByPlaceholderText('例如 36.5'), { target: { value: '36.4' } });
  fireEvent.click(screen.getByText('核验上车'));
  return api;
}

describe('marshal boarding check without signal', () => {
  beforeEach(() => {
    saveSession(sessionFor(['transport']));
    setRouterParams({ tripId: TRIP.id });
  });

  it('when the scan finds no network, then it is kept on the phone and uploaded later with its scan time and one key per booking', async () => {
    await scanWhile({ fail: 'network' });
    expect(
      await screen.findByText('无网络：已保存本次扫码，联网后自动上传核验', undefined, { timeout: 8000 }),
    ).toBeTruthy();
    expect(screen.getByText(/待上传 1 条扫码记录/)).toBeTruthy();
    expect(screen.queryByText('核验通过')).toBeNull();

    const { calls } = installFakeApi({
      'GET /api/trips': trips,
      [boardings]: { status: 200, body: { row: { ...MANIFEST_ROW, name: '张建国' }, alreadyBoarded: false } },
    });
    fireEvent.click(screen.getByText('立即上传'));
    await flush();
    const sent = calls.filter((c) => c.method === 'POST');
    expect(sent).toHaveLength(1);
    expect(sent[0].header['Idempotency-Key']).toBe(`boarding-${BOOKING}`);
    expect(sent[0].data).toEqual({
      token: CODE,
      temperature: 36.4,
      scannedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(screen.getByText('张建国 已上车')).toBeTruthy();
    expect(screen.getByText('离线扫码已全部上传')).toBeTruthy();
  });

  it('when the phone reports its network back, then the kept scans upload by themselves, once each, however many reconnect events come', async () => {
    await scanWhile({ fail: 'network' });
    await screen.findByText(/待上传 1 条扫码记录/, undefined, { timeout: 8000 });
    const other = CODE.replace(BOOKING, '65f0a1b2c3d4e5f6a7b8c9b2');
    fireEvent.change(screen.getByPlaceholderText('扫码结果（或粘贴上车码）'), { target: { value: other } });
    fireEvent.change(screen.getByPlaceholderText('例如 36.5'), { target: { value: '36.6' } });
    fireEvent.click(screen.getByText('核验上车'));
    await screen.findByText(/待上传 2 条扫码记录/, undefined, { timeout: 8000 });

    const { calls } = installFakeApi({
      'GET /api/trips': trips,
      [boardings]: { status: 200, body: { row: { ...MANIFEST_ROW, name: '张建国' }, alreadyBoarded: false } },
    });
    await flush();
    // Nothing goes before the phone says the network is back.
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    // Wi-Fi and mobile data both come back: two events, one upload.
    act(() => {
      window.dispatchEvent(new Event('online'));
      window.dispatchEvent(new Event('online'));
    });
    await flush();
    await flush();

    const sent = calls.filter((c) => c.method === 'POST');
    expect(sent.map((c) => c.header['Idempotency-Key'])).toEqual([
      `boarding-${BOOKING}`,
      'boarding-65f0a1b2c3d4e5f6a7b8c9b2',
    ]);
    expect(screen.getByText('已上传 2 条')).toBeTruthy();
    expect(screen.getAllByText('张建国 已上车')).toHaveLength(2);
    expect(screen.getByText('离线扫码已全部上传')).toBeTruthy();
  });

  it('when a kept scan is refused on upload (the code was used already), then the marshal sees why', async () => {
    await scanWhile({ fail: 'network' });
    await screen.findByText(/待上传 1 条扫码记录/, undefined, { timeout: 8000 });
    installFakeApi({
      'GET /api/trips': trips,
      [boardings]: apiError(409, 'CONFLICT', '该上车码已使用，乘客已上车', { reason: 'ALREADY_BOARDED' }),
    });
    fireEvent.click(screen.getByText('立即上传'));
    await flush();
    expect(screen.getByText('不能上车：该上车码已使用，乘客已上车')).toBeTruthy();
    expect(screen.queryByText(/待上传/)).toBeNull();
  });
});
