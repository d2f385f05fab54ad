import { Types } from 'mongoose';
import type { IssueState } from '@fugong/contracts';
import {
  chinaDay,
  NO_CELL,
  OPEN_ISSUE_STATES,
  townOf,
  type CellDims,
  type CheckinFactsForRollup,
  type EnterpriseFacts,
  type IssueFacts,
  type TripFacts,
} from '@fugong/domain';
import { oid } from '../../db/ids';

type Id = Types.ObjectId;
type CellFields = Omit<CellDims, 'town'> & { address?: string | null };
/** A cursor over stored records, in batches (what a mongoose query's `.cursor()` is). */
type Rows<T> = AsyncIterable<T>;

/**
 * What the rollups read of other modules, as those modules' repositories store it: the container
 * hands each module's repository in (they implement these reads). Read-only, and read now: a
 * sync must see the record's current state.
 */
export interface RollupReaders {
  enterprises: {
    cellFieldsOf(id: string): Promise<CellFields | null>;
    storedById(id: string): Promise<(CellFields & { headcount: number }) | null>;
    idsUpdatedSince(since: Date): Promise<string[]>;
    cellsForRecount(batchSize: number): Rows<CellFields & { _id: Id; headcount: number }>;
  };
  reopening: {
    latestStoredOf(enterpriseId: Id): Promise<ReportState | null>;
    reportsForRecount(batchSize: number): Rows<ReportState & { enterpriseId: Id }>;
  };
  issues: {
    categoriesIn(enterpriseId: Id, states: typeof OPEN_ISSUE_STATES): Promise<{ category: string }[]>;
    storedById(id: string): Promise<StoredIssue | null>;
    issuesForRecount(batchSize: number): Rows<StoredIssue & { _id: Id }>;
  };
  assignments: {
    liveExists(enterpriseId: Id): Promise<unknown>;
    liveForRecount(batchSize: number): Rows<{ enterpriseId: Id }>;
  };
  visits: {
    latestStoredOf(enterpriseId: Id): Promise<{ visitedAt: Date } | null>;
    visitsForRecount(batchSize: number): Rows<{ enterpriseId: Id; stewardId: Id; visitedAt: Date }>;
  };
  trips: {
    storedById(id: string): Promise<StoredTrip | null>;
    tripsForRecount(batchSize: number): Rows<StoredTrip & { _id: Id }>;
  };
  bookings: {
    waitlistJoinsOf(tripId: string): Promise<number>;
    waitlistJoinsForRecount(batchSize: number): Rows<{ tripId: Id }>;
  };
  checkins: {
    storedOf(workerId: string, day: string): Promise<CheckinFactsForRollup | null>;
    checkinsForRecount(batchSize: number): Rows<CheckinFactsForRollup & { workerId: Id; day: string }>;
  };
  users: {
    employerOf(workerId: string): Promise<Id | null>;
    employersForRecount(batchSize: number): Rows<{ _id: Id; enterpriseId: Id | null }>;
  };
  callbacks: {
    callbacksForRecount(batchSize: number): Rows<StoredCallback>;
  };
}

/** An enterprise's reopening status in one report. */
export type ReportState = { day: string; reopened: boolean; staffOnSite: number; staffTotal: number };
/** The stored issue fields the rollup counts. */
type StoredIssue = {
  enterpriseId: Id;
  state: IssueState;
  category: IssueFacts['category'];
  departmentCode?: string | null;
  escalated?: boolean | null;
  reportedAt: Date;
  rating?: number | null;
  clocks?: { progress?: { dueAt?: Date | null; metAt?: Date | null } | null } | null;
};
type StoredTrip = Omit<TripFacts, 'waitlistJoins'> & { destinations: { enterpriseId: Id }[] };
type StoredCallback = {
  enterpriseId: Id;
  stewardId?: Id | null;
  calledAt: Date;
  reached: boolean;
  satisfaction?: number | null;
};

/** The cell of an enterprise record. */
export function cellOfEnterprise(e: CellFields): CellDims {
  return { regionCode: e.regionCode, town: townOf(e.address ?? ''), industry: e.industry, size: e.size };
}

