import { boardingTokenRefusal, boardingWindow, type BoardingTokenBooking } from './boarding-token';

const departure = new Date('2026-03-03T07:00:00+08:00');
const at = (hhmm: string) => new Date(`2026-03-03T${hhmm}:00+08:00`);
const { opensAt, closesAt } = boardingWindow(departure);
const claims = {
  bookingId: 'b1',
  tripId: 't1',
  deviceId: 'phone-a',
  validFrom: opensAt,
  validUntil: closesAt,
};
const booking = (over: Partial<BoardingTokenBooking> = {}): BoardingTokenBooking => ({
  tripId: 't1',
  status: 'confirmed',
  deviceId: 'phone-a',
  boardedAt: null,
  ...over,
});

describe('boarding window', () => {
  it('when a coach leaves at 07:00, then its boarding code is valid from 04:00 until 08:00', () => {
    expect(opensAt).toEqual(at('04:00'));
    expect(closesAt).toEqual(at('08:00'));
  });
});

describe('offline boarding code', () => {
  it('when the code of this booking on its own phone is scanned inside the window, then nothing refuses it', () => {
    expect(boardingTokenRefusal(claims, 't1', at('06:45'), booking())).toBeNull();
    expect(boardingTokenRefusal(claims, 't1', at('04:00'), booking())).toBeNull();
  });

  it('when it is scanned before the window opens or once it has closed, then it is refused', () => {
    expect(boardingTokenRefusal(claims, 't1', at('03:59'), booking())?.code).toBe('NOT_YET_OPEN');
    expect(boardingTokenRefusal(claims, 't1', at('08:00'), booking())?.code).toBe('WINDOW_CLOSED');
  });

  it('when it is scanned at the door of another trip, then it is refused as another trip’s', () => {
    expect(boardingTokenRefusal(claims, 't2', at('06:45'), booking({ tripId: 't2' }))).toEqual({
      code: 'OTHER_TRIP',
      message: '该上车码属于其他班次',
    });
  });

  it('when the booking was cancelled or its seat released, then it is refused', () => {
    for (const status of ['cancelled', 'released'])
      expect(boardingTokenRefusal(claims, 't1', at('06:45'), booking({ status }))?.code).toBe('CANCELLED');
    expect(boardingTokenRefusal(claims, 't1', at('06:45'), null)?.code).toBe('NO_BOOKING');
  });

  it('when the booking has boarded already (a screenshot shown a second time), then it is refused', () => {
    const boarded = booking({ status: 'boarded', boardedAt: at('06:30') });
    expect(boardingTokenRefusal(claims, 't1', at('06:45'), boarded)?.code).toBe('ALREADY_BOARDED');
  });

  it('when the worker fetched a newer code on another phone, then the old phone’s code is refused', () => {
    expect(boardingTokenRefusal(claims, 't1', at('06:45'), booking({ deviceId: 'phone-b' }))?.code).toBe(
      'OTHER_DEVICE',
    );
  });
});
