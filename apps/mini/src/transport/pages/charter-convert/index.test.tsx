import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { CharterRequest } from '@fugong/contracts';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { setRouterParams } from '../../../../test-support/taro';
import { saveSession } from '../../../services/session-vault';
import { TRIP } from '../../../../test-support/fixtures';
import { PAGES } from '../../../navigation';
import CharterConvertPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 8; i += 1) await Promise.resolve();
  });

const REQUEST: CharterRequest = {
  id: '65f0a1b2c3d4e5f6a7b8c9e1',
  ownerEnterpriseId: '65f0a1b2c3d4e5f6a7b8c9d1',
  originRegionCode: '520102',
  originName: '贵阳市南明区',
  pickupPoint: '贵阳火车站东广场',
  earliestArrival: '2099-03-06',
  latestArrival: '2099-03-08',
  destinationRegionCode: '330281',
  totalWorkers: 30,
  participants: [
    {
      enterpriseId: '65f0a1b2c3d4e5f6a7b8c9d1',
      enterpriseName: '余姚市明州光电科技有限公司',
      workers: 30,
      joinedAt: '2099-02-20T00:00:00Z',
    },
  ],
  note: '',
  state: 'open',
  tripIds: [],
  createdAt: '2099-02-20T00:00:00Z',
};
const DRAFT = {
  ...TRIP,
  id: '65f0a1b2c3d4e5f6a7b8c9f1',
  status: 'draft' as const,
  vehicle: { plate: '贵A88888', seats: 33 },
};

const field = (placeholder: string) => screen.getByPlaceholderText(placeholder);

describe('charter → trip conversion page', () => {
  beforeEach(() => saveSession(sessionFor(['transport'])));

  it('when no request is chosen, then open requests are listed by origin and day and one opens the conversion', async () => {
    setRouterParams({});
    installFakeApi({
      'GET /api/charters/groups': {
        status: 200,
        body: {
          groups: [
            {
              originRegionCode: '520102',
              originName: '贵阳市南明区',
              day: '2099-03-06',
              totalWorkers: 30,
              requests: [REQUEST],
            },
          ],
        },
      },
    });
    render(<CharterConvertPage />);
    await flush();
    expect(screen.getByText('贵阳市南明区 · 2099-03-06 起到厂')).toBeTruthy();
    expect(
      screen.getByText('余姚市明州光电科技有限公司 · 30 人 · 2099-03-06 至 2099-03-08 到厂'),
    ).toBeTruthy();
    fireEvent.click(screen.getByText('转为班次'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${PAGES.charterConvert}?ids=${REQUEST.id}` });
  });

  it('when there are no open requests, then the empty state says where they come from', async () => {
    setRouterParams({});
    installFakeApi({ 'GET /api/charters/groups': { status: 200, body: { groups: [] } } });
    render(<CharterConvertPage />);
    await flush();
    expect(screen.getByText('暂无待安排的包车需求')).toBeTruthy();
  });

  it('when a request is opened, then time and seats are prefilled from it, the conversion is confirmed, and a draft is published after its own confirmation', async () => {
    setRouterParams({ ids: REQUEST.id });
    const api = installFakeApi({
      [`GET /api/charters/${REQUEST.id}`]: { status: 200, body: REQUEST },
      'POST /api/charters/convert': {
        status: 201,
        body: { tripIds: [DRAFT.id], requests: [{ ...REQUEST, state: 'converted', tripIds: [DRAFT.id] }] },
      },
      [`GET /api/trips/${DRAFT.id}`]: { status: 200, body: DRAFT },
      [`POST /api/trips/${DRAFT.id}/publish`]: { status: 200, body: { ...DRAFT, status: 'published' } },
    });
    render(<CharterConvertPage />);
    await flush();
    expect((field('如 2026-03-06 07:00') as HTMLInputElement).value).toBe('2099-03-06 07:00');
    // At the default 50 % cap no common coach carries 30 in one trip (55 seats carry 27): two trips.
    expect((field('核定座位数') as HTMLInputElement).value).toBe('55');
    expect(screen.getByText('共 30 人，每班限载 27 人（55 座 × 50%），将生成 2 个草稿班次')).toBeTruthy();

    fireEvent.click(screen.getByText('转为草稿班次'));
    await flush();
    expect(screen.getByText('车牌号格式不正确')).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(field('如 贵A12345'), { target: { value: '贵a88888' } });
    fireEvent.change(field('司机姓名'), { target: { value: '杨师傅' } });
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false });
    fireEvent.click(screen.getByText('转为草稿班次'));
    await flush();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.click(screen.getByText('转为草稿班次'));
    await flush();
    const sent = api.calls.find((c) => c.path === '/api/charters/convert')!;
    expect(sent.data).toEqual({
      requestIds: [REQUEST.id],
      departureAt: '2099-03-06T07:00:00+08:00',
      vehicle: { plate: '贵A88888', seats: 55 },
      driver: { name: '杨师傅' },
      occupancyCapPct: 50,
    });
    expect(screen.getByText('已生成 1 个班次')).toBeTruthy();
    expect(screen.getByText('草稿')).toBeTruthy();

    fireEvent.click(screen.getByText('发布'));
    await flush();
    expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '发布班次' }));
    expect(api.calls.some((c) => c.path === `/api/trips/${DRAFT.id}/publish`)).toBe(true);
    expect(screen.getByText('已发布')).toBeTruthy();
  });

  it('when a request was already converted, then the form is not offered', async () => {
    setRouterParams({ ids: REQUEST.id });
    installFakeApi({
      [`GET /api/charters/${REQUEST.id}`]: { status: 200, body: { ...REQUEST, state: 'converted' } },
    });
    render(<CharterConvertPage />);
    await flush();
    expect(screen.getByText('其中 1 份需求已安排或已撤回，请返回列表重新选择。')).toBeTruthy();
    expect(screen.queryByText('转为草稿班次')).toBeNull();
  });
});
