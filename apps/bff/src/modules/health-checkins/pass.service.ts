import type { Pass, PassToken } from '@fugong/contracts';
import {
  chinaDay,
  computePass,
  HOUR_MS,
  type CheckinFacts,
  type PassResult,
  type RiskLookup,
} from '@fugong/domain';
import type { Clock } from '../../clock';
import type { RegionService } from '../regions';
import type { CheckinRepository } from './checkin.repository';
import { PASS_TOKEN_REFRESH_SEC, type PassTokenSigner } from './pass-token';

/** Computes passes (never stored: they change with time and with region risk levels). */
export class PassService {
  constructor(
    private readonly checkins: CheckinRepository,
    private readonly regions: RegionService,
    private readonly signer: PassTokenSigner,
    private readonly clock: Clock,
  ) {}

  async passFor(workerId: string, now = this.clock.now()): Promise<PassResult> {
    const { latest, riskOf } = await this.latestOf(workerId, now);
    return passFrom(latest, now, riskOf);
  }

  /**
   * Today's or yesterday's check-in is the latest for anyone who can be green: a batched read
   * (the pass views of 8:00 at the factory gate share one). Only a worker without one costs a
   * second read, for the exact reasons shown.
   */
  private async latestOf(workerId: string, now: Date) {
    const [found, riskOf] = await Promise.all([
      this.checkins.latestSince(workerId, yesterdayOf(now)),
      this.regions.riskLookup(),
    ]);
    return { latest: found ?? (await this.checkins.latest(workerId)), riskOf };
  }

  /** Passes of many workers at once (manifest, flag sweep, liaison booking). */
  async passesFor(workerIds: string[], now = this.clock.now()): Promise<Map<string, PassResult>> {
    // A check-in older than yesterday cannot be under 24 h old, so two days of rows decide every
    // colour in one batch. The reason shown still needs the older check-in: someone who checked
    // in at 23:10 the day before yesterday did check in, and must read "超过 24 小时", not "尚未
    // 打卡". Only those workers cost a read each (an indexed latest-first lookup), as in passFor.
    const [recent, riskOf] = await Promise.all([
      this.checkins.latestMany(workerIds, yesterdayOf(now)),
      this.regions.riskLookup(),
    ]);
    const older = [...new Set(workerIds.filter((id) => !recent.has(id)))];
    const found = await Promise.all(older.map((id) => this.checkins.latest(id)));
    older.forEach((id, i) => {
      const c = found[i];
      if (c) recent.set(id, c);
    });
    return new Map(workerIds.map((id) => [id, passFrom(recent.get(id) ?? null, now, riskOf)]));
  }

  async view(workerId: string): Promise<Pass> {
    const now = this.clock.now();
    const { latest, riskOf } = await this.latestOf(workerId, now);
    return toPassView(passFrom(latest, now, riskOf), latest?.at ?? null);
  }

  /**
   * A fresh QR token for the pass page and the boarding code. The phone draws the QR from the
   * token itself: a server PNG cost 10–27 ms of CPU per view (bench:peak) for 3 KB of answer,
   * while the token is what stays screenshot-proof (signed, 90 s, refreshed every 60 s).
   */
  async token(workerId: string): Promise<PassToken> {
    const now = this.clock.now();
    const { token, expiresAt } = this.signer.sign(workerId, now);
    const pass = await this.view(workerId);
    return {
      token,
      expiresAt: expiresAt.toISOString(),
      refreshInSec: PASS_TOKEN_REFRESH_SEC,
      pass,
    };
  }

  /** The worker a scanned token belongs to, or null when forged or expired. */
  verifyToken(token: string): string | null {
    return this.signer.verify(token, this.clock.now());
  }
}

/**
 * The China day before `now`'s: the same instant a day earlier (China time has no daylight
 * saving), with none of addDays' parsing of a day string — every pass view asks.
 */
function yesterdayOf(now: Date): string {
  return chinaDay(new Date(now.getTime() - 24 * HOUR_MS));
}

/**
 * The pass a check-in gives, or a yellow "check in again" when the stored check-in cannot be
 * read (a day no calendar has, stored before check-ins were validated): one bad record must
 * cost its owner a fresh check-in, not every later pass page, booking and manifest a 500.
 */
export function passFrom(latest: CheckinFacts | null, now: Date, riskOf: RiskLookup): PassResult {
  try {
    return computePass(latest, now, riskOf);
  } catch (err) {
    if (!(err instanceof TypeError && /^Not a /.test(err.message))) throw err;
    return {
      color: 'yellow',
      reasons: [
        { code: 'CHECKIN_UNREADABLE', color: 'yellow', message: '最近一次打卡记录无法识别，请重新打卡' },
      ],
      validUntil: null,
    };
  }
}

/** The contract shape of a pass. */
export function toPassView(p: PassResult, checkedInAt: Date | null): Pass {
  return {
    color: p.color,
    reasons: p.reasons,
    validUntil: p.validUntil ? p.validUntil.toISOString() : null,
    checkedInAt: checkedInAt ? checkedInAt.toISOString() : null,
  };
}
