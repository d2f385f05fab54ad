import { act, fireEvent, render, screen } from '@testing-library/react';
import { installFakeApi, sessionFor } from '../../../test-support/fake-api';
import { saveSession } from '../../services/session-vault';
import SubsidyReviewPage from './index';

const flush = () =>
  act(async () => {
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
  });
const list = {
  id: '64b7f0c2a1b2c3d4e5f60712',
  policy: 'hiring',
  policyLabel: '一次性吸纳就业补贴',
  period: '2020',
  version: 'hiring-2020-v1',
  status: 'draft',
  count: 2,
  totalFen: 1_500_000,
  createdAt: '2020-03-16T01:00:00.000Z',
  publicityEndsAt: null,
  diff: {
    againstListId: '64b7f0c2a1b2c3d4e5f60700',
    added: [],
    removed: [],
    changed: [{ enterpriseId: 'x', enterpriseName: '甲', beforeFen: 1, afterFen: 2, alreadyInLedger: true }],
    unchanged: 1,
  },
};

describe('免申即享审核 page', () => {
  it('when a draft list is shown, then its totals and diff are read out and 审核通过 approves it', async () => {
    saveSession(sessionFor(['officer']));
    const api = installFakeApi({
      'GET /api/subsidies/lists': { status: 200, body: { items: [list] } },
      [`POST /api/subsidies/lists/${list.id}/approve`]: {
        status: 200,
        body: { ...list, status: 'approved' },
      },
    });
    render(<SubsidyReviewPage />);
    await flush();
    expect(screen.getByText('待审核 · 2 家 · 合计 15,000 元')).toBeTruthy();
    expect(
      screen.getByText('较上次公示：新增 0 家，减少 0 家，金额变化 1 家（已入支付台账的不会重复支付）'),
    ).toBeTruthy();
    fireEvent.click(screen.getByText('审核通过'));
    await flush();
    expect(api.calls.some((c) => c.method === 'POST' && c.path.endsWith('/approve'))).toBe(true);
  });

  it('when the officer has no lists, then the empty state says so', async () => {
    saveSession(sessionFor(['officer']));
    installFakeApi({ 'GET /api/subsidies/lists': { status: 200, body: { items: [] } } });
    render(<SubsidyReviewPage />);
    await flush();
    expect(screen.getByText('暂无享受名单')).toBeTruthy();
  });
});
