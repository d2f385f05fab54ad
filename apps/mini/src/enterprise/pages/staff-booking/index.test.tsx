import { act, fireEvent, render, screen } from '@testing-library/react';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { setRouterParams } from '../../../../test-support/taro';
import { saveSession } from '../../../services/session-vault';
import { BOOKING, TRIP } from '../../../../test-support/fixtures';
import StaffBookingPage from './index';

const FIRM = TRIP.destinations[0].enterpriseId;
const A = '64b7f0c2a1b2c3d4e5f600a1';
const B = '64b7f0c2a1b2c3d4e5f600b2';
const C = '64b7f0c2a1b2c3d4e5f600c3';
const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i += 1) await Promise.resolve();
  });

beforeEach(() => {
  const session = sessionFor(['liaison']);
  saveSession({ ...session, user: { ...session.user, enterpriseId: FIRM } });
});

describe('员工订座 page', () => {
  it('when no trip is chosen, then the published trips to the liaison’s firm are listed', async () => {
    setRouterParams({});
    const api = installFakeApi({
      'GET /api/trips': { status: 200, body: { items: [TRIP], total: 1, page: 1, pageSize: 50 } },
    });
    render(<StaffBookingPage />);
    await flush();

    expect(screen.getByText('选择班次')).toBeTruthy();
    expect(api.calls[0].url).toContain(`enterpriseId=${FIRM}`);
  });

  it('when staff are booked, then each person’s outcome shows: seat, waitlist place, or the refusal in Chinese', async () => {
    setRouterParams({ tripId: TRIP.id });
    const api = installFakeApi({
      [`GET /api/trips/${TRIP.id}`]: { status: 200, body: TRIP },
      [`GET /api/enterprises/${FIRM}/staff`]: {
        status: 200,
        body: {
          items: [
            { id: A, name: '张建国' },
            { id: B, name: '李四' },
            { id: C, name: null },
          ],
        },
      },
      [`POST /api/trips/${TRIP.id}/staff-bookings`]: {
        status: 200,
        body: {
          results: [
            { workerId: A, booking: { ...BOOKING, workerId: A, bookedBy: 'liaison' }, error: null },
            {
              workerId: B,
              booking: { ...BOOKING, workerId: B, status: 'waitlisted', waitlistPosition: 1 },
              error: null,
            },
            { workerId: C, booking: null, error: { code: 'PASS_NOT_GREEN', message: '通行码不是绿码' } },
          ],
        },
      },
    });
    render(<StaffBookingPage />);
    await flush();

    fireEvent.click(screen.getByText('为所选员工订座'));
    await flush();
    expect(screen.getByText('请选择员工')).toBeTruthy();

    fireEvent.click(screen.getByText('张建国'));
    fireEvent.click(screen.getByText('李四'));
    fireEvent.click(screen.getByText('（未填姓名）'));
    fireEvent.click(screen.getByText('贵阳北站'));
    fireEvent.click(screen.getByText('为所选员工订座'));
    await flush();

    expect(api.calls.find((c) => c.method === 'POST')?.data).toEqual({ staffIds: [A, B, C], pickupIndex: 1 });
    expect(screen.getByText('订座结果')).toBeTruthy();
    expect(screen.getByText('已订座')).toBeTruthy();
    expect(screen.getByText('候补中（第 1 位）')).toBeTruthy();
    expect(screen.getByText('未订上：通行码不是绿码')).toBeTruthy();
  });

  it('when the firm has no staff bound yet, then the page says how staff join', async () => {
    setRouterParams({ tripId: TRIP.id });
    installFakeApi({
      [`GET /api/trips/${TRIP.id}`]: { status: 200, body: TRIP },
      [`GET /api/enterprises/${FIRM}/staff`]: { status: 200, body: { items: [] } },
    });
    render(<StaffBookingPage />);
    await flush();

    expect(screen.getByText('本企业还没有员工绑定')).toBeTruthy();
  });
});
