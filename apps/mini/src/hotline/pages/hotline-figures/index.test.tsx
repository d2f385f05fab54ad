import { act, fireEvent, render, screen } from '@testing-library/react';
import { installFakeApi, sessionFor, type FakeCall } from '../../../../test-support/fake-api';
import { saveSession } from '../../../services/session-vault';
import HotlineFiguresPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 4; i += 1) await Promise.resolve();
  });
/** Turns the start (0) or end (1) wheel; once the server's period shows, the wheels show its days. */
const pickDay = (wheel: 0 | 1, day: string) =>
  fireEvent.change(document.querySelectorAll('input[type="date"]')[wheel], { target: { value: day } });

const figures = (from: string, to: string, calls: number) => ({
  from,
  to,
  calls,
  answered: { count: 12, of: 15, rate: 0.8 },
  issuesCreated: 6,
  closedWithinDeadline: { count: 2, of: 3, rate: 0.667 },
  satisfied: { count: 0, of: 0, rate: null },
});
/** The server: the last 30 days when asked for no period, else the period asked for. */
const server = (call: FakeCall) => {
  const q = new URL(call.url, 'http://x').searchParams;
  const from = q.get('from');
  const to = q.get('to');
  return from && to
    ? { status: 200, body: figures(from, to, 4) }
    : { status: 200, body: figures('2026-02-04', '2026-03-05', 15) };
};

describe('热线三率 page', () => {
  it('when the command opens it, then the last 30 days’ calls, issues and the three rates show with what they are counted from; a rate over nothing is a dash', async () => {
    saveSession(sessionFor(['admin']));
    installFakeApi({ 'GET /api/hotline/figures': server });
    render(<HotlineFiguresPage />);
    await flush();
    expect(screen.getByText('2026-02-04 至 2026-03-05 来电 15 个')).toBeTruthy();
    expect(screen.getByText('转为问题诉求 6 件')).toBeTruthy();
    expect(screen.getByText('答复率 12 / 15（80.0%）')).toBeTruthy();
    expect(screen.getByText('按期办结率 2 / 3（66.7%）')).toBeTruthy();
    expect(screen.getByText('回访满意率 0 / 0（—）')).toBeTruthy();
  });

  it('when a period is picked on the wheels, then the figures of that period are asked for and shown', async () => {
    saveSession(sessionFor(['admin']));
    const api = installFakeApi({ 'GET /api/hotline/figures': server });
    render(<HotlineFiguresPage />);
    await flush();
    pickDay(0, '2026-03-01');
    await flush();
    expect(screen.getByText('2026-03-01 至 2026-03-05 来电 4 个')).toBeTruthy();
    pickDay(1, '2026-03-02');
    await flush();
    expect(screen.getByText('2026-03-01 至 2026-03-02 来电 4 个')).toBeTruthy();
    const last = new URL(api.calls[api.calls.length - 1].url, 'http://x').searchParams;
    expect([last.get('from'), last.get('to')]).toEqual(['2026-03-01', '2026-03-02']);
  });

  it('when the period picked is longer than a year, then the page says so and asks the server nothing more', async () => {
    saveSession(sessionFor(['admin']));
    const api = installFakeApi({ 'GET /api/hotline/figures': server });
    render(<HotlineFiguresPage />);
    await flush();
    const asked = api.calls.length;
    pickDay(0, '2024-01-01');
    await flush();
    expect(screen.getByText('一次最多查询 366 天')).toBeTruthy();
    expect(api.calls.length).toBe(asked);
  });
});
