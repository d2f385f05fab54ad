import type { Logger } from 'pino';

/**
 * What a module announces after one of its writes has landed ("this record changed"). Other
 * modules react to these instead of being called from inside the writer's service: the writer
 * does not know who listens (today the dashboard's rollups; tomorrow an inbox or a push).
 * Each event names the happening in the domain's words and carries the ids a listener needs to
 * re-read the record: never the record itself, so a listener always sees the stored state.
 */
export type RecordEvent =
  /** An enterprise's registry entry, reopening report or steward assignment changed. */
  | { type: 'enterprise.changed'; enterpriseId: string }
  /** A bulk registry write (an import) ran; every enterprise updated since `since` changed. */
  | { type: 'enterprises.imported'; since: Date }
  /** A trip was created, published, edited or cancelled. */
  | { type: 'trip.changed'; tripId: string }
  /**
   * A trip's counters moved: a seat claimed or released, a booking joined its waitlist, a
   * passenger boarded. These come in bursts during a rush, so listeners may coalesce them.
   */
  | { type: 'trip.counters-moved'; tripId: string }
  /** An issue was filed or moved (answered, escalated, closed, reminded by the sweep). */
  | { type: 'issue.moved'; issueId: string; enterpriseId: string }
  /**
   * The deadline sweep marked one of an issue's clocks: a reminder before its deadline or an
   * escalation after it (its guarded mark applied, so at most once per clock and mark).
   */
  | {
      type: 'issue.deadline-marked';
      issueId: string;
      enterpriseId: string;
      mark: 'reminded' | 'escalated';
      clock: 'firstResponse' | 'progress' | 'resolution';
      clockLabel: string;
      note: string;
    }
  /** A worker's check-in for `day` was saved (the first, or a same-day correction). */
  | { type: 'checkin.saved'; workerId: string; day: string }
  /** A steward visit was recorded (visits are insert-only). */
  | { type: 'visit.recorded'; enterpriseId: string; stewardId: string; visitedAt: Date }
  /** A call-back was recorded (insert-only). */
  | {
      type: 'callback.recorded';
      callId: string;
      enterpriseId: string;
      enterpriseName: string;
      stewardId: string | null;
      callerId: string;
      calledAt: Date;
      reached: boolean;
      satisfaction: number | null;
      /** Findings (contracts' CALLBACK_FLAGS) the caller recorded. */
      flags: string[];
    }
  /**
   * An officer decided a firm's 异议 on a 免申即享 line (the guarded write applied: once per
   * objection). `amountFen` is what the line now pays; null when upholding took the firm off.
   */
  | {
      type: 'subsidy.objection-decided';
      entitlementId: string;
      enterpriseId: string;
      objectorId: string;
      policy: string;
      period: string;
      decision: 'upheld' | 'rejected';
      note: string;
      amountFen: number | null;
    };

export type RecordEventType = RecordEvent['type'];
type EventOf<T extends RecordEventType> = Extract<RecordEvent, { type: T }>;
type Listener<T extends RecordEventType> = (event: EventOf<T>) => Promise<void> | void;
/** How listeners are stored: each list only ever receives events of its own type. */
type AnyListener = (event: RecordEvent) => Promise<void> | void;

/** What a writing service holds: it can announce, not listen. */
export interface RecordEventPublisher {
  publish(event: RecordEvent): Promise<void>;
}

/**
 * The in-process, awaited event mechanism. `publish` resolves once every listener has run, so
 * a request that wrote something answers only after its follow-up effects (an official who
 * filed an issue sees it counted on the dashboard). A listener that throws never fails the
 * write that announced it (that write has landed): the failure is logged, and the listener's
 * own repair path covers it (the rollups' drift rebuild recounts from raw data).
 */
export class RecordEvents implements RecordEventPublisher {
  private readonly listeners = new Map<RecordEventType, AnyListener[]>();

  constructor(private readonly logger: Pick<Logger, 'warn'> | null = null) {}

  on<T extends RecordEventType>(type: T, listener: Listener<T>): this {
    const list = this.listeners.get(type) ?? [];
    list.push(listener as unknown as AnyListener);
    this.listeners.set(type, list);
    return this;
  }

  async publish(event: RecordEvent): Promise<void> {
    for (const listener of this.listeners.get(event.type) ?? []) {
      try {
        await listener(event);
      } catch (err) {
        this.logger?.warn({ err, event: event.type }, 'events.listener.failed');
      }
    }
  }
}

/** For modules built without any listener (unit tests of one module). */
export const NO_LISTENERS: RecordEventPublisher = { publish: async () => undefined };
