import { act, fireEvent, render, screen } from '@testing-library/react';
import { downloadFile } from '../../../platform';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { FIRM_A, FIRM_B } from '../../../../test-support/labour-fixtures';
import { saveSession } from '../../../services/session-vault';
import LabourFiguresPage from './index';

jest.mock('../../../platform', () => ({
  ...jest.requireActual('../../../platform'),
  downloadFile: jest.fn(async () => undefined),
}));

const flush = () =>
  act(async () => {
    for (let i = 0; i < 4; i += 1) await Promise.resolve();
  });
const figures = {
  vacancies: { open: 12, full: 3, withdrawn: 1, stale: 2, headcount: 300, filled: 120 },
  seekers: 800,
  applications: 400,
  offers: 150,
  hires: 120,
  arrivals: 90,
  byRegion: [
    { regionCode: '330281', regionName: '余姚市', open: 12, headcount: 300, filled: 120, applications: 400 },
    { regionCode: '330282', regionName: '', open: 1, headcount: 5, filled: 0, applications: 0 },
  ],
  byIndustry: [{ industry: '制造业', open: 12, headcount: 300, filled: 120, applications: 400 }],
  bySize: [
    { size: 'above', firms: 4, open: 8, headcount: 200, filled: 90 },
    { size: 'below', firms: 6, open: 4, headcount: 100, filled: 30 },
  ],
  keyFirms: { firms: 3, lacking: 2, gap: 95 },
  byDay: [],
  shortage: [
    {
      enterpriseId: FIRM_A,
      enterpriseName: '余姚舜宇光学',
      size: 'above',
      industry: '制造业',
      key: false,
      gap: 80,
    },
    {
      enterpriseId: FIRM_B,
      enterpriseName: '余姚模具城',
      size: 'below',
      industry: '制造业',
      key: true,
      gap: 15,
    },
  ],
};

beforeEach(() => saveSession(sessionFor(['officer'])));

describe('用工缺口 page', () => {
  it('when 人社局 opens it, then it sees the gap, the stale vacancies, the hiring flow and the firm lacking most', async () => {
    installFakeApi({ 'GET /api/labour/figures': { status: 200, body: figures } });
    render(<LabourFiguresPage />);
    await flush();
    expect(screen.getByText('在招岗位 12 个，缺口 180 人（计划招 300 人，已录用 120 人）')).toBeTruthy();
    expect(screen.getByText('2 个岗位超过 7 天未确认，已对求职者隐藏')).toBeTruthy();
    expect(screen.getByText('求职登记 800 人 · 投递 400 · 录用 150 · 定岗 120 · 到岗 90')).toBeTruthy();
    expect(screen.getByText('1. 余姚舜宇光学（规上 · 制造业）缺 80 人')).toBeTruthy();
  });

  it('when the figures list regions, then each shows its county name, and a code without one says so', async () => {
    installFakeApi({ 'GET /api/labour/figures': { status: 200, body: figures } });
    render(<LabourFiguresPage />);
    await flush();
    expect(screen.getByText('余姚市：缺 180 人，投递 400')).toBeTruthy();
    expect(screen.getByText('区划 330282：缺 5 人，投递 0')).toBeTruthy();
    expect(screen.queryByText(/^330281/)).toBeNull();
  });

  it('when the figures group firms by size and flag key firms, then 规上/规下, the key firms lacking staff and the flag in the ranking show', async () => {
    installFakeApi({ 'GET /api/labour/figures': { status: 200, body: figures } });
    render(<LabourFiguresPage />);
    await flush();
    expect(screen.getByText('规上：4 家企业在招，缺 110 人')).toBeTruthy();
    expect(screen.getByText('规下：6 家企业在招，缺 70 人')).toBeTruthy();
    expect(screen.getByText('重点企业 3 家在招，其中 2 家缺工共 95 人')).toBeTruthy();
    expect(screen.getByText('2. 余姚模具城（重点企业 · 规下 · 制造业）缺 15 人')).toBeTruthy();
  });

  it('when 人社局 taps export, then the xlsx is downloaded with the session token under a dated name', async () => {
    installFakeApi({ 'GET /api/labour/figures': { status: 200, body: figures } });
    render(<LabourFiguresPage />);
    await flush();
    fireEvent.click(screen.getByText('导出用工缺口（Excel）'));
    await flush();
    expect(downloadFile).toHaveBeenCalledWith(
      '/api/labour/figures/export',
      expect.any(String),
      expect.stringMatching(/^用工缺口-\d{4}-\d{2}-\d{2}\.xlsx$/),
      expect.any(Function),
    );
  });

  it('when an officer of another department opens it, then the page says loading failed instead of figures', async () => {
    installFakeApi({
      'GET /api/labour/figures': {
        status: 403,
        body: { error: { code: 'FORBIDDEN', message: '用工缺口由人社局和指挥部查看', requestId: 'r' } },
      },
    });
    render(<LabourFiguresPage />);
    await flush();
    expect(screen.queryByText('用工缺口')).toBeNull();
    expect(screen.getByText('加载失败')).toBeTruthy();
  });
});
