import { type Types, type Model } from 'mongoose';
import type { BookingDoc } from './booking.types';
import { Batcher } from '../../db/batcher';
import { oid } from '../../db/ids';

type Ask = { tripId: string; waitSeq: number };

/** Places in trips' waitlists, counted for a whole event-loop turn at once (part of BookingRepository). */
export class WaitlistPositions {
  private readonly asks = new Batcher<Ask, number>((asks) => this.countAhead(asks));

  constructor(private readonly model: Model<BookingDoc>) {}

  /** 1 + the waitlisted bookings of the trip with a smaller waitSeq. */
  placeOf(tripId: string, waitSeq: number): Promise<number> {
    return this.asks.load({ tripId, waitSeq });
  }

  /**
   * One aggregate per round: `$or` of one clause per trip (each an equality prefix and a range
   * on the index {tripId, status, waitSeq}), grouped by trip. Two places asked on the same trip
   * go in different rounds, so every clause counts exactly its own trip's queue ahead. The
   * rounds are independent reads and go out together.
   */
  private async countAhead(asks: Ask[]): Promise<number[]> {
    const out = new Array<number>(asks.length);
    const rounds: Map<string, number>[] = [];
    const depth = new Map<string, number>();
    asks.forEach((a, i) => {
      const r = depth.get(a.tripId) ?? 0;
      depth.set(a.tripId, r + 1);
      (rounds[r] ??= new Map()).set(a.tripId, i);
    });
    await Promise.all(
      rounds.map(async (round) => {
        const clauses = [...round.values()].map((i) => ({
          tripId: oid(asks[i].tripId),
          status: 'waitlisted',
          waitSeq: { $lt: asks[i].waitSeq },
        }));
        const counts = await this.model.collection
          .aggregate<{ _id: Types.ObjectId; n: number }>([
            { $match: clauses.length === 1 ? clauses[0] : { $or: clauses } },
            { $group: { _id: '$tripId', n: { $sum: 1 } } },
          ])
          .toArray();
        const ahead = new Map(counts.map((c) => [c._id.toHexString(), c.n]));
        for (const [tripId, i] of round) out[i] = 1 + (ahead.get(tripId) ?? 0);
      }),
    );
    return out;
  }
}
