/**
 * The delivery state every outbox document carries (notifications, issue alerts, hotline texts): what
 * `claimDueOutboxDoc` and `failOutboxAttempt` (outbox-claim.ts) read and move. Declared once so
 * the stored shape, the schema and a new message's first state cannot drift apart between
 * outboxes; each outbox adds its own payload and its own phone-channel outcome.
 */
import type { Model } from 'mongoose';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxDelivery {
  status: OutboxStatus;
  attempts: number;
  /** When a pending message is next due (the claim takes the oldest due first). */
  nextAttemptAt: Date;
  /** A claim's expiry: a "sending" message past it belongs to a drainer that died. */
  lockedUntil: Date | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

const OUTBOX_STATUSES: OutboxStatus[] = ['pending', 'sending', 'sent', 'failed'];

/** The schema paths of `OutboxDelivery`, spread into each outbox's schema. */
export const OUTBOX_DELIVERY_PATHS = {
  status: { type: String, enum: OUTBOX_STATUSES, required: true },
  attempts: { type: Number, required: true, default: 0 },
  nextAttemptAt: { type: Date, required: true },
  lockedUntil: { type: Date, default: null },
  lastError: { type: String, default: null },
  createdAt: { type: Date, required: true },
  sentAt: { type: Date, default: null },
};

/** A message's state when it is first written: pending, due at once, never tried. */
function firstDelivery(now: Date): OutboxDelivery {
  return {
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    lockedUntil: null,
    lastError: null,
    createdAt: now,
    sentAt: null,
  };
}

/**
 * Writes messages into an outbox, each with its first delivery state. Ids are deterministic (the
 * event and the person), so a message already there (a retried fan-out, a second instance) is
 * left as it is: an upsert that only sets on insert, unordered so one duplicate stops no other.
 */
export async function addToOutbox<D extends OutboxDelivery & { _id: string }>(
  model: Model<D>,
  messages: (Omit<D, keyof OutboxDelivery> & { _id: string })[],
  now: Date,
): Promise<void> {
  if (messages.length === 0) return;
  await model.bulkWrite(
    messages.map(({ _id, ...payload }) => ({
      updateOne: {
        filter: { _id },
        update: { $setOnInsert: { ...payload, ...firstDelivery(now) } },
        upsert: true,
      },
    })) as never,
    { ordered: false },
  );
}
