import { Types, type Model } from 'mongoose';
import type { CharterDoc, ParticipantDoc } from './charter.model';
import type { Connection } from 'mongoose';
import { charterModel } from './charter.model';
import { oid } from '../../db/ids';

export interface CharterRecord {
  id: string;
  ownerEnterpriseId: string;
  originRegionCode: string;
  originName: string;
  pickupPoint: string;
  earliestArrival: string;
  latestArrival: string;
  destinationRegionCode: string;
  participants: { enterpriseId: string; enterpriseName: string; workers: number; joinedAt: Date }[];
  totalWorkers: number;
  note: string;
  state: CharterDoc['state'];
  tripIds: string[];
  createdAt: Date;
}

export interface NewParticipant {
  enterpriseId: string;
  enterpriseName: string;
  workers: number;
  namedStaff: { name: string; phoneEnc: string | null }[];
  joinedAt: Date;
}

/** Workers one request may gather: about ten full coaches; beyond that it is a special train. */
export const MAX_CHARTER_WORKERS = 500;

const toParticipantDoc = (p: NewParticipant): ParticipantDoc => ({ ...p, enterpriseId: oid(p.enterpriseId) });
const toRecord = (d: CharterDoc): CharterRecord => ({
  id: d._id.toHexString(),
  ownerEnterpriseId: d.ownerEnterpriseId.toHexString(),
  originRegionCode: d.originRegionCode,
  originName: d.originName,
  pickupPoint: d.pickupPoint,
  earliestArrival: d.earliestArrival,
  latestArrival: d.latestArrival,
  destinationRegionCode: d.destinationRegionCode,
  participants: d.participants.map((p) => ({
    enterpriseId: p.enterpriseId.toHexString(),
    enterpriseName: p.enterpriseName,
    workers: p.workers,
    joinedAt: p.joinedAt,
  })),
  totalWorkers: d.totalWorkers,
  note: d.note ?? '',
  state: d.state,
  tripIds: (d.tripIds ?? []).map((t) => t.toHexString()),
  createdAt: d.createdAt,
});

export class CharterRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): CharterRepository {
    return new CharterRepository(charterModel(conn));
  }

  constructor(private readonly model: Model<CharterDoc>) {}

  async create(
    input: Omit<CharterRecord, 'id' | 'participants' | 'state' | 'tripIds' | 'totalWorkers'> & {
      owner: NewParticipant;
      createdBy: string;
    },
  ): Promise<CharterRecord> {
    const { owner, createdBy, ...rest } = input;
    const doc = await this.model.create({
      ...rest,
      ownerEnterpriseId: oid(rest.ownerEnterpriseId),
      participants: [toParticipantDoc(owner)],
      totalWorkers: owner.workers,
      state: 'open',
      tripIds: [],
      createdBy: oid(createdBy),
    });
    return toRecord(doc.toObject() as CharterDoc);
  }

  async findById(id: string): Promise<CharterRecord | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.model.findById(id).lean<CharterDoc>();
    return doc ? toRecord(doc) : null;
  }

  async findByIds(ids: string[]): Promise<CharterRecord[]> {
    return (await this.model.find({ _id: { $in: ids.map(oid) } }).lean<CharterDoc[]>()).map(toRecord);
  }

  /**
   * Adds an enterprise to an open request in one guarded update: still open, this firm not yet
   * in it, and room left under the cap — so concurrent joins can neither double-join nor overfill.
   */
  async join(id: string, p: NewParticipant): Promise<CharterRecord | null> {
    const doc = await this.model
      .findOneAndUpdate(
        {
          _id: oid(id),
          state: 'open',
          'participants.enterpriseId': { $ne: oid(p.enterpriseId) },
          totalWorkers: { $lte: MAX_CHARTER_WORKERS - p.workers },
        },
        { $push: { participants: toParticipantDoc(p) }, $inc: { totalWorkers: p.workers } },
        { returnDocument: 'after' },
      )
      .lean<CharterDoc>();
    return doc ? toRecord(doc) : null;
  }

  /** open → cancelled/converted, guarded on still being open. */
  async close(
    id: string,
    to: 'cancelled' | 'converted',
    tripIds: string[] = [],
  ): Promise<CharterRecord | null> {
    const doc = await this.model
      .findOneAndUpdate(
        { _id: oid(id), state: 'open' },
        { $set: { state: to, tripIds: tripIds.map(oid) } },
        { returnDocument: 'after' },
      )
      .lean<CharterDoc>();
    return doc ? toRecord(doc) : null;
  }

  async listForEnterprise(enterpriseId: string, state?: CharterRecord['state']): Promise<CharterRecord[]> {
    const q: Record<string, unknown> = { 'participants.enterpriseId': oid(enterpriseId) };
    if (state) q.state = state;
    return (await this.model.find(q).sort({ createdAt: -1 }).limit(100).lean<CharterDoc[]>()).map(toRecord);
  }

  /** Open requests another firm could join: same destination county, arrival not yet past. */
  async listJoinable(
    enterpriseId: string,
    destinationRegionCode: string,
    fromDay: string,
  ): Promise<CharterRecord[]> {
    const docs = await this.model
      .find({
        state: 'open',
        destinationRegionCode,
        latestArrival: { $gte: fromDay },
        'participants.enterpriseId': { $ne: oid(enterpriseId) },
      })
      .sort({ earliestArrival: 1 })
      .limit(100)
      .lean<CharterDoc[]>();
    return docs.map(toRecord);
  }

  async listOpen(filter: {
    from?: string;
    to?: string;
    state?: CharterRecord['state'];
  }): Promise<CharterRecord[]> {
    const q: Record<string, unknown> = { state: filter.state ?? 'open' };
    const day: Record<string, string> = {};
    if (filter.from) day.$gte = filter.from;
    if (filter.to) day.$lte = filter.to;
    if (filter.from || filter.to) q.earliestArrival = day;
    return (
      await this.model
        .find(q)
        .sort({ earliestArrival: 1, originRegionCode: 1 })
        .limit(2000)
        .lean<CharterDoc[]>()
    ).map(toRecord);
  }

  /** Undoes a claim made for a conversion that then failed (only while no trips are recorded). */
  async reopenUnconverted(id: string): Promise<void> {
    await this.model.updateOne(
      { _id: oid(id), state: 'converted', tripIds: { $size: 0 } },
      { $set: { state: 'open' } },
    );
  }

  /** Records the trips a conversion produced on each of its requests. */
  async setTrips(ids: string[], tripIds: string[]): Promise<CharterRecord[]> {
    await this.model.updateMany(
      { _id: { $in: ids.map(oid) }, state: 'converted' },
      { $set: { tripIds: tripIds.map(oid) } },
    );
    return this.findByIds(ids);
  }
}
