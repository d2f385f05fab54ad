import { createTokenService } from './tokens';

const actor = {
  id: '6b1115a6eda038958c0bb2ef',
  roles: ['worker' as const],
  enterpriseId: null,
  departmentId: null,
};

describe('access tokens (verified ones are remembered until they expire)', () => {
  afterEach(() => jest.useRealTimers());

  it('when a token that verified before has expired, then it is refused as expired, not served from memory', () => {
    jest.useFakeTimers({ now: new Date('2026-12-03T00:00:00Z') });
    const tokens = createTokenService('a-long-enough-test-secret-for-hs256', 60);
    const { token } = tokens.issueAccess(actor);
    expect(tokens.verifyAccess(token)).toEqual(actor);
    jest.setSystemTime(new Date('2026-12-03T00:00:59Z'));
    expect(tokens.verifyAccess(token)).toEqual(actor);
    jest.setSystemTime(new Date('2026-12-03T00:01:00Z'));
    expect(() => tokens.verifyAccess(token)).toThrow(expect.objectContaining({ code: 'TOKEN_EXPIRED' }));
  });

  it('when a remembered token is altered by one character, then it is refused', () => {
    const tokens = createTokenService('a-long-enough-test-secret-for-hs256', 60);
    const { token } = tokens.issueAccess(actor);
    tokens.verifyAccess(token);
    const forged = token.slice(0, -2) + (token.endsWith('A') ? 'BB' : 'AA');
    expect(() => tokens.verifyAccess(forged)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it('when another service signed with another secret, then its token is refused', () => {
    const other = createTokenService('another-secret-of-enough-length!!', 60).issueAccess(actor).token;
    const tokens = createTokenService('a-long-enough-test-secret-for-hs256', 60);
    expect(() => tokens.verifyAccess(other)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });
});
