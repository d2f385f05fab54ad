import { act, fireEvent, render, screen } from '@testing-library/react';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { saveSession } from '../../../services/session-vault';
import CallbacksPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 8; i += 1) await Promise.resolve();
  });

const FIRM = '65f0a1b2c3d4e5f6a7b8c9d1';
const STEWARD = '65f0a1b2c3d4e5f6a7b8c9d2';
const DUE = {
  status: 200,
  body: {
    days: 14,
    total: 1,
    items: [
      {
        enterpriseId: FIRM,
        enterpriseName: '阳明精密机械',
        stewardId: STEWARD,
        stewardName: '郑麒麟',
        lastCalledAt: null,
        daysSinceCall: null,
      },
    ],
  },
};
const SCORECARD = {
  status: 200,
  body: {
    days: 30,
    items: [
      {
        stewardId: STEWARD,
        stewardName: '郑麒麟',
        enterprises: 2,
        visits: 3,
        issuesRaised: 1,
        calls: 2,
        reached: 2,
        averageSatisfaction: 2.5,
        flags: { inaction: 0, obstruction: 0, slow: 1, misconduct: 0 },
      },
    ],
  },
};
const CREATED = {
  status: 201,
  body: {
    id: '65f0a1b2c3d4e5f6a7b8c9d3',
    enterpriseId: FIRM,
    stewardId: STEWARD,
    callerId: '64b7f0c2a1b2c3d4e5f60718',
    calledAt: '2027-03-01T01:00:00.000Z',
    reached: true,
    satisfaction: 2,
    remarks: '用工问题三次催办仍未答复',
    flags: ['slow'],
  },
};

const textarea = () => document.querySelector('textarea')!;

describe('电话回访 console page', () => {
  beforeEach(() => saveSession(sessionFor(['admin'])));

  it('when the supervisor records 慢作为 without saying what happened, then nothing is sent; with the facts, the call is saved with the script’s answers', async () => {
    const { calls } = installFakeApi({
      'GET /api/callbacks/due': DUE,
      'GET /api/callbacks/scorecard': SCORECARD,
      'POST /api/callbacks': CREATED,
    });
    render(<CallbacksPage />);
    await flush();
    expect(screen.getByText('管家：郑麒麟 · 从未回访')).toBeTruthy();
    fireEvent.click(screen.getByText('阳明精密机械'));
    expect(screen.getByText(/请从 1 到 5 分打分/)).toBeTruthy();
    fireEvent.click(screen.getByText('2 分'));
    fireEvent.click(screen.getByText('慢作为'));
    fireEvent.click(screen.getByText('保存回访'));
    await flush();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    expect(screen.getByText(/请写明具体情况（至少 5 个字）/)).toBeTruthy();

    fireEvent.change(textarea(), { target: { value: '用工问题三次催办仍未答复' } });
    fireEvent.click(screen.getByText('保存回访'));
    await flush();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.data).toEqual({
      enterpriseId: FIRM,
      reached: true,
      satisfaction: 2,
      remarks: '用工问题三次催办仍未答复',
      flags: ['slow'],
    });
    expect(post?.header['Idempotency-Key']).toBeTruthy();
    // Back on the list, which is asked for again.
    expect(calls.filter((c) => c.path === '/api/callbacks/due').length).toBeGreaterThanOrEqual(2);
  });

  it('when the call did not get through, then no rating or finding is asked and none is sent', async () => {
    const { calls } = installFakeApi({
      'GET /api/callbacks/due': DUE,
      'GET /api/callbacks/scorecard': SCORECARD,
      'POST /api/callbacks': {
        ...CREATED,
        body: { ...CREATED.body, reached: false, satisfaction: null, flags: [] },
      },
    });
    render(<CallbacksPage />);
    await flush();
    fireEvent.click(screen.getByText('阳明精密机械'));
    fireEvent.click(screen.getByText('未接通'));
    expect(screen.queryByText('慢作为')).toBeNull();
    fireEvent.click(screen.getByText('保存回访'));
    await flush();
    expect(calls.find((c) => c.method === 'POST')?.data).toMatchObject({
      reached: false,
      satisfaction: null,
      flags: [],
    });
  });

  it('when the supervisor picks 30 days, then the list is asked for that window', async () => {
    const { calls } = installFakeApi({
      'GET /api/callbacks/due': DUE,
      'GET /api/callbacks/scorecard': SCORECARD,
    });
    render(<CallbacksPage />);
    await flush();
    fireEvent.click(screen.getByText('30 天未回访'));
    await flush();
    const asked = calls.filter((c) => c.path === '/api/callbacks/due').map((c) => c.url);
    expect(asked[asked.length - 1]).toContain('days=30');
  });

  it('when the scorecard tab opens, then a steward’s findings show with their counts', async () => {
    installFakeApi({ 'GET /api/callbacks/due': DUE, 'GET /api/callbacks/scorecard': SCORECARD });
    render(<CallbacksPage />);
    await flush();
    fireEvent.click(screen.getByText('服务评价'));
    await flush();
    expect(screen.getByText('回访 2 次 · 接通 2 次 · 满意度 2.5 分')).toBeTruthy();
    expect(screen.getByText('慢作为 1 次')).toBeTruthy();
  });
});
