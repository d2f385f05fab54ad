import { act, fireEvent, render, screen } from '@testing-library/react';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { CALL, hotlineCall } from '../../../../test-support/hotline-fixtures';
import { saveSession } from '../../../services/session-vault';
import CallsPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i += 1) await Promise.resolve();
  });
const page = (items: unknown[]) => ({
  status: 200,
  body: { items, total: items.length, page: 1, pageSize: 50 },
});

beforeEach(() => saveSession(sessionFor(['hotline_operator'])));

describe('来电记录 page', () => {
  it('when calls are listed, then each shows its status, the masked number, the issue and whether the caller was texted', async () => {
    installFakeApi({
      'GET /api/hotline/calls': page([
        hotlineCall(),
        hotlineCall({
          id: '64b7f0c2a1b2c3d4e5f60e09',
          status: 'closed',
          answer: '下周一输送熟练工 40 人',
          closedWithinDeadline: false,
          notifiedAt: '2026-03-11T02:00:00.000Z',
          callerPhoneMasked: '139****1111',
        }),
      ]),
    });
    render(<CallsPage />);
    await flush();
    expect(screen.getByText('【办理中】就业服务')).toBeTruthy();
    expect(screen.getByText('【已办结】就业服务')).toBeTruthy();
    expect(screen.getByText('来电 139****5678 · 余姚模具厂')).toBeTruthy();
    expect(screen.getAllByText('问题编号 20260310123456')).toHaveLength(2);
    expect(screen.getByText('答复：下周一输送熟练工 40 人')).toBeTruthy();
    expect(screen.getByText('超期办结')).toBeTruthy();
    expect(screen.getByText('已短信告知来电人')).toBeTruthy();
    // Only the closed call can be called back.
    expect(screen.getAllByText('5 很满意')).toHaveLength(1);
  });

  it('when the operator filters by 办理中, then the list is asked for that status', async () => {
    const api = installFakeApi({ 'GET /api/hotline/calls': page([hotlineCall()]) });
    render(<CallsPage />);
    await flush();
    fireEvent.click(screen.getByText('办理中'));
    await flush();
    expect(api.calls.filter((c) => c.path === '/api/hotline/calls').pop()?.url).toContain(
      'status=in_progress',
    );
  });

  it('when the operator asks for the full number, then the audited read shows it in place of the masked one', async () => {
    installFakeApi({
      'GET /api/hotline/calls': page([hotlineCall()]),
      [`GET /api/hotline/calls/${CALL}/phone`]: { status: 200, body: { callId: CALL, phone: '13957405678' } },
    });
    render(<CallsPage />);
    await flush();
    fireEvent.click(screen.getByText('查看完整号码（记入审计）'));
    await flush();
    expect(screen.getByText('来电 13957405678 · 余姚模具厂')).toBeTruthy();
  });

  it('when the operator records a call-back, then the rating is sent and the list reloads showing it', async () => {
    const answered = hotlineCall({
      status: 'answered',
      issueId: null,
      issueNumber: null,
      answer: '可网上申领',
    });
    const api = installFakeApi({
      'GET /api/hotline/calls': [
        page([answered]),
        page([{ ...answered, callback: { satisfaction: 4, at: '2026-03-12T02:00:00.000Z' } }]),
      ],
      [`POST /api/hotline/calls/${CALL}/callback`]: { status: 200, body: answered },
    });
    render(<CallsPage />);
    await flush();
    fireEvent.click(screen.getByText('4 满意'));
    await flush();
    await flush();
    expect(api.calls.find((c) => c.method === 'POST')?.data).toEqual({ satisfaction: 4 });
    expect(screen.getByText('回访满意度 4 分')).toBeTruthy();
  });
});
