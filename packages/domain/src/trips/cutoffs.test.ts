import { boardingCutoff, bookingOpen, cancellationOpen } from './cutoffs';

const departure = new Date('2026-03-03T07:00:00+08:00');
const at = (hhmm: string) => new Date(`2026-03-03T${hhmm}:00+08:00`);

describe('trip cut-offs', () => {
  it('when it is 06:29 on a 07:00 departure, then booking is open; at 06:30 it is closed', () => {
    expect(bookingOpen(departure, at('06:29'))).toBe(true);
    expect(bookingOpen(departure, at('06:30'))).toBe(false);
    expect(boardingCutoff(departure)).toEqual(at('06:30'));
  });

  it('when it is 04:59 on a 07:00 departure, then a worker may cancel; at 05:00 no longer', () => {
    expect(cancellationOpen(departure, at('04:59'))).toBe(true);
    expect(cancellationOpen(departure, at('05:00'))).toBe(false);
  });
});
