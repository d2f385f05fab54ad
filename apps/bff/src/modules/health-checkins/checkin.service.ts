import { hash } from 'node:crypto';
import { checkinSchema, dayProblem, type Checkin, type CheckinInput, type Pass } from '@fugong/contracts';
import { chinaDay } from '@fugong/domain';
import type { Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import { DomainError } from '../../errors';
import { assertStorable } from '../../http/storable';
import type { RegionService } from '../regions';
import type { CheckinRecord, CheckinRepository } from './checkin.repository';
import { passFrom, toPassView } from './pass.service';
import { NO_LISTENERS, type RecordEventPublisher } from '../../events';

/** Told when a worker's pass may have changed, so their upcoming bookings are (un)flagged. */
export interface PassChangeListener {
  passChanged(workerId: string): Promise<void>;
}

/** Daily health check-in (健康打卡). */
export class CheckinService {
  private listener: PassChangeListener | null = null;

  constructor(
    private readonly repo: CheckinRepository,
    private readonly regions: RegionService,
    private readonly clock: Clock,
    private readonly events: RecordEventPublisher = NO_LISTENERS,
  ) {}

  /** Wired by the container once the booking service exists (it depends on passes too). */
  onPassChanged(listener: PassChangeListener): void {
    this.listener = listener;
  }

  /**
   * @param idempotencyKey kept in the day's record itself (see CheckinRepository.upsertForDay):
   *   a retry is answered from the record, and runs no follow-up a second time.
   */
  async submit(
    actor: Actor,
    input: Required<CheckinInput>,
    idempotencyKey?: string,
  ): Promise<{ checkin: Checkin; pass: Pass; replayed: boolean }> {
    const now = this.clock.now();
    const today = chinaDay(now);
    // Arrival days lie between the first reported cases and today (the edge checked the day is real).
    const tooLate = input.arrivalDate ? dayProblem(input.arrivalDate, { notAfter: today }) : null;
    if (tooLate) {
      const message = input.arrivalDate! > today ? '到达日期不能晚于今天' : tooLate;
      throw new DomainError('VALIDATION_ERROR', message, [{ path: 'arrivalDate', message, code: 'too_big' }]);
    }
    const arrivalDate = input.arrivedFromOutsideProvince ? input.arrivalDate : null;
    assertStorable(
      checkinSchema,
      toCheckinView({ id: '0'.repeat(24), workerId: actor.id, day: today, at: now, ...input, arrivalDate }),
    );
    const key = idempotencyKey ? { k: idempotencyKey, h: answersHash(input) } : null;
    const saved = await this.repo.upsertForDay(actor.id, today, now, { ...input, arrivalDate }, key);
    if (saved.outcome === 'mismatch') throw new DomainError('IDEMPOTENCY_MISMATCH');
    const rec = saved.record;
    const replayed = saved.outcome === 'replayed';
    if (!replayed) {
      await this.events.publish({ type: 'checkin.saved', workerId: actor.id, day: today });
      if (this.listener) await this.listener.passChanged(actor.id);
    }
    const pass = passFrom(rec, now, await this.regions.riskLookup());
    return { checkin: toCheckinView(rec), pass: toPassView(pass, rec.at), replayed };
  }

  async latest(actor: Actor): Promise<{ checkin: Checkin | null }> {
    const rec = await this.repo.latest(actor.id);
    return { checkin: rec ? toCheckinView(rec) : null };
  }
}

/** What identifies a submission's answers: a reused key with other answers is refused. */
function answersHash(input: Required<CheckinInput>): string {
  // One-shot digest (the same sha256 as before, so keys stored by earlier code still compare).
  return hash('sha256', JSON.stringify(input), 'base64url').slice(0, 22);
}

function toCheckinView(r: CheckinRecord): Checkin {
  return {
    id: r.id,
    day: r.day,
    at: r.at.toISOString(),
    temperature: r.temperature,
    symptoms: [...r.symptoms],
    healthCode: r.healthCode,
    places: [...r.places],
    arrivedFromOutsideProvince: r.arrivedFromOutsideProvince,
    arrivalDate: r.arrivalDate,
  };
}
