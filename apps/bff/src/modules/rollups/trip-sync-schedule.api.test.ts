import { startTestApp, type TestApp } from '../../test-support/test-app';
import { book, checkin, enterprise, person, publishedTrip } from '../bookings/test/fixtures';
import { TRIP_SYNC_DELAY_MS } from './rollup.service';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** What the trip currently adds to the transport rollup, as its ledger entry records it. */
const ledgerOf = async (tripId: string) =>
  JSON.stringify((await t.container.rollups.repo.readLedger(`trip:${tripId}`))?.c ?? null);

describe('coalesced trip syncs (a booking rush must not pay a rollup sync per booking)', () => {
  it('when seats are booked, then the rollup follows within the delay, by itself, not once per booking; a dashboard read lands it at once', async () => {
    const transport = await person(t, ['transport']);
    const ent = await enterprise(t);
    const trip = await publishedTrip(t, transport, [ent]);
    const published = await ledgerOf(trip);
    const seqOf = async () => (await t.container.rollups.repo.readLedger(`trip:${trip}`))!.seq;
    const publishedSeq = await seqOf();

    const workers = await Promise.all(Array.from({ length: 6 }, () => person(t)));
    for (const w of workers) await checkin(t, w);
    await Promise.all(workers.map((w) => book(t, w, trip)));
    // Not in the booking requests: the ledger still holds the published trip's contribution.
    expect(await ledgerOf(trip)).toBe(published);

    const deadline = Date.now() + TRIP_SYNC_DELAY_MS + 5000;
    while ((await ledgerOf(trip)) === published && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const synced = await ledgerOf(trip);
    expect(synced).not.toBe(published);
    // Six seats, one sync (two if the burst straddled the delay): not one per booking.
    expect((await seqOf()) - publishedSeq).toBeLessThanOrEqual(2);

    // A fourth booking, then the dashboard: its answer already counts it.
    const late = await person(t);
    await checkin(t, late);
    await book(t, late, trip);
    const auth = (await person(t, ['admin'])).auth;
    const res = await t.http.get('/api/dashboard/summary').set(auth);
    expect(res.status).toBe(200);
    expect(await ledgerOf(trip)).not.toBe(synced);
  });
});
