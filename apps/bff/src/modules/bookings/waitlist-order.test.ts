import { WaitlistOrder } from './waitlist-order';

describe('WaitlistOrder', () => {
  it('when the clock stands still (many joins in one millisecond), then every place is still later than the one before', () => {
    const order = new WaitlistOrder();
    const now = new Date('2027-02-10T08:00:00Z');
    const places = Array.from({ length: 5000 }, () => order.next(now));
    for (let i = 1; i < places.length; i += 1) expect(places[i]).toBeGreaterThan(places[i - 1]);
  });

  it('when time moves on, then a later join gets a later place, from the clock in microseconds', () => {
    const order = new WaitlistOrder();
    const a = order.next(new Date('2027-02-10T08:00:00.000Z'));
    const b = order.next(new Date('2027-02-10T08:00:00.002Z'));
    expect(b - a).toBe(2000);
    expect(Number.isSafeInteger(b)).toBe(true);
  });

  it('when the clock steps back (an NTP correction), then the order still never goes backwards', () => {
    const order = new WaitlistOrder();
    const a = order.next(new Date('2027-02-10T08:00:01Z'));
    expect(order.next(new Date('2027-02-10T08:00:00Z'))).toBeGreaterThan(a);
  });
});
