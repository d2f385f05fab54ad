import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { saveSession } from '../../../services/session-vault';
import { TRIP, divisionsReply } from '../../../../test-support/fixtures';
import TripFormPage from './index';

const FIRM = { id: '65f0a1b2c3d4e5f6a7b8c9d1', name: '余姚市明州光电科技有限公司', regionCode: '330281' };
const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i += 1) await Promise.resolve();
  });
const fill = (placeholder: string, value: string) =>
  fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });

beforeEach(() => {
  saveSession(sessionFor(['transport']));
  Object.assign(Taro, { navigateBack: jest.fn(async () => ({})) });
});

describe('新建班次 page', () => {
  it('when the form is filled, then a draft is sent with the chosen firm, China-time departure and typed numbers', async () => {
    const api = installFakeApi({
      'GET /api/enterprises/directory': { status: 200, body: { items: [FIRM] } },
      'POST /api/trips': { status: 201, body: { ...TRIP, status: 'draft' } },
      'GET /api/divisions': divisionsReply,
    });
    render(<TripFormPage />);
    await flush();
    fill('如 贵阳市南明区', '贵阳市南明区');
    fireEvent.click(screen.getByText('请选择省、市、县（区）'));
    for (const name of ['贵州省', '贵阳市', '南明区']) {
      await flush();
      fireEvent.click(screen.getByText(name));
    }
    await flush();
    fill('多个上车点用顿号“、”分隔', '南明区人社局门口、贵阳北站');
    fill('如 2026-03-06 07:00', '2026-03-06 07:00');
    fill('如 贵A12345', '贵a3m521');
    fill('核定座位数', '45');
    fill('司机姓名', '王师傅');
    expect(screen.getByText('限载 22 人（45 座 × 客座率 50%）')).toBeTruthy();
    fireEvent.click(screen.getByText(FIRM.name));
    fireEvent.click(screen.getByText('保存草稿'));
    await flush();

    expect(api.calls.find((c) => c.method === 'POST')?.data).toEqual({
      originName: '贵阳市南明区',
      originRegionCode: '520102',
      pickupPoints: [{ name: '南明区人社局门口' }, { name: '贵阳北站' }],
      destinations: [{ enterpriseId: FIRM.id, dropPoint: '厂区正门' }],
      departureAt: '2026-03-06T07:00:00+08:00',
      vehicle: { plate: '贵A3M521', seats: 45 },
      driver: { name: '王师傅' },
      occupancyCapPct: 50,
    });
    expect(Taro.navigateBack).toHaveBeenCalled();
  });

  it('when fields are missing or malformed, then their messages show and nothing is sent', async () => {
    const api = installFakeApi({
      'GET /api/enterprises/directory': { status: 200, body: { items: [FIRM] } },
    });
    render(<TripFormPage />);
    await flush();
    fill('如 2026-03-06 07:00', '明天早上');
    fireEvent.click(screen.getByText('保存草稿'));
    await flush();

    expect(screen.getByText('时间格式不正确')).toBeTruthy();
    expect(screen.getByText('至少一个目的企业')).toBeTruthy();
    expect(screen.getByText('请填写出发地')).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
  });
});
