import { MINUTE_MS } from '../time/china-day';

/**
 * The offline boarding code. Coaches leave from places without signal, so the worker's phone
 * fetches, while online, a signed code that stays valid for the trip's boarding window alone
 * (not the 90-s pass QR). What makes it safe to last that long: it names one booking on one
 * trip, on the one phone that fetched it last, and it stops working once that booking has
 * boarded or is cancelled. The marshal's check stays on the server.
 */
export const BOARDING_WINDOW = {
  /** Boarding opens this long before departure (passengers gather at the pickup point). */
  opensBeforeMin: 180,
  /** …and closes this long after it (a late coach still boards its passengers). */
  closesAfterMin: 60,
} as const;

/** The stretch of time a trip's boarding code is valid in. */
export function boardingWindow(departureAt: Date): { opensAt: Date; closesAt: Date } {
  const t = departureAt.getTime();
  return {
    opensAt: new Date(t - BOARDING_WINDOW.opensBeforeMin * MINUTE_MS),
    closesAt: new Date(t + BOARDING_WINDOW.closesAfterMin * MINUTE_MS),
  };
}

/** What a verified (signature-checked) boarding code says. */
export interface BoardingTokenClaims {
  bookingId: string;
  tripId: string;
  deviceId: string;
  validFrom: Date;
  validUntil: Date;
}

/** The booking the code names, as stored now. */
export interface BoardingTokenBooking {
  tripId: string;
  status: string;
  /** The phone that fetched the booking's code last; only its code is honoured. */
  deviceId: string | null;
  boardedAt: Date | null;
}

export type BoardingTokenRefusalCode =
  | 'OTHER_TRIP'
  | 'NOT_YET_OPEN'
  | 'WINDOW_CLOSED'
  | 'NO_BOOKING'
  | 'OTHER_DEVICE'
  | 'CANCELLED'
  | 'ALREADY_BOARDED';

export interface BoardingTokenRefusal {
  code: BoardingTokenRefusalCode;
  message: string;
}

// 'released': the seat was taken back (pass not green at the cut-off) — as gone as a cancellation.
const CANCELLED = new Set(['cancelled', 'released']);

/**
 * Why the marshal must refuse this code for this trip at `scannedAt` (the moment of the scan,
 * which a marshal who was offline uploads later), or null when it may go on to the pass check.
 */
export function boardingTokenRefusal(
  claims: BoardingTokenClaims,
  tripId: string,
  scannedAt: Date,
  booking: BoardingTokenBooking | null,
): BoardingTokenRefusal | null {
  if (claims.tripId !== tripId) return { code: 'OTHER_TRIP', message: '该上车码属于其他班次' };
  if (scannedAt < claims.validFrom)
    return { code: 'NOT_YET_OPEN', message: '还没到本班次的上车时间，请稍后再扫' };
  if (scannedAt >= claims.validUntil) return { code: 'WINDOW_CLOSED', message: '本班次的上车时段已过' };
  if (!booking || booking.tripId !== tripId)
    return { code: 'NO_BOOKING', message: '该乘客没有本班次的有效座位' };
  if (CANCELLED.has(booking.status)) return { code: 'CANCELLED', message: '该预订已取消，不能上车' };
  if (booking.status === 'boarded' || booking.boardedAt)
    return { code: 'ALREADY_BOARDED', message: '该上车码已使用，乘客已上车' };
  if (booking.deviceId !== claims.deviceId)
    return { code: 'OTHER_DEVICE', message: '该上车码已在另一部手机上更新，请乘客出示最新的上车码' };
  return null;
}