/**
 * The current state of the records a rollup sync counts, read through the owning modules'
 * repositories (`RollupReaders`), with the enterprise → cell lookups cached.
 */
export class RollupSources {
  /** Enterprise id → cell; refreshed by every enterprise sync, so moves are picked up there. */
  private readonly cells = new Map<string, CellDims>();

  constructor(readonly read: RollupReaders) {}

  /** The cell an enterprise's records count in; NO_CELL for an unknown id. */
  async cellOf(enterpriseId: string | null): Promise<CellDims> {
    if (!enterpriseId || !Types.ObjectId.isValid(enterpriseId)) return NO_CELL;
    const hit = this.cells.get(enterpriseId);
    if (hit) return hit;
    const e = await this.read.enterprises.cellFieldsOf(enterpriseId);
    const cell = e ? cellOfEnterprise(e) : NO_CELL;
    if (e) this.cells.set(enterpriseId, cell);
    return cell;
  }

  /** Everything the enterprise-level figures need, read now; null when the enterprise is gone. */
  async enterpriseFacts(id: string): Promise<EnterpriseFacts | null> {
    const e = await this.read.enterprises.storedById(id);
    if (!e) return null;
    const eid = oid(id);
    const [report, open, live, visit] = await Promise.all([
      this.read.reopening.latestStoredOf(eid),
      this.read.issues.categoriesIn(eid, OPEN_ISSUE_STATES),
      this.read.assignments.liveExists(eid),
      this.read.visits.latestStoredOf(eid),
    ]);
    const cell = cellOfEnterprise(e);
    this.cells.set(id, cell);
    return {
      cell,
      headcount: e.headcount,
      latestReport: report
        ? { reopened: report.reopened, staffOnSite: report.staffOnSite, staffTotal: report.staffTotal }
        : null,
      openIssueCategories: open.map((i) => i.category),
      hasSteward: live !== null,
      lastVisitDay: visit ? chinaDay(visit.visitedAt) : null,
    };
  }

  /** Ids of enterprises whose registry entry changed since `since` (after a bulk import). */
  enterprisesUpdatedSince(since: Date): Promise<string[]> {
    return this.read.enterprises.idsUpdatedSince(since);
  }

  async tripFacts(id: string): Promise<{ facts: TripFacts; cell: CellDims } | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    // The two reads are independent: one round trip of latency, not two. A booking keeps its
    // waitSeq once it joined the waitlist, whatever became of it since.
    const [t, waitlistJoins] = await Promise.all([
      this.read.trips.storedById(id),
      this.read.bookings.waitlistJoinsOf(id),
    ]);
    if (!t) return null;
    return {
      facts: { ...t, waitlistJoins },
      cell: await this.cellOf(t.destinations[0]?.enterpriseId.toHexString() ?? null),
    };
  }

  async issueFacts(id: string): Promise<{ facts: IssueFacts; cell: CellDims; enterpriseId: string } | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const i = await this.read.issues.storedById(id);
    if (!i) return null;
    const enterpriseId = i.enterpriseId.toHexString();
    return { facts: issueFactsOf(i), cell: await this.cellOf(enterpriseId), enterpriseId };
  }

  async checkinFacts(
    workerId: string,
    day: string,
  ): Promise<{ facts: CheckinFactsForRollup; cell: CellDims } | null> {
    const c = await this.read.checkins.storedOf(workerId, day);
    if (!c) return null;
    const employer = await this.read.users.employerOf(workerId);
    return { facts: c, cell: await this.cellOf(employer?.toHexString() ?? null) };
  }
}

/** The issue fields the rollup counts, from a stored issue. */
export function issueFactsOf(i: Omit<StoredIssue, 'enterpriseId'>): IssueFacts {
  return {
    category: i.category,
    departmentCode: i.departmentCode ?? null,
    state: i.state,
    escalated: Boolean(i.escalated),
    reportedDay: chinaDay(i.reportedAt),
    rating: i.rating ?? null,
    progress: { dueAt: i.clocks?.progress?.dueAt ?? null, metAt: i.clocks?.progress?.metAt ?? null },
  };
}
