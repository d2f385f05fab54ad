import { act, fireEvent, render, screen } from '@testing-library/react';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { getSession, saveSession } from '../../../services/session-vault';
import EnterpriseHomePage from './index';

const FIRM = '64b7f0c2a1b2c3d4e5f60799';
const flush = () =>
  act(async () => {
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
  });
const overview = {
  enterprise: {
    id: FIRM,
    name: '余姚市明州光电科技有限公司',
    creditCode: '91330281MA2D000019',
    industry: '光学仪器',
    size: 'above',
    regionCode: '330281',
    address: '余姚市',
    headcount: 1200,
  },
  stewardName: '王立新',
  lastVisitAt: null,
  openIssues: 0,
  overdueIssues: 0,
  todayReported: false,
};

describe('企业首页 page', () => {
  it("when the liaison's firm loads, then today's report status, the steward and empty lists are shown", async () => {
    const s = sessionFor(['liaison']);
    saveSession({ ...s, user: { ...s.user, enterpriseId: FIRM } });
    installFakeApi({
      [`GET /api/enterprises/${FIRM}/overview`]: { status: 200, body: overview },
      'GET /api/issues': { status: 200, body: { items: [], total: 0, page: 1, pageSize: 50 } },
      'GET /api/charters': { status: 200, body: { items: [] } },
    });
    render(<EnterpriseHomePage />);
    await flush();
    expect(screen.getByText('余姚市明州光电科技有限公司')).toBeTruthy();
    expect(screen.getByText('今日复工进度：未填报')).toBeTruthy();
    expect(screen.getByText('复工管家：王立新')).toBeTruthy();
    expect(screen.getByText('暂无待解决问题')).toBeTruthy();
    expect(screen.getByText('填报今日进度')).toBeTruthy();
  });

  it('when the account has no firm yet, then an invite code binds it and the session is renewed with the firm', async () => {
    saveSession(sessionFor(['worker']));
    const renewed = sessionFor(['worker', 'liaison'], { token: 'access-token-2' });
    const api = installFakeApi({
      'POST /api/enterprises/bind': {
        status: 200,
        body: { enterprise: overview.enterprise, refreshSession: true },
      },
      'POST /api/auth/refresh': {
        status: 200,
        body: { ...renewed, user: { ...renewed.user, enterpriseId: FIRM } },
      },
      [`GET /api/enterprises/${FIRM}/overview`]: { status: 200, body: overview },
      'GET /api/issues': { status: 200, body: { items: [], total: 0, page: 1, pageSize: 50 } },
      'GET /api/charters': { status: 200, body: { items: [] } },
    });
    render(<EnterpriseHomePage />);
    fireEvent.change(screen.getByPlaceholderText('企业邀请码'), { target: { value: 'ABCD2345' } });
    fireEvent.click(screen.getByText('绑定'));
    await flush();
    expect(api.calls.find((c) => c.path === '/api/enterprises/bind')?.data).toEqual({
      inviteCode: 'ABCD2345',
    });
    expect(getSession()?.user.enterpriseId).toBe(FIRM);
    await flush();
    expect(screen.getByText('余姚市明州光电科技有限公司')).toBeTruthy();
  });

  it('when the network is down on first load, then the offline state offers a retry', async () => {
    jest.useFakeTimers();
    const s = sessionFor(['liaison']);
    saveSession({ ...s, user: { ...s.user, enterpriseId: FIRM } });
    installFakeApi({
      [`GET /api/enterprises/${FIRM}/overview`]: { fail: 'network' },
      'GET /api/issues': { fail: 'network' },
      'GET /api/charters': { fail: 'network' },
    });
    render(<EnterpriseHomePage />);
    await act(async () => {
      await jest.runAllTimersAsync();
    });
    jest.useRealTimers();
    expect(screen.getByText('网络不给力')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });
});
