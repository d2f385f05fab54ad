import type { Model } from 'mongoose';

/**
 * The claim step every outbox drainer shares (notifications, issue alerts): the oldest due
 * pending message, else a "sending" one whose drainer died (lockedUntil passed), locked and its
 * attempt counted in one findOneAndUpdate, so two drainers never send the same message at once.
 * The collection needs the `{status, nextAttemptAt}` index.
 */
export async function claimDueOutboxDoc<D>(model: Model<D>, now: Date, lockMs: number): Promise<D | null> {
  const lock = {
    $set: { status: 'sending', lockedUntil: new Date(now.getTime() + lockMs) },
    $inc: { attempts: 1 },
  };
  return (
    (await model
      .findOneAndUpdate({ status: 'pending', nextAttemptAt: { $lte: now } }, lock, {
        returnDocument: 'after',
        sort: { nextAttemptAt: 1 },
      })
      .lean<D>()) ??
    (await model
      .findOneAndUpdate({ status: 'sending', lockedUntil: { $lte: now } }, lock, { returnDocument: 'after' })
      .lean<D>())
  );
}

/** Ends a claimed attempt that failed: back to pending at retryAt, or failed for good (`final` fields set too). */
export async function failOutboxAttempt<D>(
  model: Model<D>,
  id: string,
  error: string,
  retryAt: Date | null,
  final: Record<string, unknown> = {},
): Promise<void> {
  await model.updateOne({ _id: id, status: 'sending' } as never, {
    $set: {
      status: retryAt ? 'pending' : 'failed',
      ...(retryAt ? {} : final),
      nextAttemptAt: retryAt ?? new Date(0),
      lockedUntil: null,
      lastError: error.slice(0, 300),
    },
  });
}
