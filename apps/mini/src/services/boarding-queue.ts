/**
 * Scans a marshal made without signal, kept on the marshal's phone and uploaded when the
 * network is back. Each carries the moment it was scanned (the server judges the boarding
 * window at that moment) and one idempotency key per booking, so an upload repeated after a
 * lost answer boards the passenger once and gets the first answer again.
 */
import { newRequestId, readStored, writeStored } from '../platform';
import { isOfflineError } from './api-error';
import { workerApi } from './worker-api';

const QUEUE_KEY = 'fg.boardingQueue';

export interface QueuedScan {
  tripId: string;
  token: string;
  temperature: number;
  scannedAt: string;
  key: string;
}

export interface UploadResult {
  scan: QueuedScan;
  /** The passenger's name when boarded; the server's reason when refused. */
  boarded: boolean;
  text: string;
}

/** `FGB1.<bookingId>.…`: the offline code names its booking, which keys the upload. */
function keyOf(token: string): string {
  const [prefix, bookingId] = token.split('.');
  return prefix === 'FGB1' && /^[0-9a-f]{24}$/.test(bookingId ?? '')
    ? `boarding-${bookingId}`
    : newRequestId();
}

export function queuedScans(): QueuedScan[] {
  return readStored<QueuedScan[]>(QUEUE_KEY) ?? [];
}

/** Keeps a scan for later; the same code scanned twice is kept once. */
export function queueScan(scan: Omit<QueuedScan, 'key' | 'scannedAt'>, now = new Date()): QueuedScan[] {
  const q = queuedScans().filter((s) => s.token !== scan.token);
  const next = [...q, { ...scan, scannedAt: now.toISOString(), key: keyOf(scan.token) }];
  writeStored(QUEUE_KEY, next);
  return next;
}

/** How far an upload has got: `done` of the `total` scans it started with. */
export type UploadProgress = (done: number, total: number) => void;

/**
 * The upload under way, if any. Reconnection events come in bursts (see platform/network-back)
 * and the marshal may tap 立即上传 meanwhile: every caller joins the one upload instead of
 * sending the same scans again beside it. The server would board once anyway (one key per
 * booking), but a second sender would report a kept scan twice and race the queue's writes.
 */
let inFlight: Promise<UploadResult[]> | null = null;

/**
 * Uploads the kept scans in order, one upload at a time (a call during one gets its result).
 * A scan the server answered (boarded or refused) leaves the queue; one that still finds no
 * network stays, with those after it.
 */
export function uploadQueuedScans(onProgress?: UploadProgress): Promise<UploadResult[]> {
  inFlight ??= sendQueued(onProgress).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function sendQueued(onProgress?: UploadProgress): Promise<UploadResult[]> {
  const results: UploadResult[] = [];
  let rest = queuedScans();
  const total = rest.length;
  while (rest.length > 0) {
    const scan = rest[0];
    try {
      const res = await workerApi.board(
        scan.tripId,
        { token: scan.token, temperature: scan.temperature, scannedAt: scan.scannedAt },
        { idempotencyKey: scan.key, silent: true },
      );
      results.push({ scan, boarded: true, text: res.row.name ?? '乘客' });
    } catch (error) {
      if (isOfflineError(error)) break;
      results.push({ scan, boarded: false, text: (error as Error).message });
    }
    rest = rest.slice(1);
    writeStored(QUEUE_KEY, rest);
    onProgress?.(results.length, total);
  }
  return results;
}
