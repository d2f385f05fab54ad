import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { BoardingTokenClaims } from '@fugong/domain';

/** What every offline boarding code starts with; the marshal's check tells it from the 90-s pass by it. */
export const BOARDING_TOKEN_PREFIX = 'FGB1';

/**
 * Signs and reads the offline boarding code:
 * `FGB1.<bookingId>.<tripId>.<deviceId>.<valid from>.<valid until>.<HMAC-SHA256, 128 bits>`
 * (times in unix seconds, base 36) — about 130 characters, still a QR a cheap camera reads.
 * Its own HKDF label, so neither a session token nor a pass token verifies as one. Whether
 * the code may board anyone is the domain's `boardingTokenRefusal`, against the stored booking.
 */
export interface BoardingTokenSigner {
  sign(claims: BoardingTokenClaims): string;
  /** What the code says, or null when it is forged or malformed (its times are not judged here). */
  verify(token: string): BoardingTokenClaims | null;
}

const HEX24 = /^[0-9a-f]{24}$/;
const DEVICE = /^[0-9a-f]{32}$/;

export function createBoardingTokenSigner(secret: string): BoardingTokenSigner {
  const key = Buffer.from(
    hkdfSync('sha256', Buffer.from(secret), Buffer.alloc(0), 'fugong-boarding-token', 32),
  );
  const mac = (body: string) => createHmac('sha256', key).update(body).digest().subarray(0, 16);
  const secs = (d: Date) => Math.floor(d.getTime() / 1000).toString(36);
  return {
    sign(c) {
      const body = [
        BOARDING_TOKEN_PREFIX,
        c.bookingId,
        c.tripId,
        c.deviceId,
        secs(c.validFrom),
        secs(c.validUntil),
      ].join('.');
      return `${body}.${mac(body).toString('base64url')}`;
    },
    verify(token) {
      const p = token.split('.');
      if (p.length !== 7 || p[0] !== BOARDING_TOKEN_PREFIX) return null;
      if (!HEX24.test(p[1]) || !HEX24.test(p[2]) || !DEVICE.test(p[3])) return null;
      const given = Buffer.from(p[6], 'base64url');
      const expected = mac(p.slice(0, 6).join('.'));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      const from = parseInt(p[4], 36);
      const until = parseInt(p[5], 36);
      if (!Number.isFinite(from) || !Number.isFinite(until)) return null;
      return {
        bookingId: p[1],
        tripId: p[2],
        deviceId: p[3],
        validFrom: new Date(from * 1000),
        validUntil: new Date(until * 1000),
      };
    },
  };
}
