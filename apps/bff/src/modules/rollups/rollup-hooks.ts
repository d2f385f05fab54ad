/**
 * What the modules that write rollup-relevant data call after their write. Implemented by
 * RollupService; modules built without a dashboard (some unit tests) get NO_ROLLUPS.
 */
export interface RollupHooks {
  syncEnterprise(id: string): Promise<void>;
  /** Runs a bulk registry write and syncs every enterprise it touched. */
  syncEnterprisesTouchedBy<T>(write: () => Promise<T>): Promise<T>;
  syncTrip(id: string): Promise<void>;
  /**
   * Schedules a trip sync within about a second, coalescing a burst of seat and waitlist
   * changes on one trip into one sync (used on the booking path, where a sync per booking
   * would cost more than the booking).
   */
  syncTripSoon(id: string): void;
  /** Runs every scheduled sync now (before a dashboard read, at shutdown). */
  flushPending(): Promise<void>;
  syncIssue(issue: { id: string; enterpriseId: string }): Promise<void>;
  syncCheckin(workerId: string, day: string): Promise<void>;
  recordVisit(v: { enterpriseId: string; stewardId: string; visitedAt: Date }): Promise<void>;
  recordCallback(c: {
    enterpriseId: string;
    stewardId: string | null;
    calledAt: Date;
    reached: boolean;
    satisfaction: number | null;
  }): Promise<void>;
}

const none = async () => undefined;

/** Hooks that do nothing, for modules constructed without the dashboard. */
export const NO_ROLLUPS: RollupHooks = {
  syncEnterprise: none,
  syncEnterprisesTouchedBy: (write) => write(),
  syncTrip: none,
  syncTripSoon: () => undefined,
  flushPending: none,
  syncIssue: none,
  syncCheckin: none,
  recordVisit: none,
  recordCallback: none,
};
