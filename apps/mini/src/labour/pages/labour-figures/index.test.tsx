import { act, render, screen } from '@testing-library/react';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { FIRM_A } from '../../../../test-support/labour-fixtures';
import { saveSession } from '../../../services/session-vault';
import LabourFiguresPage from './index';

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
  byRegion: [{ regionCode: '330281', open: 12, headcount: 300, filled: 120, applications: 400 }],
  byIndustry: [{ industry: '制造业', open: 12, headcount: 300, filled: 120, applications: 400 }],
  byDay: [],
  shortage: [
    { enterpriseId: FIRM_A, enterpriseName: '余姚舜宇光学', size: 'above', industry: '制造业', gap: 80 },
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
