import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { downloadFile } from '../../../platform';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { setRouterParams } from '../../../../test-support/taro';
import { saveSession } from '../../../services/session-vault';
import { MANIFEST_ROW, TRIP } from '../../../../test-support/fixtures';
import ManifestPage from './index';

jest.mock('../../../platform', () => ({
  ...jest.requireActual('../../../platform'),
  downloadFile: jest.fn(async () => undefined),
}));

const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i += 1) await Promise.resolve();
  });

/** The page of a trip with one passenger, drawn. */
async function openOneRowManifest() {
  setRouterParams({ tripId: TRIP.id });
  installFakeApi({
    [`GET /api/trips/${TRIP.id}/manifest`]: {
      status: 200,
      body: { tripId: TRIP.id, capacity: 22, bookedCount: 1, boardedCount: 0, rows: [MANIFEST_ROW] },
    },
  });
  render(<ManifestPage />);
  await flush();
}

describe('manifest page', () => {
  beforeEach(() => saveSession(sessionFor(['transport'])));

  it('when a trip has passengers, then seat, temperature and flags are listed with masked phones', async () => {
    setRouterParams({ tripId: TRIP.id });
    const rows = [
      {
        bookingId: 'b1',
        workerId: 'w1',
        name: '张建国',
        phoneMasked: '138****0001',
        idNumberMasked: null,
        status: 'boarded',
        pickupPoint: '贵阳北站',
        seatNo: 1,
        boardingTemperature: 36.4,
        boardedAt: '2026-03-03T22:40:00Z',
        flag: null,
      },
      {
        bookingId: 'b2',
        workerId: 'w2',
        name: '李四',
        phoneMasked: '139****0002',
        idNumberMasked: null,
        status: 'confirmed',
        pickupPoint: '贵阳北站',
        seatNo: null,
        boardingTemperature: null,
        boardedAt: null,
        flag: {
          color: 'red',
          reasons: [{ code: 'FEVER', color: 'red', message: '体温 38.0 ℃' }],
          at: '2026-03-03T20:00:00Z',
        },
      },
    ];
    installFakeApi({
      [`GET /api/trips/${TRIP.id}/manifest`]: {
        status: 200,
        body: { tripId: TRIP.id, capacity: 22, bookedCount: 2, boardedCount: 1, rows },
      },
    });
    render(<ManifestPage />);
    await flush();
    expect(screen.getByText(/1 号 张建国 138\*\*\*\*0001/)).toBeTruthy();
    expect(screen.getByText(/06:40 上车 36.4 ℃/)).toBeTruthy();
    expect(screen.getByText('通行码异常：体温 38.0 ℃')).toBeTruthy();
  });

  it('when CSV or Excel is tapped, then the masked export of this trip is downloaded in that format', async () => {
    await openOneRowManifest();

    fireEvent.click(screen.getByText('导出 Excel（脱敏）'));
    await flush();
    fireEvent.click(screen.getByText('导出 CSV（脱敏）'));
    await flush();

    const paths = (downloadFile as jest.Mock).mock.calls.map((c) => [c[0], c[2]]);
    expect(paths).toEqual([
      [`/api/trips/${TRIP.id}/manifest/export?format=xlsx`, `乘客名单（脱敏）-${TRIP.id}.xlsx`],
      [`/api/trips/${TRIP.id}/manifest/export?format=csv`, `乘客名单（脱敏）-${TRIP.id}.csv`],
    ]);
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '脱敏名单已导出', icon: 'success' });
  });

  it('when the full list is asked, then a reason is required, confirmed, and sent with the download', async () => {
    await openOneRowManifest();
    fireEvent.click(screen.getByText('流调需要完整手机号、身份证号？'));
    fireEvent.click(screen.getByText('导出完整名单（CSV）'));
    await flush();
    expect(screen.getByText('请填写导出事由（至少 4 个字）')).toBeTruthy();
    expect(downloadFile).not.toHaveBeenCalled();

    fireEvent.change(screen.getByPlaceholderText(/流调溯源/), { target: { value: '流调溯源排查' } });
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false });
    fireEvent.click(screen.getByText('导出完整名单（CSV）'));
    await flush();
    expect(downloadFile).not.toHaveBeenCalled();

    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: true });
    fireEvent.click(screen.getByText('导出完整名单（CSV）'));
    await flush();
    expect((downloadFile as jest.Mock).mock.calls.map((c) => [c[0], c[2]])).toEqual([
      [
        `/api/trips/${TRIP.id}/manifest/export?format=csv&full=true&reason=${encodeURIComponent('流调溯源排查')}`,
        `乘客名单（完整）-${TRIP.id}.csv`,
      ],
    ]);
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '导出完整名单' }));
  });

  it('when no trip is chosen, then the trips are listed to choose from', async () => {
    setRouterParams({});
    installFakeApi({
      'GET /api/trips': { status: 200, body: { items: [TRIP], total: 1, page: 1, pageSize: 50 } },
    });
    render(<ManifestPage />);
    await flush();
    expect(screen.getByText('选择班次')).toBeTruthy();
    expect(screen.getByText(/贵阳市南明区 → 余姚市明州光电科技有限公司/)).toBeTruthy();
  });
});
