import { act, fireEvent, render, screen } from '@testing-library/react';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { saveSession } from '../../../services/session-vault';
import CoveragePage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 8; i += 1) await Promise.resolve();
  });

const firm = (n: number, over: Record<string, unknown> = {}) => ({
  enterpriseId: `65f0a1b2c3d4e5f6a7b8c9${String(n).padStart(2, '0')}`,
  name: `企业${n}`,
  regionCode: '330281',
  stewardName: null,
  lastVisitAt: null,
  ...over,
});

describe('coverage page', () => {
  beforeEach(() => saveSession(sessionFor(['admin'])));

  it('when the command picks 30 days, then the counts for 30 days are asked for and shown with the firms by name', async () => {
    const { calls } = installFakeApi({
      'GET /api/steward-assignments/coverage': (req) => {
        const days = Number(/lapseDays=(\d+)/.exec(req.url)![1]);
        return {
          status: 200,
          body: {
            lapseDays: days,
            enterprises: 12,
            withoutSteward: 3,
            notVisited: days === 30 ? 2 : 7,
            withoutStewardSample: [firm(1)],
            notVisitedSample: [firm(2, { stewardName: '王立新', lastVisitAt: '2027-01-05T02:00:00.000Z' })],
          },
        };
      },
    });
    render(<CoveragePage />);
    await flush();
    expect(screen.getByText('14 天未走访 7 家')).toBeTruthy();
    expect(screen.getByText('无管家 3 家')).toBeTruthy();
    fireEvent.click(screen.getByText('30 天'));
    await flush();
    expect(calls.at(-1)!.url).toContain('lapseDays=30');
    expect(screen.getByText('30 天未走访 2 家')).toBeTruthy();
    expect(screen.getByText('企业1')).toBeTruthy();
    expect(screen.getByText(/管家 王立新 · 最近走访 2027-01-05/)).toBeTruthy();
  });
});
