import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setRouterParams } from '../../../../test-support/taro';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { saveSession } from '../../../services/session-vault';
import { divisionsReply } from '../../../../test-support/fixtures';
import CharterFormPage from './index';

const FIRM = '64b7f0c2a1b2c3d4e5f60799';
const OTHER = '64b7f0c2a1b2c3d4e5f60788';
const flush = () =>
  act(async () => {
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
  });
const open = {
  id: OTHER,
  ownerEnterpriseId: OTHER,
  originRegionCode: '520102',
  originName: '贵阳市南明区',
  pickupPoint: '贵阳火车站',
  earliestArrival: '2026-03-10',
  latestArrival: '2026-03-12',
  destinationRegionCode: '330281',
  totalWorkers: 20,
  participants: [
    { enterpriseId: OTHER, enterpriseName: '甲厂', workers: 20, joinedAt: '2026-03-01T00:00:00.000Z' },
  ],
  note: '',
  state: 'open',
  tripIds: [],
  createdAt: '2026-03-01T00:00:00.000Z',
};

/** The firm's overview as the page reads it: only its size (规上 above, 规下 below) matters here. */
const overview = (size: 'above' | 'below') => ({
  enterprise: { id: FIRM, name: '本厂', size },
  stewardName: null,
  lastVisitAt: null,
  openIssues: 0,
  overdueIssues: 0,
  todayReported: true,
});

/** Taps 省 → 市 → 县 in the cascader, as a liaison does. */
async function pickRegion(names: string[]) {
  fireEvent.click(screen.getByText('请选择省、市、县（区）'));
  for (const name of names) {
    await flush();
    fireEvent.click(screen.getByText(name));
  }
  await flush();
}

/** Turns the date wheel to `day`. */
const pickDay = (label: string, day: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value: day } });

/** Fills the request as a liaison does (30 people from 贵阳市南明区), with its arrival days, and sends it. */
async function requestCharter(earliest: string, latest: string) {
  const fill = (placeholder: string, value: string) =>
    fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });
  fill('人数', '30');
  fill('如 贵阳市南明区', '贵阳市南明区');
  await pickRegion(['贵州省', '贵阳市', '南明区']);
  fill('如 贵阳火车站东广场', '贵阳火车站东广场');
  pickDay('请选择最早到厂日期', earliest);
  pickDay('请选择最晚到厂日期', latest);
  fireEvent.click(screen.getByText('提交包车需求'));
  await flush();
}

beforeEach(() => {
  saveSession(sessionFor(['liaison']));
  setRouterParams({ enterpriseId: FIRM });
  Object.assign(Taro, { navigateBack: jest.fn(async () => ({})) });
});

describe('包车需求 page', () => {
  it('when the form is filled, then the request is sent for the firm with the typed numbers', async () => {
    const api = installFakeApi({
      'GET /api/charters': { status: 200, body: { items: [] } },
      'POST /api/charters': { status: 201, body: open },
      'GET /api/divisions': divisionsReply,
    });
    render(<CharterFormPage />);
    await requestCharter('2026-03-10', '2026-03-12');
    const post = api.calls.find((c) => c.method === 'POST');
    expect(post?.data).toMatchObject({
      enterpriseId: FIRM,
      workers: 30,
      originRegionCode: '520102',
      earliestArrival: '2026-03-10',
      latestArrival: '2026-03-12',
    });
    expect(Taro.navigateBack).toHaveBeenCalled();
  });

  it('when the latest day is before the earliest, then the field says so and nothing is sent', async () => {
    const api = installFakeApi({
      'GET /api/charters': { status: 200, body: { items: [] } },
      'GET /api/divisions': divisionsReply,
    });
    render(<CharterFormPage />);
    await requestCharter('2026-03-12', '2026-03-10');
    expect(screen.getByText('最晚到达日期不能早于最早到达日期')).toBeTruthy();
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it("when another firm's request is open, then the small firm can join it with its own head count", async () => {
    const api = installFakeApi({
      'GET /api/charters': { status: 200, body: { items: [open] } },
      [`POST /api/charters/${OTHER}/join`]: { status: 200, body: open },
      [`GET /api/enterprises/${FIRM}/overview`]: { status: 200, body: overview('below') },
    });
    render(<CharterFormPage />);
    await flush();
    expect(screen.getByText('已有 1 家企业 20 人', { exact: false })).toBeTruthy();
    fireEvent.change(screen.getByPlaceholderText('本企业加入人数（贵阳市南明区）'), {
      target: { value: '8' },
    });
    fireEvent.click(screen.getByText('加入'));
    await flush();
    expect(api.calls.find((c) => c.path.endsWith('/join'))?.data).toEqual({
      enterpriseId: FIRM,
      workers: 8,
      namedStaff: [],
    });
  });

  it('when the firm is 规上, then the 抱团 offer is not shown (the server would refuse the join)', async () => {
    installFakeApi({
      'GET /api/charters': { status: 200, body: { items: [open] } },
      [`GET /api/enterprises/${FIRM}/overview`]: { status: 200, body: overview('above') },
    });
    render(<CharterFormPage />);
    await flush();
    expect(screen.queryByText('已有 1 家企业 20 人', { exact: false })).toBeNull();
  });
});
