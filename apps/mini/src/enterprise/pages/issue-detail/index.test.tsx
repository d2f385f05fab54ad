import { act, fireEvent, render, screen } from '@testing-library/react';
import { setRouterParams } from '../../../../test-support/taro';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { saveSession } from '../../../services/session-vault';
import IssueDetailPage from './index';

const ID = '64b7f0c2a1b2c3d4e5f60711';
const clock = { dueAt: null, metAt: null, overdue: false };
const base = {
  id: ID,
  number: '20260306123456',
  enterpriseId: '64b7f0c2a1b2c3d4e5f60799',
  enterpriseName: '余姚市明州光电科技有限公司',
  category: 'labour',
  urgency: 'urgent',
  description: '缺少普工 30 人',
  attachmentIds: [],
  departmentCode: null,
  answer: null,
  rating: null,
  source: 'liaison',
  reportedAt: '2026-03-06T01:00:00.000Z',
  clocks: { firstResponse: clock, progress: clock, resolution: clock },
  escalated: false,
};
const submitted = {
  ...base,
  state: 'submitted',
  allowedActions: ['accept'],
  timeline: [
    {
      at: '2026-03-06T01:00:00.000Z',
      type: 'submitted',
      actorId: null,
      actorRole: 'liaison',
      fromState: null,
      toState: 'submitted',
      departmentCode: null,
      note: '',
    },
  ],
};
const accepted = {
  ...submitted,
  state: 'accepted',
  allowedActions: ['dispatch', 'answer'],
  timeline: [
    ...submitted.timeline,
    {
      ...submitted.timeline[0],
      type: 'accepted',
      actorRole: 'steward',
      toState: 'accepted',
      at: '2026-03-06T02:00:00.000Z',
    },
  ],
};

const flush = () =>
  act(async () => {
    await Promise.resolve();
    await Promise.resolve();
  });

describe('问题详情 page', () => {
  beforeEach(() => {
    saveSession(sessionFor(['steward']));
    setRouterParams({ id: ID });
  });

  it('when opened without an issue id (the weapp host found this crash), then it says the issue is missing', async () => {
    installFakeApi({ 'GET /api/issues/': { status: 200, body: { items: [], total: 0 } } });
    setRouterParams({});
    render(<IssueDetailPage />);
    await act(async () => {
      for (let i = 0; i < 6; i += 1) await Promise.resolve();
    });
    expect(screen.getByText('缺少问题信息')).toBeTruthy();
  });

  it('when a steward opens a submitted issue and taps 受理, then the accept is sent and the timeline grows', async () => {
    const api = installFakeApi({
      [`GET /api/issues/${ID}`]: { status: 200, body: submitted },
      [`POST /api/issues/${ID}/accept`]: { status: 200, body: accepted },
    });
    render(<IssueDetailPage />);
    await flush();
    expect(screen.getByText('【用工】已提交')).toBeTruthy();
    expect(screen.getByText('提交问题')).toBeTruthy();
    fireEvent.click(screen.getByText('受理'));
    await flush();
    expect(api.calls.some((c) => c.method === 'POST' && c.path.endsWith('/accept'))).toBe(true);
    expect(screen.getByText('【用工】已受理')).toBeTruthy();
    expect(screen.getByText('派单')).toBeTruthy();
  });

  it('when the viewer may do nothing, then no action buttons are shown', async () => {
    installFakeApi({
      [`GET /api/issues/${ID}`]: { status: 200, body: { ...submitted, allowedActions: [] } },
    });
    render(<IssueDetailPage />);
    await flush();
    expect(screen.queryByText('受理')).toBeNull();
    expect(screen.queryByText('办理')).toBeNull();
  });

  it('when the issue cannot be loaded, then the error state offers 重试', async () => {
    installFakeApi({
      [`GET /api/issues/${ID}`]: {
        status: 404,
        body: { error: { code: 'NOT_FOUND', message: '未找到该问题' } },
      },
    });
    render(<IssueDetailPage />);
    await flush();
    expect(screen.getByText('加载失败')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });
});
