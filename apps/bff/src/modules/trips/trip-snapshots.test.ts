import { TripSnapshots } from './trip-snapshots';
import type { TripRecord } from './trip.types';

const trip = { id: 't1', capacity: 3, bookedCount: 1, seatHolders: ['b0'] } as TripRecord;

describe('TripSnapshots', () => {
  it('when a seat claim through this process lands, then the snapshot counts it once, and still expires a second after the read', () => {
    let now = 0;
    const snaps = new TripSnapshots(1000, () => now);
    snaps.put(trip);
    now = 900;
    snaps.claimed('t1', 'b1');
    snaps.claimed('t1', 'b1'); // the same booking reported twice (a retry in the same batch)
    expect(snaps.get('t1')).toMatchObject({ bookedCount: 2, seatHolders: ['b0', 'b1'] });
    expect(trip.bookedCount).toBe(1); // the record handed out earlier is not changed under its reader
    now = 1000;
    expect(snaps.get('t1')).toBeUndefined();
  });

  it('when the claim found the trip full, then later bookings see it full and go to the waitlist', () => {
    const snaps = new TripSnapshots(1000, () => 0);
    snaps.put(trip);
    snaps.markFull('t1');
    expect(snaps.get('t1')!.bookedCount).toBe(3);
  });
});
