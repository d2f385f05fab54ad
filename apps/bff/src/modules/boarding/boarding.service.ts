import { maskIdNumber, maskPhone, type BookingStatus, type ManifestRow } from '@fugong/contracts';
import { boardingRefusal, boardingTokenRefusal } from '@fugong/domain';
import { hasRole, type Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import { NO_LISTENERS, type RecordEventPublisher } from '../../events';
import type { PiiCipher } from '../../crypto/pii';
import type { AuditRepository } from '../../audit/audit.repository';
import { DomainError, forbidden, notFound } from '../../errors';
import type { PassService } from '../health-checkins';
import type { PersonRecord, ProfileRepository } from '../profile';
import type { TripRecord, TripRepository } from '../trips';
import type { BookingRecord, BookingRepository, SeatAllocator } from '../bookings';
import { BOARDING_TOKEN_PREFIX, type BoardingTokenSigner } from './boarding-token';

const MANIFEST_STATUSES: BookingStatus[] = ['confirmed', 'boarded', 'waitlisted', 'released'];
/** A marshal's phone clock may run a little ahead of the server's. */
const SCAN_CLOCK_SKEW_MS = 2 * 60_000;
/** A queued scan older than this is not accepted: the boarding window is hours, not days. */
const SCAN_UPLOAD_MAX_MS = 24 * 3_600_000;

/** A manifest line for a file: phone and ID number masked, or in full on an audited request. */
export interface ExportManifestRow extends ManifestRow {
  phone: string | null;
  idNumber: string | null;
}

/** Boarding check by the marshal (核实人员信息后统一乘车) and the passenger list (乘客名单). */
export class BoardingService {
  constructor(
    private readonly trips: TripRepository,
    private readonly bookings: BookingRepository,
    private readonly seats: SeatAllocator,
    private readonly passes: PassService,
    private readonly people: ProfileRepository,
    private readonly pii: PiiCipher,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
    private readonly tokens: BoardingTokenSigner,
    /** A boarding is announced (the dashboard counts who boarded). */
    private readonly events: RecordEventPublisher = NO_LISTENERS,
  ) {}

  /**
   * Checks a scanned code and the door temperature, and boards the passenger or refuses them.
   * The code is the 90-s pass QR or the offline boarding code (`FGB1.`); `scannedAt` is when a
   * marshal without signal scanned it (the upload comes later).
   */
  async board(actor: Actor, tripId: string, token: string, temperature: number, scannedAt?: string) {
    const trip = await this.mustFind(tripId);
    if (trip.status === 'cancelled') throw new DomainError('BOOKING_CLOSED', '该班次已取消');
    if (token.startsWith(`${BOARDING_TOKEN_PREFIX}.`))
      return this.boardOffline(actor, trip, token, temperature, scannedAt);
    const workerId = this.passes.verifyToken(token);
    if (!workerId) throw new DomainError('BOARDING_CODE_INVALID');
    const b = await this.bookings.findLiveOnTrip(workerId, tripId);
    if (!b) throw new DomainError('BUSINESS_RULE', '该乘客没有本班次的有效座位');
    return this.boardBooking(actor, trip, b, temperature);
  }

  /** The offline code: the domain's rules against the stored booking, then the same door check. */
  private async boardOffline(
    actor: Actor,
    trip: TripRecord,
    token: string,
    temperature: number,
    scannedAt: string | undefined,
  ) {
    const claims = this.tokens.verify(token);
    if (!claims) throw new DomainError('BOARDING_CODE_INVALID');
    const now = this.clock.now();
    const at = scannedAt ? new Date(scannedAt) : now;
    // A queued scan is uploaded after the fact, never before it, and within the day.
    if (
      at.getTime() > now.getTime() + SCAN_CLOCK_SKEW_MS ||
      now.getTime() - at.getTime() > SCAN_UPLOAD_MAX_MS
    )
      throw new DomainError('BUSINESS_RULE', '扫码时间不合理，请核对手机时间后重新扫码');
    const b = await this.bookings.findById(claims.bookingId);
    const refusal = boardingTokenRefusal(
      claims,
      trip.id,
      at,
      b && { tripId: b.tripId, status: b.status, deviceId: b.boardingDeviceId, boardedAt: b.boardedAt },
    );
    if (refusal)
      throw new DomainError(
        refusal.code === 'ALREADY_BOARDED' ? 'CONFLICT' : 'BOARDING_CODE_INVALID',
        refusal.message,
        { reason: refusal.code },
      );
    return this.boardBooking(actor, trip, b!, temperature);
  }

  private async boardBooking(actor: Actor, trip: TripRecord, booking: BookingRecord, temperature: number) {
    let b = booking;
    if (b.status === 'pending') b = await this.seats.settle(b, trip);
    if (b.status === 'waitlisted') throw new DomainError('BUSINESS_RULE', '该乘客仍在候补，尚无座位');
    if (b.status === 'boarded') return { row: await this.row(b), alreadyBoarded: true };
    const refusal = boardingRefusal(await this.passes.passFor(b.workerId), temperature);
    if (refusal.length > 0) {
      throw new DomainError('PASS_NOT_GREEN', `不能上车：${refusal.map((r) => r.message).join('；')}`, {
        reasons: refusal,
      });
    }
    const now = this.clock.now();
    const done = await this.bookings.transition(
      b.id,
      ['confirmed'],
      'boarded',
      { boardedAt: now, boardingTemperature: temperature, boardedBy: actor.id },
      now,
    );
    if (!done) {
      const cur = await this.bookings.findById(b.id);
      if (cur?.status === 'boarded') return { row: await this.row(cur), alreadyBoarded: true };
      throw new DomainError('CONFLICT', '该座位状态刚刚变化，请重新扫码');
    }
    // Seat numbers follow boarding order; a crash before this line leaves a boarded row
    // without a number, which the next manifest read does not hide (seatNo null).
    const withSeat = (await this.bookings.setSeatNo(done.id, await this.trips.nextSeatNo(trip.id))) ?? done;
    await this.events.publish({ type: 'trip.counters-moved', tripId: trip.id });
    return { row: await this.row(withSeat), alreadyBoarded: false };
  }

  async manifest(tripId: string) {
    const trip = await this.mustFind(tripId);
    const list = await this.bookings.listByTrip(tripId, MANIFEST_STATUSES);
    const people = await this.people.findMany(list.map((b) => b.workerId));
    return {
      tripId,
      capacity: trip.capacity,
      bookedCount: trip.bookedCount,
      boardedCount: list.filter((b) => b.status === 'boarded').length,
      rows: list.map((b) => this.toRow(b, people.get(b.workerId))),
    };
  }

  /**
   * The manifest for a file. Masked by default, like every other export. In full only when asked
   * with a reason, and only by the command or the transport officer who set the trip up: tracing
   * needs the numbers reachable, not printed in every copy a marshal or driver carries. Each
   * person read in full is audited, with the reason, before the data leaves.
   */
  async exportRows(
    actor: Actor,
    tripId: string,
    want: { full: boolean; reason?: string },
    requestId: string,
  ): Promise<{ trip: TripRecord; rows: ExportManifestRow[] }> {
    const trip = await this.mustFind(tripId);
    if (want.full && !hasRole(actor, 'admin') && trip.createdBy !== actor.id)
      throw forbidden('完整名单仅限本班次的交通专班负责人或指挥部导出，可导出脱敏名单');
    const list = await this.bookings.listByTrip(tripId, MANIFEST_STATUSES);
    const people = await this.people.findMany(list.map((b) => b.workerId));
    if (!want.full)
      return {
        trip,
        rows: list.map((b) => {
          const r = this.toRow(b, people.get(b.workerId));
          return { ...r, phone: r.phoneMasked, idNumber: r.idNumberMasked };
        }),
      };
    const at = this.clock.now();
    for (const b of list) {
      await this.audit.append({
        at,
        actorId: actor.id,
        action: 'pii.export',
        subjectType: 'user',
        subjectId: b.workerId,
        fields: ['phone', 'idNumber'],
        requestId,
        reason: want.reason ?? null,
      });
    }
    return {
      trip,
      rows: list.map((b) => {
        const p = people.get(b.workerId);
        return {
          ...this.toRow(b, p),
          phone: p?.phoneEnc ? this.pii.decrypt(p.phoneEnc) : null,
          idNumber: p?.idNumberEnc ? this.pii.decrypt(p.idNumberEnc) : null,
        };
      }),
    };
  }

  private async row(b: BookingRecord): Promise<ManifestRow> {
    return this.toRow(b, (await this.people.findMany([b.workerId])).get(b.workerId));
  }

  private toRow(b: BookingRecord, p: PersonRecord | undefined): ManifestRow {
    return {
      bookingId: b.id,
      workerId: b.workerId,
      name: p?.name ?? null,
      phoneMasked: p?.phoneEnc ? maskPhone(this.pii.decrypt(p.phoneEnc)) : null,
      idNumberMasked: p?.idNumberEnc ? maskIdNumber(this.pii.decrypt(p.idNumberEnc)) : null,
      status: b.status,
      pickupPoint: b.pickupPoint,
      seatNo: b.seatNo,
      boardingTemperature: b.boardingTemperature,
      boardedAt: b.boardedAt ? b.boardedAt.toISOString() : null,
      flag: b.flag
        ? { color: b.flag.color, reasons: b.flag.reasons, at: new Date(b.flag.at).toISOString() }
        : null,
    };
  }

  private async mustFind(tripId: string): Promise<TripRecord> {
    const trip = await this.trips.findById(tripId);
    if (!trip) throw notFound('该班次');
    return trip;
  }
}
