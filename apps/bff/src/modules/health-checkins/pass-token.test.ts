import { createPassTokenSigner, PASS_TOKEN_TTL_SEC } from './pass-token';

const signer = createPassTokenSigner('a-test-secret-that-is-long-enough-0123456789');
const worker = '65f0a1b2c3d4e5f6a7b8c9d0';
const now = new Date('2026-03-02T08:00:00+08:00');

describe('pass tokens', () => {
  it('when a fresh token is verified, then it yields the worker', () => {
    const { token, expiresAt } = signer.sign(worker, now);
    expect(signer.verify(token, now)).toBe(worker);
    expect(expiresAt.getTime() - now.getTime()).toBe(PASS_TOKEN_TTL_SEC * 1000);
  });

  it('when the token has expired (a screenshot shown later), then it is refused', () => {
    const { token } = signer.sign(worker, now);
    expect(signer.verify(token, new Date(now.getTime() + PASS_TOKEN_TTL_SEC * 1000))).toBeNull();
  });

  it('when the worker id or expiry is altered, then the signature no longer matches', () => {
    const { token } = signer.sign(worker, now);
    const parts = token.split('.');
    expect(
      signer.verify([parts[0], '65f0a1b2c3d4e5f6a7b8c9d1', parts[2], parts[3]].join('.'), now),
    ).toBeNull();
    expect(
      signer.verify(
        [parts[0], parts[1], (parseInt(parts[2], 36) + 3600).toString(36), parts[3]].join('.'),
        now,
      ),
    ).toBeNull();
  });

  it('when a token is signed with another secret, then it is refused', () => {
    const other = createPassTokenSigner('another-secret-that-is-long-enough-9876543210');
    expect(signer.verify(other.sign(worker, now).token, now)).toBeNull();
    expect(signer.verify('garbage', now)).toBeNull();
  });
});

describe('pass tokens of another purpose', () => {
  const freight = createPassTokenSigner('a-test-secret-that-is-long-enough-0123456789', {
    prefix: 'FP1',
    label: 'test-freight',
  });

  it('when a token of one purpose is verified by the other, then it is refused both ways', () => {
    const f = freight.sign(worker, now).token;
    expect(f.startsWith('FP1.')).toBe(true);
    expect(freight.verify(f, now)).toBe(worker);
    expect(signer.verify(f, now)).toBeNull();
    expect(freight.verify(signer.sign(worker, now).token, now)).toBeNull();
  });

  it('when only the prefix is swapped, then the signature (own key) still refuses it', () => {
    const h = signer.sign(worker, now).token;
    expect(freight.verify(h.replace(/^FG1/, 'FP1'), now)).toBeNull();
  });
});
