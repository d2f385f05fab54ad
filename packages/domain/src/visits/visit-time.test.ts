import { checkVisitTime } from './visit-time';

const now = new Date('2026-03-06T15:00:00+08:00');
const shift = (ms: number) => new Date(now.getTime() + ms);
const H = 3_600_000;

describe('visit dating', () => {
  it('when a visit is logged now or 47 h back, then it is accepted', () => {
    expect(checkVisitTime(now, now)).toEqual({ ok: true });
    expect(checkVisitTime(shift(-47 * H), now)).toEqual({ ok: true });
    expect(checkVisitTime(shift(-48 * H), now)).toEqual({ ok: true });
  });

  it('when a visit is dated more than 48 h back, then it is refused as too old', () => {
    expect(checkVisitTime(shift(-48 * H - 1), now)).toMatchObject({ ok: false, reason: 'too_old' });
  });

  it('when a visit is dated in the future beyond a minute of clock skew, then it is refused', () => {
    expect(checkVisitTime(shift(30_000), now)).toEqual({ ok: true });
    expect(checkVisitTime(shift(61_000), now)).toMatchObject({ ok: false, reason: 'future' });
  });
});
