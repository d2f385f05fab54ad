import { act, fireEvent, render, screen } from '@testing-library/react';
import { installFakeApi, sessionFor } from '../../../test-support/fake-api';
import { saveSession } from '../../services/session-vault';
import { TRIP } from '../../../test-support/fixtures';
import TripsPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i += 1) await Promise.resolve();
  });

describe('trip search', () => {
  beforeEach(() => saveSession(sessionFor(['worker'])));

  it('when the worker picks 四川, then the search asks for origin 51 and shows seats left', async () => {
    const { calls } = installFakeApi({
      'GET /api/trips': { status: 200, body: { items: [TRIP], total: 1, page: 1, pageSize: 50 } },
    });
    render(<TripsPage />);
    await flush();
    expect(screen.getByText('余座 17 / 22')).toBeTruthy();
    fireEvent.click(screen.getByText('四川'));
    await flush();
    expect(calls[calls.length - 1].url).toContain('origin=51');
  });

  it('when nothing is published, then the empty state says so', async () => {
    installFakeApi({
      'GET /api/trips': { status: 200, body: { items: [], total: 0, page: 1, pageSize: 50 } },
    });
    render(<TripsPage />);
    await flush();
    expect(screen.getByText('暂无可预订的班车')).toBeTruthy();
  });
});
