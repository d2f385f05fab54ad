import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { BOOKING, CHECKIN } from '../../../../test-support/fixtures';
import { chinaToday } from '../../../services/format';
import { saveSession } from '../../../services/session-vault';
import { WorkerTodayCard, nextTrip } from './worker-today';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 8; i += 1) await Promise.resolve();
  });
const soon = new Date(Date.now() + 26 * 3_600_000).toISOString();
const waitlisted = {
  ...BOOKING,
  status: 'waitlisted' as const,
  waitlistPosition: 2,
  trip: { ...BOOKING.trip!, departureAt: soon },
};

describe('worker home: today', () => {
  beforeEach(() => saveSession(sessionFor(['worker'])));

  it('when the worker has checked in today, holds a green pass and is waitlisted, then all three show and the pass opens the code', async () => {
    installFakeApi({
      'GET /api/pass': {
        status: 200,
        body: { color: 'green', reasons: [], validUntil: null, checkedInAt: null },
      },
      'GET /api/checkins/latest': { status: 200, body: { checkin: { ...CHECKIN, day: chinaToday() } } },
      'GET /api/bookings/mine': { status: 200, body: { items: [waitlisted] } },
    });
    render(<WorkerTodayCard profileDone />);
    await flush();
    expect(screen.getByText('绿码')).toBeTruthy();
    expect(screen.getByText('今日已打卡 · 36.4 ℃')).toBeTruthy();
    expect(screen.getByText(/候补第 2 位/)).toBeTruthy();
    expect(screen.getByText(/距发车 1 天/)).toBeTruthy();
    fireEvent.click(screen.getByText('出示'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/pass/index' });
  });

  it('when a new worker has no profile and no check-in today, then they are sent to complete it and to check in', async () => {
    installFakeApi({
      'GET /api/pass': {
        status: 200,
        body: {
          color: 'yellow',
          reasons: [{ code: 'NO_CHECKIN', color: 'yellow', message: '今日未打卡' }],
          validUntil: null,
          checkedInAt: null,
        },
      },
      'GET /api/checkins/latest': { status: 200, body: { checkin: null } },
      'GET /api/bookings/mine': { status: 200, body: { items: [] } },
    });
    render(<WorkerTodayCard profileDone={false} />);
    await flush();
    expect(screen.getByText('请先完善个人资料')).toBeTruthy();
    expect(screen.getByText('今日还没有打卡，点此打卡')).toBeTruthy();
    expect(screen.getByText('还没有预订返岗班车，点此找班车')).toBeTruthy();
    fireEvent.click(screen.getByText('去完善'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/profile/index' });
  });

  it('when bookings are cancelled or long departed, then none of them is the next trip', () => {
    const gone = { ...BOOKING, trip: { ...BOOKING.trip!, departureAt: '2020-01-01T00:00:00Z' } };
    const cancelled = { ...waitlisted, status: 'cancelled' as const };
    expect(nextTrip([gone, cancelled])).toBeNull();
    expect(nextTrip([gone, waitlisted])?.id).toBe(waitlisted.id);
  });
});
