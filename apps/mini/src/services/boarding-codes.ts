/**
 * The worker's offline boarding codes: fetched while there is signal, kept on the phone, and
 * shown from storage when there is none (coach stops often have no signal). The server binds
 * each code to this phone's device id, so the id is made once and kept.
 */
import type { BoardingToken } from '@fugong/contracts';
import { workerRoutes as w } from '@fugong/contracts';
import { newRequestId, readStored, removeStored, writeStored } from '../platform';
import { callRoute } from './call-route';

const DEVICE_KEY = 'fg.deviceId';
const CODES_KEY = 'fg.boardingCodes';

/** This phone's device id (32 hex characters), made on first use. Not a hardware id. */
export function deviceId(): string {
  const known = readStored<string>(DEVICE_KEY);
  if (known && /^[0-9a-f]{32}$/.test(known)) return known;
  const made = newRequestId().replace(/-/g, '');
  writeStored(DEVICE_KEY, made);
  return made;
}

type Stored = Record<string, BoardingToken>;

/** The kept codes whose boarding window has not closed; closed ones are dropped on the way. */
function keptCodes(now = Date.now()): Stored {
  const all = readStored<Stored>(CODES_KEY) ?? {};
  const live = Object.fromEntries(
    Object.entries(all).filter(([, c]) => new Date(c.validUntil).getTime() > now),
  );
  if (Object.keys(live).length !== Object.keys(all).length) writeStored(CODES_KEY, live);
  return live;
}

/** The code kept for a booking, or null (never fetched, or its window has closed). */
export function keptBoardingCode(bookingId: string): BoardingToken | null {
  return keptCodes()[bookingId] ?? null;
}

/** Fetches a fresh code for a booking and keeps it; rejects like any API call when offline. */
export async function fetchBoardingCode(bookingId: string): Promise<BoardingToken> {
  const code = await callRoute(
    w.bookingsBoardingToken,
    { params: { bookingId }, body: { deviceId: deviceId() } },
    { silent: true },
  );
  writeStored(CODES_KEY, { ...keptCodes(), [bookingId]: code });
  return code;
}

/** Forgets a booking's code (the booking was cancelled on this phone). */
export function forgetBoardingCode(bookingId: string): void {
  const { [bookingId]: _gone, ...rest } = keptCodes();
  if (Object.keys(rest).length === 0) removeStored(CODES_KEY);
  else writeStored(CODES_KEY, rest);
}
