/**
 * The place a booking takes in a trip's waitlist: a number from the clock (microseconds since
 * the epoch), strictly increasing within this process. The waitlist is served in this order.
 *
 * Why not a counter on the trip: taking a ticket was one more write on the hottest document of
 * a rush, for every waitlisted booking (three in four of a rush's bookings). Joining order by
 * time is what a worker understands by "in order", and it needs no write: the booking is
 * inserted already carrying its place. Across BFF instances the order follows their clocks
 * (NTP keeps them within milliseconds), which only matters between two workers who joined the
 * same waitlist within those milliseconds of each other; ties are served by booking id.
 * Stays a safe integer until the year 2255 (2^53 µs).
 */
export class WaitlistOrder {
  private last = 0;

  next(now: Date): number {
    this.last = Math.max(this.last + 1, now.getTime() * 1000);
    return this.last;
  }
}
