import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { saveSession } from '../../../services/session-vault';
import { TRIP } from '../../../../test-support/fixtures';
import TripAdminPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i += 1) await Promise.resolve();
  });
const DRAFT = { ...TRIP, status: 'draft' as const, bookingOpen: false };
const page = (items: unknown[]) => ({
  status: 200,
  body: { items, total: items.length, page: 1, pageSize: 50 },
});

describe('班次管理 page', () => {
  beforeEach(() => saveSession(sessionFor(['transport'])));

  it('when a draft is published, then the card shows it as published', async () => {
    const api = installFakeApi({
      'GET /api/trips': page([DRAFT]),
      [`POST /api/trips/${TRIP.id}/publish`]: { status: 200, body: { ...DRAFT, status: 'published' } },
    });
    render(<TripAdminPage />);
    await flush();
    expect(screen.getByText('草稿', { selector: '.trip-card__status' })).toBeTruthy();

    fireEvent.click(screen.getByText('发布'));
    await flush();

    expect(api.calls.some((c) => c.method === 'POST' && c.path.endsWith('/publish'))).toBe(true);
    expect(screen.getByText('已发布', { selector: '.trip-card__status' })).toBeTruthy();
    expect(screen.queryByText('发布')).toBeNull();
  });

  it('when a trip is cancelled with a reason, then the officer is warned booked workers hear of it and the reason is sent', async () => {
    const api = installFakeApi({
      'GET /api/trips': page([TRIP]),
      [`POST /api/trips/${TRIP.id}/cancel`]: {
        status: 200,
        body: { ...TRIP, status: 'cancelled', cancelReason: '司机身体不适' },
      },
    });
    render(<TripAdminPage />);
    await flush();

    fireEvent.click(screen.getByText('取消班次'));
    fireEvent.click(screen.getByText('确认取消'));
    await flush();
    expect(screen.getByText('请填写取消原因')).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(screen.getByPlaceholderText('取消原因（将通知已订座人员）'), {
      target: { value: '司机身体不适' },
    });
    fireEvent.click(screen.getByText('确认取消'));
    await flush();

    expect((Taro.showModal as jest.Mock).mock.calls.at(-1)[0].content).toContain('已订座的 5 人');
    expect(api.calls.find((c) => c.method === 'POST')?.data).toEqual({ reason: '司机身体不适' });
    expect(screen.getByText('取消原因：司机身体不适')).toBeTruthy();
  });

  it('when the departure time is changed, then it is sent in China time with its offset', async () => {
    const api = installFakeApi({
      'GET /api/trips': page([TRIP]),
      [`PATCH /api/trips/${TRIP.id}`]: {
        status: 200,
        body: { ...TRIP, departureAt: '2026-03-04T00:30:00.000Z' },
      },
    });
    render(<TripAdminPage />);
    await flush();

    fireEvent.click(screen.getByText('改时间'));
    expect(screen.getByDisplayValue('2026-03-04 07:00')).toBeTruthy();
    fireEvent.change(screen.getByDisplayValue('2026-03-04 07:00'), { target: { value: '2026-03-04 08:30' } });
    fireEvent.click(screen.getByText('保存发车时间'));
    await flush();

    expect(api.calls.find((c) => c.method === 'PATCH')?.data).toEqual({
      departureAt: '2026-03-04T08:30:00+08:00',
    });
    expect(screen.getByText(/03-04 08:30 发车/)).toBeTruthy();
  });

  it('when there are no trips yet, then the page says how to create one and keeps the create button', async () => {
    installFakeApi({ 'GET /api/trips': page([]) });
    render(<TripAdminPage />);
    await flush();

    expect(screen.getByText('还没有班次')).toBeTruthy();
    fireEvent.click(screen.getByText('新建班次'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/transport/pages/trip-form/index' });
  });

  it('when the phone is offline on first load, then the offline state offers a retry', async () => {
    installFakeApi({ 'GET /api/trips': { fail: 'network' } });
    jest.useFakeTimers();
    render(<TripAdminPage />);
    await act(async () => {
      await jest.runAllTimersAsync();
    });
    jest.useRealTimers();

    expect(screen.getByText('网络不给力')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });
});
