import { freightPassVerdict, validityIssues } from './validity';

const now = new Date('2026-03-02T09:00:00+08:00');
const at = (offsetHours: number) => new Date(now.getTime() + offsetHours * 3_600_000);
const codes = (from: Date, until: Date) => validityIssues(from, until, now).map((i) => i.code);

describe('validity window of a freight pass', () => {
  it('when it starts now and lasts 30 days exactly, then it is accepted', () => {
    expect(codes(now, at(30 * 24))).toEqual([]);
  });

  it('when it started ten minutes ago (a slow form), then it is accepted; an hour ago, refused', () => {
    expect(codes(at(-10 / 60), at(24))).toEqual([]);
    expect(codes(at(-1), at(24))).toEqual(['start_past']);
  });

  it('when it starts more than a week ahead, then it is refused', () => {
    expect(codes(at(7 * 24), at(8 * 24))).toEqual([]);
    expect(codes(at(7 * 24 + 1), at(8 * 24))).toEqual(['start_too_far']);
  });

  it('when it is longer than 30 days, shorter than an hour or reversed, then it is refused with the field named', () => {
    expect(validityIssues(now, at(30 * 24 + 1), now)).toEqual([
      { path: 'validUntil', code: 'too_long', message: '有效期最长 30 天' },
    ]);
    expect(codes(now, at(0.5))).toEqual(['too_short']);
    expect(codes(at(2), at(1))).toEqual(['too_short']);
  });
});

describe('what a checkpoint sees', () => {
  const pass = { status: 'approved' as const, validFrom: at(1), validUntil: at(25) };

  it('when an approved pass is scanned inside its window, then it is valid; before, not yet; at the end, expired', () => {
    expect(freightPassVerdict(pass, at(2))).toBe('valid');
    expect(freightPassVerdict(pass, at(0.5))).toBe('not_yet_valid');
    expect(freightPassVerdict(pass, at(25))).toBe('expired');
  });

  it('when the pass was revoked, then revocation wins even inside the window', () => {
    expect(freightPassVerdict({ ...pass, status: 'revoked' }, at(2))).toBe('revoked');
  });

  it('when the pass is pending or refused, then it is not approved', () => {
    expect(freightPassVerdict({ ...pass, status: 'pending' }, at(2))).toBe('not_approved');
    expect(freightPassVerdict({ ...pass, status: 'refused' }, at(2))).toBe('not_approved');
  });
});
