import { createHmac, createSecretKey, hkdfSync, timingSafeEqual } from 'node:crypto';

/** The QR code lives 90 s; the page fetches a new one every 60 s, so a screenshot dies quickly. */
export const PASS_TOKEN_TTL_SEC = 90;
export const PASS_TOKEN_REFRESH_SEC = 60;
const PREFIX = 'FG1';

/**
 * Signs and verifies the short-lived token shown as the pass / boarding QR code:
 * `FG1.<workerId>.<expiry, unix seconds base36>.<HMAC-SHA256, 128 bits>`. Short enough for a
 * low-density QR a cheap phone camera reads at once. The key is derived from the JWT secret
 * with its own HKDF label, so a pass token can never be replayed as a session token.
 */
export interface PassTokenSigner {
  sign(workerId: string, now: Date): { token: string; expiresAt: Date };
  /** The worker id, or null when the token is forged, malformed or expired at `now`. */
  verify(token: string, now: Date): string | null;
}

/**
 * What a token is for. Another purpose (the freight pass) gets its own prefix and its own HKDF
 * label, hence its own key: a token of one kind never verifies as the other.
 */
export interface PassTokenPurpose {
  prefix: string;
  label: string;
}

const HEALTH_PASS: PassTokenPurpose = { prefix: PREFIX, label: 'fugong-pass-token' };

/** Builds the signer from the configured secret; the health pass unless another purpose is given. */
export function createPassTokenSigner(
  secret: string,
  purpose: PassTokenPurpose = HEALTH_PASS,
): PassTokenSigner {
  // A KeyObject, imported once: given raw bytes, every createHmac imports the key again (one
  // HMAC per pass view).
  const key = createSecretKey(
    Buffer.from(hkdfSync('sha256', Buffer.from(secret), Buffer.alloc(0), purpose.label, 32)),
  );
  const mac = (body: string) => createHmac('sha256', key).update(body).digest().subarray(0, 16);
  return {
    sign(workerId, now) {
      const exp = Math.floor(now.getTime() / 1000) + PASS_TOKEN_TTL_SEC;
      const body = `${purpose.prefix}.${workerId}.${exp.toString(36)}`;
      return { token: `${body}.${mac(body).toString('base64url')}`, expiresAt: new Date(exp * 1000) };
    },
    verify(token, now) {
      const parts = token.split('.');
      if (parts.length !== 4 || parts[0] !== purpose.prefix || !/^[0-9a-f]{24}$/.test(parts[1])) return null;
      const given = Buffer.from(parts[3], 'base64url');
      const expected = mac(parts.slice(0, 3).join('.'));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      const exp = parseInt(parts[2], 36);
      if (!Number.isFinite(exp) || now.getTime() >= exp * 1000) return null;
      return parts[1];
    },
  };
}
