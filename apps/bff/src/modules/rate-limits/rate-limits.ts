import type { Clock } from '../../clock';
import { DomainError } from '../../errors';
import type { RateLimitRepository } from './rate-limit.repository';
import type { Metrics } from '../../metrics';
import { LocalWindows } from './local-stage';

/** Whose requests a rule counts together. */
export type RateKey = 'ip' | 'actor' | 'phone';

/** One fixed-window limit: at most `limit` requests per `windowSec` for each distinct key. */
export interface RateRule {
  /** Counter namespace; rules sharing a bucket share counters (e.g. all sign-in routes per IP). */
  bucket: string;
  per: RateKey;
  limit: number;
  windowSec: number;
  /**
   * Share of `limit` each BFF process admits from its own in-memory count before it counts the
   * key in the database (see LocalWindows). Unset: every hit is counted in the database — the
   * targeted limits (codes, sign-in, a person's bookings) stay exact across instances.
   */
  localShare?: number;
}

/** Route id → its rules; routes not listed get `default`. */
export interface RateLimitTable {
  routes: Record<string, readonly RateRule[]>;
  default: readonly RateRule[];
  /** Routes never counted (probes a load balancer calls every second). */
  exempt: readonly string[];
}

/**
 * The abuse limits. Per phone and per IP on one-time codes (an SMS costs money and a phone must
 * not be flooded), per IP on code guessing (the per-code lockout in modules/auth stops guessing
 * one phone; this stops spraying many), per person and per IP on booking. Per-IP limits are
 * generous: a factory dormitory or a carrier-grade NAT puts hundreds of workers behind one address.
 */
export const RATE_LIMITS: RateLimitTable = {
  routes: {
    'auth.otp': [
      { bucket: 'otp.phone', per: 'phone', limit: 5, windowSec: 3600 },
      { bucket: 'otp.ip', per: 'ip', limit: 100, windowSec: 3600 },
    ],
    'auth.phone': [
      { bucket: 'login.ip', per: 'ip', limit: 200, windowSec: 600 },
      { bucket: 'login.phone', per: 'phone', limit: 20, windowSec: 3600 },
    ],
    'auth.wechat': [{ bucket: 'login.ip', per: 'ip', limit: 200, windowSec: 600 }],
    'auth.refresh': [{ bucket: 'refresh.ip', per: 'ip', limit: 600, windowSec: 600, localShare: 0.1 }],
    // A worker's first booking of a minute is counted in memory (a rush is one booking each, so
    // it writes no counter); past it, counts are shared. At most one more per instance gets in.
    'bookings.create': [
      { bucket: 'booking.actor', per: 'actor', limit: 10, windowSec: 60, localShare: 0.1 },
      { bucket: 'booking.ip', per: 'ip', limit: 600, windowSec: 60, localShare: 0.1 },
    ],
    'bookings.cancel': [{ bucket: 'booking.actor', per: 'actor', limit: 10, windowSec: 60 }],
    'bookings.arrive': [{ bucket: 'booking.actor', per: 'actor', limit: 10, windowSec: 60 }],
    'bookings.staff': [{ bucket: 'booking.actor', per: 'actor', limit: 30, windowSec: 60 }],
  },
  // The generic per-address limit guards against floods, not against one more request: its
  // first 10% per process and minute are counted in memory, so ordinary traffic writes nothing.
  default: [{ bucket: 'api.ip', per: 'ip', limit: 3000, windowSec: 60, localShare: 0.1 }],
  exempt: ['health', 'ready', 'openapi'],
};

/** Rule keys whose hashes are remembered (cleared when full). */
const MAX_HASHES = 50_000;

/** What a rule's key is read from: the already-validated request. */
export interface RateSubject {
  routeId: string;
  ip: string;
  actorId: string | null;
  body: unknown;
}

/**
 * Applies the table with counters in the database, so every BFF instance sees the same counts,
 * behind a per-process first stage (LocalWindows) that answers the common case from memory.
 * Keys are stored as keyed hashes: the collection never holds a phone number or an address.
 */
export class RateLimiter {
  private readonly local = new LocalWindows();
  private readonly hashes = new Map<string, string>();

