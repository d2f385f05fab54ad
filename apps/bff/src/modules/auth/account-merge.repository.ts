import { type Types, type ClientSession, type Connection } from 'mongoose';
import { userModel, type UserDoc } from './user.model';
import { refreshTokenModel } from './refresh-token.model';
import { bookingModel, type BookingDoc } from '../bookings/booking.model';
import { checkinModel, type CheckinDoc } from '../health-checkins/checkin.model';
import { outboxModel } from '../notifications/outbox.model';
import { attachmentModel } from '../issues/attachment.model';
import { auditModel } from '../../audit/audit.model';
import { isDuplicateKey } from '../../db/errors';
import { oid } from '../../db/ids';

/** Why a merge did not happen; nothing was written in any of these cases. */
export type MergeRefusal =
  | { reason: 'gone' } // one of the accounts no longer exists, or the openid account was merged meanwhile
  | { reason: 'phone_has_wechat' } // the phone account got an openid meanwhile
  | { reason: 'staff_roles' } // the openid account holds staff roles (their records name it)
  | { reason: 'same_day_bookings'; travelDays: string[] };

export interface MergeDone {
  merged: true;
  moved: { bookings: number; checkins: number; notifications: number; attachments: number };
}

/**
 * Moves a person's WeChat-only account (`from`: openid, no phone) into their phone account
 * (`into`: the roles granted by phone), in ONE MongoDB transaction over users, bookings,
 * check-ins, notifications, attachments, refresh tokens and the audit log.
 *
 * Why a transaction and not a sequence of guarded writes: the rule "one live booking per
 * travel day" must hold for the merged person, and it can only be judged against both accounts'
 * bookings at one instant; a booking made on either account between the check and the move
 * would slip through a sequence. Inside the transaction the check reads a snapshot and any
 * concurrent write to the same bookings is a write conflict (withTransaction retries it, and the
 * retry judges again). All or nothing also means a crash mid-merge leaves both accounts as they
 * were, so the phone's retry simply merges again. Transactions need a replica set (the embedded
 * database is one; README "Using a real MongoDB").
 *
 * Rules: the phone account's profile wins; the WeChat account's fills its blanks. Roles are the
 * union. A day with a check-in on both keeps the later one. Two live bookings on one travel day
 * refuse the merge (the person cancels one first). The audit log is append-only, so its entries
 * keep the old id; the phone account lists the merged ids (`mergedFrom`) and one `user.merge`
 * entry is appended under each account.
 */
export class AccountMergeRepository {
  constructor(private readonly conn: Connection) {}

  async merge(input: {
    fromId: string;
    intoId: string;
    actorId: string;
    requestId: string | null;
    now: Date;
  }): Promise<MergeDone | MergeRefusal> {
    const session = await this.conn.startSession();
    try {
      let outcome: MergeDone | MergeRefusal = { reason: 'gone' };
      await session.withTransaction(async () => {
        outcome = await this.mergeIn(session, input);
        // A refusal writes nothing; aborting makes that explicit to the server.
        if (!('merged' in outcome)) await session.abortTransaction();
      });
      return outcome;
    } catch (err) {
      // A live booking moved onto a day the phone account booked after our check: same refusal.
      if (isDuplicateKey(err)) return { reason: 'same_day_bookings', travelDays: [] };
      throw err;
    } finally {
      await session.endSession();
    }
  }

