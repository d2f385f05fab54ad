import { act, fireEvent, render, screen } from '@testing-library/react';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { saveSession } from '../../../services/session-vault';
import IssueListPage from './index';

const flush = () =>
  act(async () => {
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
  });
const clock = { dueAt: null, metAt: null, overdue: false };
const issue = {
  id: '64b7f0c2a1b2c3d4e5f60711',
  number: '20260306123456',
  enterpriseId: '64b7f0c2a1b2c3d4e5f60799',
  enterpriseName: '兰江模塑厂',
  category: 'labour',
  urgency: 'normal',
  description: '缺少普工 30 人',
  attachmentIds: [],
  state: 'dispatched',
  departmentCode: 'rsj',
  answer: null,
  rating: null,
  source: 'liaison',
  reportedAt: '2026-03-06T01:00:00.000Z',
  clocks: {
    firstResponse: clock,
    progress: { dueAt: '2026-03-11T01:00:00.000Z', metAt: null, overdue: true },
    resolution: clock,
  },
  escalated: true,
  allowedActions: ['transfer', 'answer'],
};

describe('问题列表 page (officer queue)', () => {
  it('when an officer opens the queue, then it is titled with the department and an overdue, escalated issue is flagged', async () => {
    const s = sessionFor(['officer']);
    saveSession({ ...s, user: { ...s.user, departmentId: 'rsj' } });
    const api = installFakeApi({
      'GET /api/issues': { status: 200, body: { items: [issue], total: 1, page: 1, pageSize: 50 } },
    });
    render(<IssueListPage />);
    await flush();
    expect(screen.getByText('人社局待办')).toBeTruthy();
    // The deadline carries its countdown (past here: the fixture's day is long gone).
    const meta = Array.from(document.querySelectorAll('.row-item__meta')).map((el) => el.textContent);
    expect(meta).toContain('已派单 · 限 03-11 09:00 · 截止已过 · 已督办');
    expect(api.calls[0].url).toContain('open=true');
    fireEvent.click(screen.getByText('已办结'));
    await flush();
    expect(api.calls.at(-1)?.url).toContain('open=false');
  });

  it('when the queue is empty, then the empty state says so', async () => {
    saveSession(sessionFor(['officer']));
    installFakeApi({
      'GET /api/issues': { status: 200, body: { items: [], total: 0, page: 1, pageSize: 50 } },
    });
    render(<IssueListPage />);
    await flush();
    expect(screen.getByText('暂无问题')).toBeTruthy();
  });
});