  constructor(
    private readonly repo: RateLimitRepository,
    private readonly table: RateLimitTable,
    private readonly clock: Clock,
    private readonly hashKey: (plain: string) => string,
    private readonly metrics: Metrics | null = null,
  ) {}

  /**
   * The keyed hash of a rule's key, remembered: the same address or person asks again and
   * again, and an HMAC per rule per request was a visible share of a pass view's CPU.
   */
  private keyHash(plain: string): string {
    let h = this.hashes.get(plain);
    if (h === undefined) {
      h = this.hashKey(plain);
      if (this.hashes.size >= MAX_HASHES) this.hashes.clear();
      this.hashes.set(plain, h);
    }
    return h;
  }

  /**
   * Counts the request against every rule of its route; throws RATE_LIMITED when one is exceeded.
   * Every rule's local stage is decided in one synchronous pass (as before, in rule order); only
   * rules that go to the shared counter wait for the database. The common case — every rule
   * admitted from memory — allocates no promise or closure per rule (a pass view pays this once
   * per request).
   */
  async check(subject: RateSubject): Promise<void> {
    if (this.table.exempt.includes(subject.routeId)) return;
    const rules = this.table.routes[subject.routeId] ?? this.table.default;
    const now = this.clock.now().getTime();
    let wait = 0;
    let shared: Promise<number>[] | null = null;
    for (const rule of rules) {
      const key = keyOf(rule.per, subject);
      if (key === null) continue;
      const windowMs = rule.windowSec * 1000;
      const index = Math.floor(now / windowMs);
      const end = (index + 1) * windowMs;
      // The local stage keys by the plain key (process memory only); the shared counter's id
      // carries its keyed hash, computed only for hits that go to the database: a rush's first
      // request per worker would otherwise pay an HMAC for a key it never stores.
      const localId = `${rule.bucket}:${index}:${rule.per}:${key}`;
      const threshold = Math.floor(rule.limit * (rule.localShare ?? 0));
      const verdict = this.local.hit(localId, threshold, end, now);
      if (verdict.stage === 'local') {
        this.metrics?.rateLimitChecks.inc({ bucket: rule.bucket, stage: 'local' });
      } else if (verdict.stage === 'refused') {
        this.metrics?.rateLimitChecks.inc({ bucket: rule.bucket, stage: 'refused_local' });
        wait = Math.max(wait, secondsUntil(verdict.untilMs, now));
      } else {
        const id = `${rule.bucket}:${index}:${this.keyHash(`${rule.per}:${key}`)}`;
        (shared ??= []).push(this.countShared(rule, id, localId, end, now, verdict.by));
      }
    }
    if (shared) for (const w of await Promise.all(shared)) wait = Math.max(wait, w);
    if (wait > 0) {
      throw new DomainError('RATE_LIMITED', `操作太频繁，请 ${wait} 秒后再试`, { retryAfterSec: wait }, wait);
    }
  }

  /**
   * Adds `by` hits to the shared counter `id` (the local stage's `localId`); the seconds to wait
   * when it is over the limit, else 0.
   */
  private async countShared(
    rule: RateRule,
    id: string,
    localId: string,
    end: number,
    now: number,
    by: number,
  ): Promise<number> {
    const count = await this.repo.hit(id, rule.bucket, new Date(end), by);
    if (count <= rule.limit) {
      this.metrics?.rateLimitChecks.inc({ bucket: rule.bucket, stage: 'shared' });
      return 0;
    }
    this.local.refuse(localId, end, now);
    this.metrics?.rateLimitChecks.inc({ bucket: rule.bucket, stage: 'refused_shared' });
    return secondsUntil(end, now);
  }
}

/** Whole seconds (at least 1) from `now` until `until`, both in ms: the Retry-After of a refusal. */
function secondsUntil(until: number, now: number): number {
  return Math.max(1, Math.ceil((until - now) / 1000));
}

function keyOf(per: RateKey, s: RateSubject): string | null {
  if (per === 'ip') return s.ip || 'unknown';
  if (per === 'actor') return s.actorId;
  const phone = (s.body as { phone?: unknown } | undefined)?.phone;
  return typeof phone === 'string' ? phone : null;
}
