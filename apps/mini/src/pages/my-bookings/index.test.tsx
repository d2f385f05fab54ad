import { act, fireEvent, render, screen } from '@testing-library/react';
import { installFakeApi, sessionFor } from '../../../test-support/fake-api';
import { saveSession } from '../../services/session-vault';
import { BOOKING } from '../../../test-support/fixtures';
import MyBookingsPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i += 1) await Promise.resolve();
  });

describe('my bookings', () => {
  beforeEach(() => saveSession(sessionFor(['worker'])));

  it('when the worker has a seat and a waitlist place, then the boarding code and the waitlist position are shown', async () => {
    const waiting = {
      ...BOOKING,
      id: '65f0a1b2c3d4e5f6a7b8c9e1',
      status: 'waitlisted' as const,
      waitlistPosition: 2,
    };
    installFakeApi({ 'GET /api/bookings/mine': { status: 200, body: { items: [BOOKING, waiting] } } });
    render(<MyBookingsPage />);
    await flush();
    expect(screen.getByText('出示上车码')).toBeTruthy();
    expect(screen.getByText(/候补第 2 位/)).toBeTruthy();
  });

  it('when a flagged booking is shown, then the warning about the seat release is visible', async () => {
    const flagged = {
      ...BOOKING,
      flag: {
        color: 'yellow' as const,
        reasons: [{ code: 'CODE_YELLOW' as const, color: 'yellow' as const, message: '健康码为黄码' }],
        at: '2026-03-02T00:00:00Z',
      },
    };
    installFakeApi({ 'GET /api/bookings/mine': { status: 200, body: { items: [flagged] } } });
    render(<MyBookingsPage />);
    await flush();
    expect(screen.getByText(/健康码为黄码。发车前 30 分钟仍未转绿码，座位将被释放/)).toBeTruthy();
  });

  it('when the worker confirms a cancellation, then the booking shows as cancelled', async () => {
    installFakeApi({
      'GET /api/bookings/mine': { status: 200, body: { items: [BOOKING] } },
      [`POST /api/bookings/${BOOKING.id}/cancel`]: {
        status: 200,
        body: { ...BOOKING, status: 'cancelled', cancelledAt: '2026-03-02T02:00:00Z' },
      },
    });
    render(<MyBookingsPage />);
    await flush();
    fireEvent.click(screen.getByText('取消预订'));
    await flush();
    expect(screen.getByText('已取消')).toBeTruthy();
    expect(screen.queryByText('出示上车码')).toBeNull();
  });

  it('when a boarded worker taps 确认到达 after departure, then the booking shows 已到达 and the button goes', async () => {
    const leftAnHourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const aboard = {
      ...BOOKING,
      status: 'boarded' as const,
      seatNo: 3,
      trip: { ...BOOKING.trip!, departureAt: leftAnHourAgo },
    };
    const { calls } = installFakeApi({
      'GET /api/bookings/mine': { status: 200, body: { items: [aboard] } },
      [`POST /api/bookings/${BOOKING.id}/arrival`]: {
        status: 200,
        body: { ...aboard, arrivedAt: '2026-03-04T10:00:00.000Z' },
      },
    });
    render(<MyBookingsPage />);
    await flush();
    expect(screen.getByText('已上车')).toBeTruthy();
    fireEvent.click(screen.getByText('确认到达'));
    await flush();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
      `/api/bookings/${BOOKING.id}/arrival`,
    ]);
    expect(screen.getByText('已到达')).toBeTruthy();
    expect(screen.queryByText('已上车')).toBeNull();
    expect(screen.queryByText('确认到达')).toBeNull();
  });

  it('when a worker is aboard a coach that has not left yet, then 确认到达 is not offered and the page says when it will be', async () => {
    const departsIn2h = new Date(Date.now() + 2 * 3_600_000).toISOString();
    const aboard = {
      ...BOOKING,
      status: 'boarded' as const,
      seatNo: 3,
      trip: { ...BOOKING.trip!, departureAt: departsIn2h },
    };
    installFakeApi({ 'GET /api/bookings/mine': { status: 200, body: { items: [aboard] } } });
    render(<MyBookingsPage />);
    await flush();
    expect(screen.getByText('已上车')).toBeTruthy();
    expect(screen.queryByText('确认到达')).toBeNull();
    expect(screen.getByText('班车发车后可在此确认到达')).toBeTruthy();
  });

  it('when there are no bookings, then the empty state points to 找班车', async () => {
    installFakeApi({ 'GET /api/bookings/mine': { status: 200, body: { items: [] } } });
    render(<MyBookingsPage />);
    await flush();
    expect(screen.getByText('还没有行程')).toBeTruthy();
  });
});
