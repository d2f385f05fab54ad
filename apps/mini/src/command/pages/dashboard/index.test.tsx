import { act, fireEvent, render, screen } from '@testing-library/react';
import type { DashboardSummary } from '@fugong/contracts';
import { installFakeApi, sessionFor, apiError } from '../../../../test-support/fake-api';
import { saveSession } from '../../../services/session-vault';
import DashboardPage, { exportPath } from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  });
const row = (key: string, label: string, enterprises: number, reopened: number) => ({
  key,
  label,
  enterprises,
  reopened,
  reopenRate: reopened / enterprises,
  staffOnSite: reopened * 9,
  staffTotal: enterprises * 10,
  returnRate: (reopened * 9) / (enterprises * 10),
});

/** A summary as the BFF sends it; `region` narrows it the way the server would. */
function summary(region?: string): DashboardSummary {
  const regions = [row('330281:阳明街道', '阳明街道', 2, 2), row('330281:凤山街道', '凤山街道', 1, 0)].filter(
    (r) => !region || r.key === region,
  );
  const enterprises = regions.reduce((s, r) => s + r.enterprises, 0);
  const reopened = regions.reduce((s, r) => s + r.reopened, 0);
  return {
    asOf: '2027-03-02',
    days: 2,
    filter: { region: region ?? null, industry: null, size: null },
    choices: {
      regions: [
        { key: '330281:阳明街道', label: '阳明街道' },
        { key: '330281:凤山街道', label: '凤山街道' },
      ],
      industries: ['塑料制品'],
    },
    reopening: {
      enterprises,
      reported: enterprises,
      reopened,
      reopenRate: reopened / enterprises,
      headcount: 30,
      staffOnSite: reopened * 9,
      staffTotal: enterprises * 10,
      returnRate: (reopened * 9) / (enterprises * 10),
      byRegion: regions,
      byIndustry: [],
      bySize: [row('above', '规上企业', 2, 2)],
      trend: [row('2027-03-01', '03-01', 3, 1), row('2027-03-02', '03-02', 3, 2)],
    },
    transport: {
      trips: 4,
      seats: 132,
      booked: 120,
      boarded: 100,
      waitTickets: 6,
      byProvince: [
        { key: '520000', label: '贵州', trips: 4, seats: 132, booked: 120, boarded: 100, waitTickets: 6 },
      ],
      trend: [],
    },
    issues: {
      total: 6,
      open: 5,
      overdue: 2,
      answered: 1,
      answeredOnTime: 1,
      onTimeRate: 1,
      rated: 1,
      satisfaction: 4,
      byCategory: [
        {
          key: 'labour',
          label: '用工',
          total: 5,
          open: 4,
          overdue: 2,
          answered: 1,
          answeredOnTime: 1,
          onTimeRate: 1,
          satisfaction: 4,
        },
      ],
      byDepartment: [],
      common: [{ key: 'labour', label: '用工', enterprises: 3, issues: 4 }],
    },
    stewards: {
      assignedEnterprises: 2,
      notVisited7d: 1,
      visits: 1,
      activeStewards: 1,
      visitsPerSteward: [],
      callbacks: { calls: 3, reached: 2, rated: 2, satisfaction: 2.5 },
      lowRated: [{ stewardId: 's1', name: '管家甲', rated: 2, satisfaction: 2.5 }],
    },
    health: { checkins: 40, abnormalTemp: 1, nonGreen: 2, byRegion: [], trend: [] },
    whyNotReopened: {
      closedEnterprises: 1,
      blockedEnterprises: 1,
      byCategory: [{ key: 'labour', label: '用工', enterprises: 1, issues: 2 }],
    },
  };
}

describe('指挥大屏 page', () => {
  beforeEach(() => saveSession(sessionFor(['admin'])));

  it('when the summary arrives, then the headline rates and one bar per region are drawn', async () => {
    installFakeApi({ 'GET /api/dashboard/summary': { status: 200, body: summary() } });
    render(<DashboardPage />);
    await flush();
    expect(
      Array.from(document.querySelectorAll('.kpi__value'))
        .slice(0, 2)
        .map((n) => n.textContent),
    ).toEqual(['66.7%', '60.0%']);
    expect(screen.getByText('2 / 3 家')).toBeTruthy();
    expect(screen.getByText('18 / 30 人')).toBeTruthy();
    const regionChart = screen.getByText('各地区复工率').parentElement!;
    expect(Array.from(regionChart.querySelectorAll('.chart__label')).map((n) => n.textContent)).toEqual([
      '阳明街道',
      '凤山街道',
    ]);
    expect(Array.from(regionChart.querySelectorAll('.chart__value')).map((n) => n.textContent)).toEqual([
      '100.0%（2/2）',
      '0.0%（0/1）',
    ]);
    expect(screen.getByText('共性问题：用工（3 家）')).toBeTruthy();
    expect(screen.getByText('满意度偏低：管家甲 2.5 分')).toBeTruthy();
  });

  it('when a region chip is tapped, then the summary is asked for that region and the export follows the filter', async () => {
    const api = installFakeApi({
      'GET /api/dashboard/summary': (call) => ({
        status: 200,
        body: summary(new URL(call.url, 'http://x').searchParams.get('region') ?? undefined),
      }),
    });
    render(<DashboardPage />);
    await flush();
    fireEvent.click(screen.getAllByText('凤山街道').find((n) => n.classList.contains('chip'))!);
    await flush();
    const last = api.calls[api.calls.length - 1];
    expect(new URL(last.url, 'http://x').searchParams.get('region')).toBe('330281:凤山街道');
    expect(screen.getByText('0 / 1 家')).toBeTruthy();
    expect(exportPath({ region: '330281:凤山街道', size: 'below' })).toBe(
      `/api/dashboard/export?format=xlsx&region=${encodeURIComponent('330281:凤山街道')}&size=below`,
    );
  });

  it('when the summary is refused, then the page shows the error state instead of empty charts', async () => {
    installFakeApi({ 'GET /api/dashboard/summary': apiError(403, 'FORBIDDEN', '无权访问') });
    render(<DashboardPage />);
    await flush();
    expect(document.querySelector('.chart')).toBeNull();
    expect(document.querySelector('.page-state')).not.toBeNull();
  });

  it('when counties have risk levels, then the page shows each one’s level, the day it took effect and its reopening strategy', async () => {
    installFakeApi({
      'GET /api/dashboard/summary': { status: 200, body: summary() },
      'GET /api/regions': {
        status: 200,
        body: {
          items: [
            {
              code: '330281',
              name: '余姚市',
              riskLevel: 'low',
              effectiveFrom: '2027-02-20',
              reopeningStrategy: 'all_firms',
              updatedAt: '2027-02-20T01:00:00.000Z',
            },
            {
              code: '330282',
              name: '慈溪市',
              riskLevel: 'medium',
              effectiveFrom: '2027-02-25',
              reopeningStrategy: 'orderly_by_list',
              updatedAt: '2027-02-25T01:00:00.000Z',
            },
          ],
        },
      },
    });
    render(<DashboardPage />);
    await flush();
    expect(screen.getByText('分区复工策略')).toBeTruthy();
    expect(screen.getByText('余姚市 · 低风险（2027-02-20 起）')).toBeTruthy();
    expect(screen.getByText('全面复工复产：区内中小微企业均可复工')).toBeTruthy();
    expect(screen.getByText('慈溪市 · 中风险（2027-02-25 起）')).toBeTruthy();
    expect(screen.getByText('有序复工复产：按名单分批组织复工')).toBeTruthy();
  });
});
