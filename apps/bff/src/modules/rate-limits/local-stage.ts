/** What the local stage decided for one hit of one rule. */
export type LocalVerdict =
  /** Under the rule's local share: admitted from this process's own count, no database write. */
  | { stage: 'local' }
  /** Count `by` hits in the shared counter and judge by its total. */
  | { stage: 'shared'; by: number }
  /** This window's shared count is already over the limit: refused without a database write. */
  | { stage: 'refused'; untilMs: number };

interface Entry {
  /** Hits of this key seen by this process in the window. */
  n: number;
  /** True once this key's hits go to the shared counter (every one after the local share). */
  shared: boolean;
  refusedUntil: number;
  endMs: number;
}

/**
 * The per-process first stage of the rate limiter: fixed windows counted in memory, in front of
 * the shared counters in the database. A key's first `threshold` hits of a window in this process
 * are admitted from memory; the hit that crosses it adds all of them to the shared counter at
 * once (so the shared count misses nothing this process admitted once it reports), and every
 * later hit is counted there one by one. Once the shared count says "over", the key is refused
 * here until its window ends: a fixed-window count only grows, so the answer cannot change,
 * and a flood costs no writes.
 *
 * Bounded: past `maxKeys` live keys (expired windows are dropped first), new keys skip the
 * local stage and are counted exactly in the database — the safe direction.
 */
export class LocalWindows {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxKeys = 50_000) {}

  /**
   * One hit of the window `id` (bucket:window:key) ending at `endMs`. `threshold` = how many hits
   * this process may admit from memory (0 = count every hit in the database).
   */
  hit(id: string, threshold: number, endMs: number, nowMs: number): LocalVerdict {
    let e = this.entries.get(id);
    if (e && e.refusedUntil > nowMs) return { stage: 'refused', untilMs: e.refusedUntil };
    if (!e) {
      if (threshold === 0) return { stage: 'shared', by: 1 };
      if (this.entries.size >= this.maxKeys) this.dropExpired(nowMs);
      if (this.entries.size >= this.maxKeys) return { stage: 'shared', by: 1 };
      e = { n: 0, shared: false, refusedUntil: 0, endMs };
      this.entries.set(id, e);
    }
    e.n += 1;
    if (!e.shared && e.n <= threshold) return { stage: 'local' };
    // Set before the caller awaits its write: a concurrent hit in this process then adds 1, not
    // the catch-up again, so the shared counter receives each admitted hit exactly once.
    const by = e.shared ? 1 : e.n;
    e.shared = true;
    return { stage: 'shared', by };
  }

  /** Remembers that the shared counter refused `id` until `untilMs` (its window's end). */
  refuse(id: string, untilMs: number, nowMs: number): void {
    const e = this.entries.get(id);
    if (e) {
      e.refusedUntil = untilMs;
      return;
    }
    if (this.entries.size >= this.maxKeys) this.dropExpired(nowMs);
    if (this.entries.size < this.maxKeys)
      this.entries.set(id, { n: 0, shared: true, refusedUntil: untilMs, endMs: untilMs });
  }

  /** Live keys held (for tests and the bound). */
  get size(): number {
    return this.entries.size;
  }

  private dropExpired(nowMs: number): void {
    for (const [id, e] of this.entries) if (e.endMs <= nowMs) this.entries.delete(id);
  }
}
