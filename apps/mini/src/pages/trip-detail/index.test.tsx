import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { apiError, installFakeApi, sessionFor } from '../../../test-support/fake-api';
import { setRouterParams } from '../../../test-support/taro';
import { saveSession } from '../../services/session-vault';
import { BOOKING, TRIP } from '../../../test-support/fixtures';
import TripDetailPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i += 1) await Promise.resolve();
  });

describe('trip detail and booking', () => {
  beforeEach(() => {
    saveSession(sessionFor(['worker']));
    setRouterParams({ id: TRIP.id });
  });

  it('when the worker picks a pickup point and confirms, then the booking is sent once with a key and the confirmation opens', async () => {
    const { calls } = installFakeApi({
      [`GET /api/trips/${TRIP.id}`]: { status: 200, body: TRIP },
      'POST /api/bookings': { status: 201, body: BOOKING },
    });
    render(<TripDetailPage />);
    await flush();
    expect(screen.getByText('余座 17')).toBeTruthy();
    fireEvent.click(screen.getByText('贵阳北站'));
    fireEvent.click(screen.getByText('预订座位'));
    await flush();
    const post = calls.filter((c) => c.method === 'POST');
    expect(post).toHaveLength(1);
    expect(post[0].data).toEqual({ tripId: TRIP.id, pickupIndex: 1 });
    expect(post[0].header['Idempotency-Key']).toBeTruthy();
    expect(Taro.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: expect.stringContaining(`/pages/booking/index?id=${BOOKING.id}`) }),
    );
  });

  it('when opened without a trip id (the weapp host found this crash), then it says the trip is missing', async () => {
    installFakeApi({ 'GET /api/trips/': { status: 200, body: { items: [], total: 0 } } });
    setRouterParams({});
    render(<TripDetailPage />);
    await flush();
    expect(screen.getByText('缺少班次信息')).toBeTruthy();
    expect(screen.queryByText('预订座位')).toBeNull();
  });

  it('when the pass is not green, then the refusal is explained and check-in is suggested', async () => {
    installFakeApi({
      [`GET /api/trips/${TRIP.id}`]: { status: 200, body: TRIP },
      'POST /api/bookings': apiError(
        422,
        'PASS_NOT_GREEN',
        '通行码为黄码，暂不能订座：尚未进行健康打卡，请先打卡',
      ),
    });
    render(<TripDetailPage />);
    await flush();
    fireEvent.click(screen.getByText('预订座位'));
    await flush();
    expect(screen.getByText(/请先完成今日健康打卡/)).toBeTruthy();
  });

  it('when the trip is full, then the button offers 候补', async () => {
    installFakeApi({
      [`GET /api/trips/${TRIP.id}`]: { status: 200, body: { ...TRIP, seatsLeft: 0, waitlistCount: 3 } },
    });
    render(<TripDetailPage />);
    await flush();
    expect(screen.getByText('加入候补')).toBeTruthy();
    expect(screen.getByText('已满，已有 3 人候补')).toBeTruthy();
  });
});
