import { act, render, screen } from '@testing-library/react';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { saveSession } from '../../../services/session-vault';
import SupplyFiguresPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 4; i += 1) await Promise.resolve();
  });

describe('产业链协同 figures page', () => {
  it('when 工信局 opens it, then open posts by side and category, matches and suppliers at risk show', async () => {
    const session = sessionFor(['officer']);
    saveSession({ ...session, user: { ...session.user, departmentId: 'gxj' } });
    installFakeApi({
      'GET /api/supply-chain/figures': {
        status: 200,
        body: {
          postsOpen: [
            { side: 'supply', category: 'raw_materials', count: 4 },
            { side: 'demand', category: 'raw_materials', count: 7 },
            { side: 'demand', category: 'logistics', count: 2 },
          ],
          matchesProposed: 3,
          matchesConfirmed: 5,
          suppliers: 12,
          suppliersAtRisk: 2,
        },
      },
    });
    render(<SupplyFiguresPage />);
    await flush();
    expect(screen.getByText('待确认 3 对 · 已对接 5 对')).toBeTruthy();
    expect(screen.getByText('核心配套供应商 12 家，其中未复工或情况不明 2 家')).toBeTruthy();
    expect(screen.getByText('原材料：供应 4 · 需求 7')).toBeTruthy();
    expect(screen.getByText('物流运力：供应 0 · 需求 2')).toBeTruthy();
    expect(screen.getByText('订单：供应 0 · 需求 0')).toBeTruthy();
  });
});
