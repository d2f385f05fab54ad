import { act, fireEvent, render, screen } from '@testing-library/react';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { application } from '../../../../test-support/labour-fixtures';
import { saveSession } from '../../../services/session-vault';
import MyApplicationsPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 4; i += 1) await Promise.resolve();
  });
const A = application().id;
const offered = application({
  status: 'offered',
  offer: { startDay: '2026-03-20', contractMonths: 12, socialInsurance: true, wage: 5200 },
});

beforeEach(() => saveSession(sessionFor(['worker'])));

describe('我的求职 page', () => {
  it('when an offer has come, then the worker sees its terms and accepting sends 定岗', async () => {
    const api = installFakeApi({
      'GET /api/labour/applications': { status: 200, body: { items: [offered] } },
      [`POST /api/labour/applications/${A}/accept`]: {
        status: 200,
        body: application({ status: 'accepted' }),
      },
    });
    render(<MyApplicationsPage />);
    await flush();
    expect(screen.getByText('进度：已发录用')).toBeTruthy();
    expect(screen.getByText('录用：月薪 5200 元，2026-03-20 到岗，合同 12 个月，缴纳社保')).toBeTruthy();
    fireEvent.click(screen.getByText('接受录用（定岗）'));
    await flush();
    expect(api.calls.some((c) => c.method === 'POST' && c.path.endsWith(`/${A}/accept`))).toBe(true);
  });

  it('when the worker has not applied anywhere, then the page offers 去找工作', async () => {
    installFakeApi({ 'GET /api/labour/applications': { status: 200, body: { items: [] } } });
    render(<MyApplicationsPage />);
    await flush();
    expect(screen.getByText('还没有投递记录')).toBeTruthy();
    expect(screen.getByText('去找工作')).toBeTruthy();
  });
});
