import { createPiiCipher } from './pii';

const key = Buffer.alloc(32, 1).toString('base64');

describe('PII cipher', () => {
  it('when a phone is encrypted, then the stored text hides it and decrypts back', () => {
    const c = createPiiCipher(key);
    const stored = c.encrypt('13812348000');
    expect(stored).not.toContain('13812348000');
    expect(stored.startsWith('v1:')).toBe(true);
    expect(c.decrypt(stored)).toBe('13812348000');
  });

  it('when the same value is encrypted twice, then the ciphertexts differ but the lookup hash matches', () => {
    const c = createPiiCipher(key);
    expect(c.encrypt('x')).not.toBe(c.encrypt('x'));
    expect(c.lookupHash('13812348000')).toBe(c.lookupHash('13812348000'));
    expect(c.lookupHash('13812348000')).not.toBe(c.lookupHash('13812348001'));
  });

  it('when the ciphertext is tampered with, then decryption fails instead of returning garbage', () => {
    const c = createPiiCipher(key);
    const stored = c.encrypt('110105199001010123');
    const raw = Buffer.from(stored.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => c.decrypt(`v1:${raw.toString('base64')}`)).toThrow();
  });

  it('when another master key is used, then it cannot read the data', () => {
    const stored = createPiiCipher(key).encrypt('13812348000');
    expect(() => createPiiCipher(Buffer.alloc(32, 2).toString('base64')).decrypt(stored)).toThrow();
  });
});
