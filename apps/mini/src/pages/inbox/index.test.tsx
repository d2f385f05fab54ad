import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { installFakeApi, sessionFor } from '../../../test-support/fake-api';
import { saveSession } from '../../services/session-vault';
import InboxPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i += 1) await Promise.resolve();
  });

const NOTICE = {
  id: '65f0a1b2c3d4e5f6a7b8c9f1',
  kind: 'issue_reminder',
  title: '办理提醒：缺少熟练工',
  body: '办理时限将于 120 分钟后到期',
  page: 'enterprise/pages/issue-detail/index?id=65f0a1b2c3d4e5f6a7b8c9aa',
  createdAt: '2026-03-02T01:00:00Z',
  readAt: null,
};

describe('inbox page', () => {
  beforeEach(() => saveSession(sessionFor(['officer'])));

  it('when an unread reminder is tapped, then it is marked read and its issue opens', async () => {
    const { calls } = installFakeApi({
      'GET /api/inbox': { status: 200, body: { items: [NOTICE], unread: 1 } },
      [`POST /api/inbox/${NOTICE.id}/read`]: {
        status: 200,
        body: { ...NOTICE, readAt: '2026-03-02T02:00:00Z' },
      },
    });
    render(<InboxPage />);
    await flush();
    expect(screen.getByText('办理提醒')).toBeTruthy();
    expect(screen.getByText('1 条未读')).toBeTruthy();
    fireEvent.click(screen.getByText(NOTICE.title));
    await flush();
    expect(calls.some((c) => c.method === 'POST' && c.path === `/api/inbox/${NOTICE.id}/read`)).toBe(true);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/${NOTICE.page}` });
    expect(screen.queryByText('1 条未读')).toBeNull();
  });

  it('when there is no notice, then the empty state says what will arrive here', async () => {
    installFakeApi({ 'GET /api/inbox': { status: 200, body: { items: [], unread: 0 } } });
    render(<InboxPage />);
    await flush();
    expect(screen.getByText('暂无消息')).toBeTruthy();
  });
});
