import { hash as digest } from 'node:crypto';
import type { Clock } from '../../clock';
import { DomainError } from '../../errors';
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
 * How long a retry waits for its twin running in this process before going on by itself
 * ("in progress" for a stored key; the booking route looks its booking up and finishes it).
 * Well under a phone's own timeout (10 s in our request wrapper): a retry that waited as long
 * as the phone would be answered to nobody, and the phone's next retry would wait again.
 */
export const JOIN_WAIT_MS = 4_000;

/**
 * Makes a write safe to retry on a weak network: the first request with a key runs and its
 * answer is stored; a retry with the same key gets the stored answer instead of running again.
 */
export class IdempotencyService {
  /**
   * Requests of this process currently holding a key. A retry that arrives while its twin runs
   * here waits for the twin's answer instead of being told "in progress" and polling: no
   * database work, and the phone gets the answer as soon as it exists. Only an optimisation: the
   * key in the database still decides who runs (another instance's twin is not in this map).
   */
  private readonly running = new Map<string, { content: string; done: Promise<StoredResponse | null> }>();

  constructor(
    private readonly repo: IdempotencyRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * @param options.store false when the handler keeps the key in its own record (the booking
   *   route): then no key record is written here, and only the in-process twin join applies.
   */
  async run(
    req: IdempotentRequest,
    execute: () => Promise<StoredResponse>,
    options: { store?: boolean } = {},
  ): Promise<StoredResponse> {
    const id = `${req.actorId}:${req.routeId}:${req.key}`;
    const store = options.store ?? true;
    // A twin in this process is recognised by the content itself; only the stored key record
    // needs the content's hash (a route whose handler keeps the key computes none here).
    const content = JSON.stringify(req.request);
    const attempt = () => (store ? this.claimAndRun(id, contentHash(content), execute) : execute());
    const twin = this.running.get(id);
    if (twin && twin.content === content) {
      const answer = await Promise.race([
        twin.done,
        new Promise<null>((r) => setTimeout(() => r(null), JOIN_WAIT_MS).unref()),
      ]);
      // The twin failed (its key was released) or is still running: ask the database as usual.
      if (answer) return { status: answer.status, body: answer.body, replayed: true };
    }
    if (this.running.has(id)) return attempt();
    let settle!: (r: StoredResponse | null) => void;
    const entry = { content, done: new Promise<StoredResponse | null>((r) => (settle = r)) };
    this.running.set(id, entry);
    try {
      const response = await attempt();
      settle(response);
      return response;
    } catch (err) {
      settle(null);
      throw err;
    } finally {
      if (this.running.get(id) === entry) this.running.delete(id);
    }
  }

  private async claimAndRun(
    id: string,
    hash: string,
    execute: () => Promise<StoredResponse>,
  ): Promise<StoredResponse> {
    const now = this.clock.now();
    const claim = await this.repo.claim(id, hash, now, new Date(now.getTime() - STALE_MS));
    if (claim.kind !== 'claimed') {
      if (claim.requestHash !== hash) throw new DomainError('IDEMPOTENCY_MISMATCH');
      if (claim.kind === 'pending') throw new DomainError('IDEMPOTENCY_IN_PROGRESS', undefined, undefined, 1);
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

/** What the key record stores of a request's content (sha256, base64url; one call, no Hash object). */
function contentHash(content: string): string {
  return digest('sha256', content, 'base64url');
}
