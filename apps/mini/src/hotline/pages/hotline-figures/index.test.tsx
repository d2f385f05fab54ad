import { act, render, screen } from '@testing-library/react';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { saveSession } from '../../../services/session-vault';
import HotlineFiguresPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 4; i += 1) await Promise.resolve();
  });

describe('热线三率 page', () => {
  it('when the command opens it, then calls, issues and the three rates show with what they are counted from; a rate over nothing is a dash', async () => {
    saveSession(sessionFor(['admin']));
    installFakeApi({
      'GET /api/hotline/figures': {
        status: 200,
        body: {
          calls: 15,
          answered: { count: 12, of: 15, rate: 0.8 },
          issuesCreated: 6,
          closedWithinDeadline: { count: 2, of: 3, rate: 0.667 },
          satisfied: { count: 0, of: 0, rate: null },
        },
      },
    });
    render(<HotlineFiguresPage />);
    await flush();
    expect(screen.getByText('来电 15 个')).toBeTruthy();
    expect(screen.getByText('转为问题诉求 6 件')).toBeTruthy();
    expect(screen.getByText('答复率 12 / 15（80.0%）')).toBeTruthy();
    expect(screen.getByText('按期办结率 2 / 3（66.7%）')).toBeTruthy();
    expect(screen.getByText('回访满意率 0 / 0（—）')).toBeTruthy();
  });
});
