import { Types, type Connection, type Model } from 'mongoose';
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
import { enterpriseModel, type EnterpriseDoc } from '../enterprises/enterprise.model';
import { reopeningModel, type ReopeningDoc } from '../reopening/reopening.model';
import { issueModel, type IssueDoc } from '../issues/issue.model';
import { assignmentModel, type AssignmentDoc } from '../stewards/assignment.model';
import { visitModel, type VisitDoc } from '../visits/visit.model';
import { tripModel, type TripDoc } from '../trips/trip.model';
import { checkinModel, type CheckinDoc } from '../health-checkins/checkin.model';
import { userModel, type UserDoc } from '../auth/user.model';
import { callbackModel, type CallbackDoc } from '../callbacks/callback.model';
import { bookingModel, type BookingDoc } from '../bookings/booking.model';
import { oid } from '../../db/ids';

/** A registry row as the daily report lists it. */
export type RegistryRow = Pick<
  EnterpriseDoc,
  '_id' | 'name' | 'creditCode' | 'regionCode' | 'address' | 'industry' | 'size'
>;
/** A reopening report as the daily report lists it. */
export type ReportRow = Pick<
  ReopeningDoc,
  'enterpriseId' | 'day' | 'reopened' | 'staffOnSite' | 'staffTotal'
>;

/** The cell of an enterprise record. */
export function cellOfEnterprise(
  e: Pick<EnterpriseDoc, 'regionCode' | 'address' | 'industry' | 'size'>,
): CellDims {
  return { regionCode: e.regionCode, town: townOf(e.address ?? ''), industry: e.industry, size: e.size };
}

/**
 * Read-only access to the raw collections the rollups are computed from. It reads other
 * modules' collections directly (never writes them) because a sync must see the record's
 * current state, and going through five services for one read would hide that.
 */
export class RollupSources {
  readonly m: {
    enterprises: Model<EnterpriseDoc>;
    reopening: Model<ReopeningDoc>;
    issues: Model<IssueDoc>;
    assignments: Model<AssignmentDoc>;
    visits: Model<VisitDoc>;
    trips: Model<TripDoc>;
    checkins: Model<CheckinDoc>;
    users: Model<UserDoc>;
    callbacks: Model<CallbackDoc>;
    bookings: Model<BookingDoc>;
  };
  /** Enterprise id → cell; refreshed by every enterprise sync, so moves are picked up there. */
  private readonly cells = new Map<string, CellDims>();

  constructor(readonly conn: Connection) {
    this.m = {
      enterprises: enterpriseModel(conn),
      reopening: reopeningModel(conn),
      issues: issueModel(conn),
      assignments: assignmentModel(conn),
      visits: visitModel(conn),
      trips: tripModel(conn),
      checkins: checkinModel(conn),
      users: userModel(conn),
      callbacks: callbackModel(conn),
      bookings: bookingModel(conn),
    };
  }

  /** The cell an enterprise's records count in; NO_CELL for an unknown id. */
  async cellOf(enterpriseId: string | null): Promise<CellDims> {
    if (!enterpriseId || !Types.ObjectId.isValid(enterpriseId)) return NO_CELL;
    const hit = this.cells.get(enterpriseId);
    if (hit) return hit;
    const e = await this.m.enterprises
      .findById(enterpriseId, { regionCode: 1, address: 1, industry: 1, size: 1 })
      .lean<EnterpriseDoc>();
    const cell = e ? cellOfEnterprise(e) : NO_CELL;
    if (e) this.cells.set(enterpriseId, cell);
    return cell;
  }

