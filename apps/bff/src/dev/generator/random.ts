import { Types } from 'mongoose';

/** A seeded PRNG (mulberry32): the same seed gives the same city, run after run. */
export class Rng {
  private a: number;
  constructor(seed: number) {
    this.a = seed >>> 0;
  }

  next(): number {
    this.a = (this.a + 0x6d2b79f5) | 0;
    let x = Math.imul(this.a ^ (this.a >>> 15), 1 | this.a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }

  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    const sum = table.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * sum;
    for (const [v, w] of table) if ((r -= w) < 0) return v;
    return table[table.length - 1][0];
  }

  /** A normal draw (Box–Muller). */
  normal(mean: number, sd: number): number {
    const u = Math.max(this.next(), 1e-12);
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
}

/**
 * Deterministic ObjectIds: a fixed time part, a kind byte, the seed and a counter. Real ObjectIds
 * embed the clock and a random part, which would make two runs with one seed differ.
 */
export function idFactory(seed: number, kind: number): () => Types.ObjectId {
  const head = `5e5a0000${kind.toString(16).padStart(2, '0')}${(seed >>> 0).toString(16).padStart(8, '0').slice(-8)}`;
  let n = 0;
  return () => new Types.ObjectId(`${head}${(n++).toString(16).padStart(6, '0')}`);
}
