import { act, render, screen } from '@testing-library/react';
import { apiError, installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { sharingAgreement } from '../../../../test-support/labour-fixtures';
import { saveSession } from '../../../services/session-vault';
import SharingOverviewPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 4; i += 1) await Promise.resolve();
  });

beforeEach(() => saveSession(sessionFor(['officer'])));

describe('用工调剂总览 page (人社局)', () => {
  it('when 人社局 opens it, then it sees heads offered and asked, what is agreed, and each arrangement without buttons to decide', async () => {
    installFakeApi({
      'GET /api/labour/sharing/overview': {
        status: 200,
        body: {
          surplus: { posts: 3, heads: 40, free: 25 },
          shortage: { posts: 2, heads: 30, free: 15 },
          agreements: { proposed: 1, agreed: 2, heads: 15 },
          items: [sharingAgreement({ status: 'agreed', workers: 3 })],
        },
      },
    });
    render(<SharingOverviewPage />);
    await flush();
    expect(screen.getByText('富余可借出：3 家次 40 人，尚未约定 25 人')).toBeTruthy();
    expect(screen.getByText('缺工求借用：2 家次 30 人，尚未约定 15 人')).toBeTruthy();
    expect(screen.getByText('已约定 2 项共 15 人 · 待确认 1 项')).toBeTruthy();
    expect(screen.getByText('余姚舜宇光学 → 慈溪电器厂 · 3 人')).toBeTruthy();
    expect(screen.getByText('已登记被借调员工 3 人（劳动关系不变）')).toBeTruthy();
    expect(screen.queryByText('确认调剂')).toBeNull();
  });

  it('when another department opens it, then loading fails instead of figures', async () => {
    installFakeApi({
      'GET /api/labour/sharing/overview': apiError(403, 'FORBIDDEN', '用工调剂总览由人社局和指挥部查看'),
    });
    render(<SharingOverviewPage />);
    await flush();
    expect(screen.getByText('加载失败')).toBeTruthy();
  });
});
