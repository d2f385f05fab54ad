import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  hkdfSync,
  randomBytes,
} from 'node:crypto';

const VERSION = 'v1';

/**
 * Field-level protection for personal data (phone, ID number): AES-256-GCM for storage, and
 * a keyed HMAC for equality lookups so a unique index can exist without storing plaintext.
 * Both keys are derived from the one configured master key with HKDF, so rotating it is one value.
 */
export interface PiiCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Deterministic keyed hash for lookups and unique indexes; not reversible. */
  lookupHash(plain: string): string;
}

/** Builds the cipher from a base64 32-byte master key. */
export function createPiiCipher(masterKeyBase64: string): PiiCipher {
  const master = Buffer.from(masterKeyBase64, 'base64');
  if (master.length !== 32) throw new TypeError('PII master key must be 32 bytes');
  const encKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'fugong-pii-encrypt', 32));
  // Imported once as a key object: a raw Buffer key is prepared again by every createHmac, and
  // lookups run for every rate-limited request (their keys) and every sign-in.
  const macKey = createSecretKey(
    Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'fugong-pii-lookup', 32)),
  );

  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return `${VERSION}:${Buffer.concat([iv, tag, body]).toString('base64')}`;
    },
    decrypt(stored) {
      const [version, payload] = stored.split(':', 2);
      if (version !== VERSION || !payload) throw new Error('Unknown PII ciphertext format');
      const raw = Buffer.from(payload, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    lookupHash(plain) {
      return createHmac('sha256', macKey).update(plain).digest('base64url');
    },
  };
}
