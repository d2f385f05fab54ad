import { createHash } from 'node:crypto';
import type { Clock } from '../../clock';
import { AppError } from '../../http/app-error';
import type { IdempotencyRepository } from './idempotency.repository';

export interface IdempotentRequest {
  actorId: string;
  routeId: string;
  key: string;
  /** What identifies the request's content; a reused key with other content is refused. */
  request: unknown;
}

export interface StoredResponse {
  status: number;
  body: unknown;
  replayed?: boolean;
}

/** A request holding a key longer than this is presumed dead and its key may be re-claimed. */
const STALE_MS = 30_000;

/**
 * Makes a write safe to retry on a weak network: the first request with a key runs and its
 * answer is stored; a retry with the same key gets the stored answer instead of running again.
 */
export class IdempotencyService {
  constructor(
    private readonly repo: IdempotencyRepository,
    private readonly clock: Clock,
  ) {}

  async run(req: IdempotentRequest, execute: () => Promise<StoredResponse>): Promise<StoredResponse> {
    const id = `${req.actorId}:${req.routeId}:${req.key}`;
    const hash = createHash('sha256').update(JSON.stringify(req.request)).digest('base64url');
    const now = this.clock.now();
    const claim = await this.repo.claim(id, hash, now, new Date(now.getTime() - STALE_MS));
    if (claim.kind !== 'claimed') {
      if (claim.requestHash !== hash) throw new AppError('IDEMPOTENCY_MISMATCH');
      if (claim.kind === 'pending')
        throw new AppError('IDEMPOTENCY_IN_PROGRESS', undefined, undefined, { 'Retry-After': '1' });
      return { ...claim.response, replayed: true };
    }
    let response: StoredResponse;
    try {
      response = await execute();
    } catch (err) {
      await this.repo.release(id).catch(() => undefined);
      throw err;
    }
    await this.repo.complete(id, { status: response.status, body: response.body });
    return response;
  }
}
