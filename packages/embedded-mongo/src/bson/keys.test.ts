import { ObjectId } from 'bson';
import { canonicalKey, flatKey, tupleKey } from './keys';

describe('flatKey', () => {
  it('keeps every key as it was, so stored keys still meet the probes built by concatenation', () => {
    const id = new ObjectId();
    const keys = [
      '',
      's',
      'n1',
      canonicalKey(id),
      tupleKey(['2026-12-07', id, '余姚市阳明街道']),
      tupleKey([12, 'a'.repeat(5000)]),
    ];
    const stored = new Map(keys.map((k) => [flatKey(k), k]));
    for (const k of keys) {
      expect(flatKey(k)).toBe(k);
      // A fresh probe, built the way lookups build it, finds the stored key.
      expect(stored.get(`${k.slice(0, 1)}${k.slice(1)}`)).toBe(k);
    }
  });
});
