import { act, render, screen } from '@testing-library/react';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { saveSession } from '../../../services/session-vault';
import StewardEnterprisesPage from './index';

const flush = () =>
  act(async () => {
    await Promise.resolve();
    await Promise.resolve();
  });
const item = (name: string, reasons: string[], days: number | null) => ({
  enterpriseId: `64b7f0c2a1b2c3d4e5f6${String(name.length).padStart(4, '0')}`,
  name,
  regionCode: '330281',
  size: 'above',
  lastVisitAt: null,
  daysSinceVisit: days,
  openIssues: 1,
  overdueIssues: 0,
  reopened: false,
  needScore: 1,
  reasons,
});

describe('我的企业 page', () => {
  beforeEach(() => saveSession(sessionFor(['steward'])));

  it('when firms come back ordered by need, then they are shown in that order with their reasons', async () => {
    installFakeApi({
      'GET /api/stewards/me/enterprises': {
        status: 200,
        body: { items: [item('兰江模塑厂', ['尚未复工', '尚未走访'], null), item('明州光电科技', [], 2)] },
      },
    });
    render(<StewardEnterprisesPage />);
    await flush();
    const titles = Array.from(document.querySelectorAll('.row-item__title')).map((n) => n.textContent);
    expect(titles).toEqual(['兰江模塑厂', '明州光电科技']);
    expect(screen.getByText('尚未复工 · 尚未走访')).toBeTruthy();
    expect(screen.getByText('2 天前走访 · 待解决问题 1')).toBeTruthy();
  });

  it('when no firm is assigned yet, then the empty state explains it', async () => {
    installFakeApi({ 'GET /api/stewards/me/enterprises': { status: 200, body: { items: [] } } });
    render(<StewardEnterprisesPage />);
    await flush();
    expect(screen.getByText('暂无服务企业')).toBeTruthy();
  });
});
