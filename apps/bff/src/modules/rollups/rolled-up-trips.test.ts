import { TripRepository } from '../trips/trip.repository';
import { RolledUpTripRepository } from './rolled-up-trips';

/** Methods that only read, or write nothing the transport figures count (notice fan-out flags). */
const NOT_COUNTED = [
  'constructor',
  'findById',
  'snapshot',
  'search',
  'departingBetween',
  'cancelledDepartingAfter',
  'withPendingNotices',
  'clearNotices',
];

describe('RolledUpTripRepository', () => {
  it('when the trip repository gains or renames a method, then this test makes us decide whether it must sync the transport rollup', () => {
    const all = Object.getOwnPropertyNames(TripRepository.prototype).sort();
    const hooked = Object.getOwnPropertyNames(RolledUpTripRepository.prototype)
      .filter((m) => m !== 'constructor')
      .sort();
    expect(all.filter((m) => !NOT_COUNTED.includes(m))).toEqual(hooked);
  });

  it('when a seat claim is refused, then no sync is scheduled; when it succeeds, the trip is scheduled once', async () => {
    const synced: string[] = [];
    const repo = new RolledUpTripRepository(
      {} as never,
      { syncTripSoon: (id: string) => void synced.push(id) } as never,
    );
    const base = TripRepository.prototype;
    const original = base.claimSeat;
    try {
      base.claimSeat = jest.fn().mockResolvedValueOnce('full').mockResolvedValueOnce('claimed');
      expect(await repo.claimSeat('t1', 'b1', 22)).toBe('full');
      expect(synced).toEqual([]);
      expect(await repo.claimSeat('t1', 'b2', 22)).toBe('claimed');
      expect(synced).toEqual(['t1']);
    } finally {
      base.claimSeat = original;
    }
  });
});
