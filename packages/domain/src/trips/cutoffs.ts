import { MINUTE_MS } from '../time/china-day';

/**
 * Times around a departure. Cancelling frees a seat for the waitlist, so it closes early
 * enough for a promoted worker to get to the pickup point; booking and the release of seats
 * held by workers whose pass is not green happen at the boarding cut-off.
 */
export const TRIP_RULES = {
  /** A worker may cancel until 2 hours before departure. */
  cancelCutoffMin: 120,
  /** Booking closes and non-green seats are released 30 minutes before departure. */
  boardingCutoffMin: 30,
  /** Passes are re-checked (and bookings flagged) for trips leaving within this window. */
  flagWindowHours: 48,
} as const;

/** The instant non-green bookings lose their seat and booking closes. */
export function boardingCutoff(departureAt: Date): Date {
  return new Date(departureAt.getTime() - TRIP_RULES.boardingCutoffMin * MINUTE_MS);
}

/** True while a published trip still takes bookings. */
export function bookingOpen(departureAt: Date, now: Date): boolean {
  return now < boardingCutoff(departureAt);
}

/** True while a worker may still cancel their own booking. */
export function cancellationOpen(departureAt: Date, now: Date): boolean {
  return now.getTime() < departureAt.getTime() - TRIP_RULES.cancelCutoffMin * MINUTE_MS;
}

/**
 * True once a passenger may confirm arrival (确认到达): the trip has no 发车 record of its own (the
 * marshal boards from 3 h before and no one marks the coach leaving), so departure is its scheduled
 * time. A departed trip's time no longer moves (the trip change refuses it), so once true this
 * stays true.
 */
export function arrivalOpen(departureAt: Date, now: Date): boolean {
  return now.getTime() >= departureAt.getTime();
}
