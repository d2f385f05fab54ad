import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { divisionsReply } from '../../../../test-support/fixtures';
import { apiError, installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { application } from '../../../../test-support/labour-fixtures';
import { setRouterParams } from '../../../../test-support/taro';
import { saveSession } from '../../../services/session-vault';
import WayTherePage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i += 1) await Promise.resolve();
  });
const A = application().id;
const TRIP = '64b7f0c2a1b2c3d4e5f60f11';
const way = (over: Record<string, unknown> = {}) => ({
  applicationId: A,
  enterpriseName: '余姚舜宇光学',
  homeRegionCode: '520102',
  trips: [
    {
      id: TRIP,
      departureAt: '2026-03-18T00:30:00.000Z',
      originText: '贵阳南明区客运站',
      destinationText: '舜宇光学东门',
      seatsLeft: 12,
    },
  ],
  charterBus: false,
  ...over,
});

beforeEach(() => {
  saveSession(sessionFor(['worker']));
  setRouterParams({ id: A });
});

describe('返岗车次 page (后到岗)', () => {
  it('when the hired worker opens it, then the trips from home to the firm show, and tapping one opens it for booking', async () => {
    const api = installFakeApi({
      'GET /api/divisions': divisionsReply,
      [`GET /api/labour/applications/${A}/way-there`]: { status: 200, body: way() },
    });
    render(<WayTherePage />);
    await flush();
    expect(api.calls[0].path).toBe(`/api/labour/applications/${A}/way-there`);
    expect(screen.getByText('前往 余姚舜宇光学')).toBeTruthy();
    expect(screen.getByText('贵阳南明区客运站 → 舜宇光学东门')).toBeTruthy();
    expect(screen.getByText('2026-03-18 08:30 发车 · 余 12 座')).toBeTruthy();
    fireEvent.click(screen.getByText('贵阳南明区客运站 → 舜宇光学东门'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/trip-detail/index?id=${TRIP}` });
  });

  it('when the firm takes new hires on its charter bus and no trip is published, then the worker is told they are on its list', async () => {
    installFakeApi({
      'GET /api/divisions': divisionsReply,
      [`GET /api/labour/applications/${A}/way-there`]: {
        status: 200,
        body: way({ trips: [], charterBus: true }),
      },
    });
    render(<WayTherePage />);
    await flush();
    expect(
      screen.getByText('企业安排包车接新员工：您已在企业的返岗名单中，联络员会通知乘车时间和地点'),
    ).toBeTruthy();
    expect(screen.getByText('暂无公开车次，请等待企业包车通知')).toBeTruthy();
  });

  it('when the application is not yet hired, then the page fails to load instead of showing trips', async () => {
    installFakeApi({
      [`GET /api/labour/applications/${A}/way-there`]: apiError(
        422,
        'BUSINESS_RULE',
        '定岗后才能查看返岗车次',
      ),
    });
    render(<WayTherePage />);
    await flush();
    expect(screen.getByText('加载失败')).toBeTruthy();
  });
});