  private async mergeIn(
    s: ClientSession,
    { fromId, intoId, actorId, requestId, now }: Parameters<AccountMergeRepository['merge']>[0],
  ): Promise<MergeDone | MergeRefusal> {
    const users = userModel(this.conn);
    const bookings = bookingModel(this.conn);
    const checkins = checkinModel(this.conn);
    const from = oid(fromId);
    const into = oid(intoId);

    const a = await users.findOne({ _id: from, mergedInto: null }).session(s).lean<UserDoc>();
    const b = await users.findOne({ _id: into, mergedInto: null }).session(s).lean<UserDoc>();
    if (!a || !b || !a.openid || a.phoneHash) return { reason: 'gone' };
    if (b.openid) return { reason: 'phone_has_wechat' };
    if (a.roles.some((r) => r !== 'worker')) return { reason: 'staff_roles' };

    const liveA = await bookings.find({ workerId: from, live: true }).session(s).lean<BookingDoc[]>();
    if (liveA.length) {
      const clash = await bookings
        .find({ workerId: into, live: true, travelDay: { $in: liveA.map((x) => x.travelDay) } })
        .session(s)
        .lean<BookingDoc[]>();
      if (clash.length)
        return {
          reason: 'same_day_bookings',
          travelDays: [...new Set(clash.map((x) => x.travelDay))].sort(),
        };
    }

    // Check-ins: one per worker and day (unique index), so a shared day keeps the later one.
    const daysA = await checkins.find({ workerId: from }).session(s).lean<CheckinDoc[]>();
    if (daysA.length) {
      const daysB = await checkins
        .find({ workerId: into, day: { $in: daysA.map((c) => c.day) } })
        .session(s)
        .lean<CheckinDoc[]>();
      const byDay = new Map(daysA.map((c) => [c.day, c]));
      const dropB: Types.ObjectId[] = [];
      const dropA: Types.ObjectId[] = [];
      for (const cb of daysB) {
        const ca = byDay.get(cb.day)!;
        if (ca.at.getTime() > cb.at.getTime()) dropB.push(cb._id);
        else dropA.push(ca._id);
      }
      if (dropA.length || dropB.length)
        await checkins.deleteMany({ _id: { $in: [...dropA, ...dropB] } }, { session: s });
    }
    const movedCheckins = await checkins.updateMany(
      { workerId: from },
      { $set: { workerId: into } },
      { session: s },
    );
    const movedBookings = await bookings.updateMany(
      { workerId: from },
      { $set: { workerId: into, updatedAt: now } },
      { session: s },
    );
    await bookings.updateMany(
      { workerId: into, bookedBy: 'self', bookedById: fromId },
      { $set: { bookedById: intoId } },
      { session: s },
    );
    const movedNotes = await outboxModel(this.conn).updateMany(
      { workerId: from },
      { $set: { workerId: into } },
      { session: s },
    );
    const movedFiles = await attachmentModel(this.conn).updateMany(
      { uploaderId: from },
      { $set: { uploaderId: into } },
      { session: s },
    );
    await refreshTokenModel(this.conn).updateMany(
      { userId: from, revokedAt: null },
      { $set: { revokedAt: now, revokedReason: 'logout' } },
      { session: s },
    );

    // The old account first gives up its unique keys (openid, ID number), then the phone account takes them.
    await users.updateOne(
      { _id: from },
      {
        $set: {
          mergedInto: into,
          openid: null,
          roles: [],
          name: null,
          idNumberEnc: null,
          idNumberHash: null,
          homeRegion: null,
          enterpriseId: null,
          departmentId: null,
        },
      },
      { session: s },
    );
    const fill = <K extends keyof UserDoc>(k: K) => (b[k] === null || b[k] === undefined ? a[k] : b[k]);
    const taken = await users.updateOne(
      { _id: into, openid: null, mergedInto: null },
      {
        $set: {
          openid: a.openid,
          roles: [...new Set([...b.roles, ...a.roles])],
          name: fill('name'),
          idNumberEnc: b.idNumberHash ? b.idNumberEnc : a.idNumberEnc,
          idNumberHash: b.idNumberHash ?? a.idNumberHash,
          homeRegion: fill('homeRegion'),
          enterpriseId: fill('enterpriseId'),
        },
        $addToSet: { mergedFrom: from },
      },
      { session: s },
    );
    if (taken.modifiedCount !== 1) return { reason: 'phone_has_wechat' };

    const entry = (subjectId: string) => ({
      at: now,
      actorId,
      action: 'user.merge',
      subjectType: 'user',
      subjectId,
      fields: [`from:${fromId}`, `into:${intoId}`],
      requestId,
    });
    await auditModel(this.conn).create([entry(intoId), entry(fromId)], { session: s, ordered: true });
    return {
      merged: true,
      moved: {
        bookings: movedBookings.modifiedCount,
        checkins: movedCheckins.modifiedCount,
        notifications: movedNotes.modifiedCount,
        attachments: movedFiles.modifiedCount,
      },
    };
  }
}