  /** Everything the enterprise-level figures need, read now; null when the enterprise is gone. */
  async enterpriseFacts(id: string): Promise<EnterpriseFacts | null> {
    const e = await this.m.enterprises.findById(id).lean<EnterpriseDoc>();
    if (!e) return null;
    const eid = oid(id);
    const [report, open, live, visit] = await Promise.all([
      this.m.reopening.findOne({ enterpriseId: eid }).sort({ day: -1 }).lean<ReopeningDoc>(),
      this.m.issues
        .find({ enterpriseId: eid, state: { $in: [...OPEN_ISSUE_STATES] } }, { category: 1 })
        .lean<IssueDoc[]>(),
      this.m.assignments.exists({ enterpriseId: eid, live: true }),
      this.m.visits.findOne({ enterpriseId: eid }, { visitedAt: 1 }).sort({ visitedAt: -1 }).lean<VisitDoc>(),
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
  async enterprisesUpdatedSince(since: Date): Promise<string[]> {
    const docs = await this.m.enterprises
      .find({ updatedAt: { $gte: since } }, { _id: 1 })
      .lean<EnterpriseDoc[]>();
    return docs.map((d) => d._id.toHexString());
  }

  async tripFacts(id: string): Promise<{ facts: TripFacts; cell: CellDims } | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    // The two reads are independent: one round trip of latency, not two. A booking keeps its
    // waitSeq once it joined the waitlist, whatever became of it since.
    const [t, waitlistJoins] = await Promise.all([
      this.m.trips.findById(id, { seatHolders: 0, notices: 0 }).lean<TripDoc>(),
      this.m.bookings.countDocuments({ tripId: oid(id), waitSeq: { $ne: null } }),
    ]);
    if (!t) return null;
    return {
      facts: { ...t, waitlistJoins },
      cell: await this.cellOf(t.destinations[0]?.enterpriseId.toHexString() ?? null),
    };
  }

  async issueFacts(id: string): Promise<{ facts: IssueFacts; cell: CellDims; enterpriseId: string } | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const i = await this.m.issues.findById(id, { timeline: 0, description: 0 }).lean<IssueDoc>();
    if (!i) return null;
    const enterpriseId = i.enterpriseId.toHexString();
    return { facts: issueFactsOf(i), cell: await this.cellOf(enterpriseId), enterpriseId };
  }

  async checkinFacts(
    workerId: string,
    day: string,
  ): Promise<{ facts: CheckinFactsForRollup; cell: CellDims } | null> {
    const c = await this.m.checkins.findOne({ workerId: oid(workerId), day }).lean<CheckinDoc>();
    if (!c) return null;
    const u = await this.m.users.findById(workerId, { enterpriseId: 1 }).lean<UserDoc>();
    return { facts: c, cell: await this.cellOf(u?.enterpriseId?.toHexString() ?? null) };
  }

  /** The registry rows an export lists, read as a cursor in batches of `batchSize`. */
  registryRows(filter: Partial<Pick<RegistryRow, 'regionCode' | 'industry' | 'size'>>, batchSize: number) {
    return this.m.enterprises
      .find(filter, { name: 1, creditCode: 1, regionCode: 1, address: 1, industry: 1, size: 1 })
      .lean<RegistryRow>()
      .cursor({ batchSize });
  }

  /** Each listed enterprise's latest reopening report up to `day` (by enterprise id). */
  async latestReportsUpTo(enterpriseIds: Types.ObjectId[], day: string): Promise<Map<string, ReportRow>> {
    const reports = await this.m.reopening
      .find(
        { enterpriseId: { $in: enterpriseIds }, day: { $lte: day } },
        { enterpriseId: 1, day: 1, reopened: 1, staffOnSite: 1, staffTotal: 1 },
      )
      .lean<ReportRow[]>();
    const latest = new Map<string, ReportRow>();
    for (const r of reports) {
      const k = r.enterpriseId.toHexString();
      if (!latest.has(k) || latest.get(k)!.day < r.day) latest.set(k, r);
    }
    return latest;
  }
}

/** The issue fields the rollup counts, from a stored issue. */
export function issueFactsOf(
  i: Pick<
    IssueDoc,
    'category' | 'departmentCode' | 'state' | 'escalated' | 'reportedAt' | 'rating' | 'clocks'
  >,
): IssueFacts {
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
