import type { TestApp } from '../../../apps/bff/src/test-support';
import { assign, createEnterprise, fullChecklist } from '../../../apps/bff/src/test-support';
import { checkin, publishedTrip } from '../../../apps/bff/src/test-support';
import { caller, type Caller } from './people';

/** A tiny PNG: the signature and some bytes, enough for the attachment checks. */
export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);

/** A whole JPEG (start and end markers), enough for the photo upload's checks. */
export const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]),
  Buffer.alloc(64, 2),
  Buffer.from([0xff, 0xd9]),
]);

/**
 * Two of everything, so every scoped record has an owner and an outsider: firms A and B with a
 * liaison and an assigned steward each, officers of two departments, two workers, and records
 * (issue, charter, visit, attachment, trip, booking) belonging to A's side.
 */
export async function buildWorld(t: TestApp) {
  t.clock.set(new Date('2026-03-02T09:00:00+08:00'));
  const admin = await caller(t, ['admin']);
  const firmA = await createEnterprise(t, admin, { size: 'below' });
  const firmB = await createEnterprise(t, admin, { size: 'below' });
  const liaisonA = await caller(t, ['liaison'], { enterpriseId: firmA });
  const liaisonB = await caller(t, ['liaison'], { enterpriseId: firmB });
  const stewardA = await caller(t, ['steward']);
  const stewardB = await caller(t, ['steward']);
  await assign(t, admin, firmA, stewardA.id);
  await assign(t, admin, firmB, stewardB.id);
  const rsj = await caller(t, ['officer'], { departmentId: 'rsj' });
  const jtj = await caller(t, ['officer'], { departmentId: 'jtj' });
  const transport = await caller(t, ['transport']);
  const workerA = await caller(t, ['worker']);
  const workerB = await caller(t, ['worker']);
  const staffA = await caller(t, ['worker'], { enterpriseId: firmA });
  const staffB = await caller(t, ['worker'], { enterpriseId: firmB });
  const w = {
    t,
    admin,
    firmA,
    firmB,
    liaisonA,
    liaisonB,
    stewardA,
    stewardB,
    rsj,
    jtj,
    transport,
    workerA,
    workerB,
    staffA,
    staffB,
  };

  const ok = async (res: { status: number; body: { id?: string } }, what: string) => {
    if (res.status >= 300) throw new Error(`world: ${what} failed ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const post = (who: Caller, url: string, body: unknown) =>
    t.http
      .post(url)
      .set(who.auth)
      .send(body as object);
  const charter = (who: Caller, enterpriseId: string) =>
    post(who, '/api/charters', {
      enterpriseId,
      workers: 10,
      originRegionCode: '520102',
      originName: '贵阳市南明区',
      pickupPoint: '贵阳火车站东广场',
      earliestArrival: '2026-03-10',
      latestArrival: '2026-03-12',
    });
  const charterA = await ok(await charter(liaisonA, firmA), 'charter A');
  const charterB = await ok(await charter(liaisonB, firmB), 'charter B');
  const visitA = await ok(
    await post(stewardA, '/api/visits', {
      enterpriseId: firmA,
      place: '车间',
      checklist: fullChecklist(),
      findings: '已分散就餐',
    }),
    'visit',
  );
  const attachmentA = await ok(
    await post(liaisonA, '/api/attachments', {
      enterpriseId: firmA,
      filename: 'a.png',
      contentType: 'image/png',
      dataBase64: PNG.toString('base64'),
    }),
    'attachment',
  );
  const tripA = await publishedTrip(t, transport as never, [firmA]);
  await checkin(t, workerA as never);
  const bookingA = await ok(await post(workerA, '/api/bookings', { tripId: tripA }), 'booking');

  /** A fresh issue of firm A brought to `state` through the API. */
  const issueIn = async (state: 'submitted' | 'accepted' | 'dispatched' | 'answered'): Promise<string> => {
    const id = await ok(
      await post(liaisonA, '/api/issues', {
        enterpriseId: firmA,
        category: 'labour',
        urgency: 'normal',
        description: '缺少熟练工 40 人',
      }),
      'issue',
    );
    if (state === 'submitted') return id;
    await ok(await post(stewardA, `/api/issues/${id}/accept`, {}), 'accept');
    if (state === 'accepted') return id;
    await ok(await post(stewardA, `/api/issues/${id}/dispatch`, { departmentCode: 'rsj' }), 'dispatch');
    if (state === 'dispatched') return id;
    await ok(await post(rsj, `/api/issues/${id}/answer`, { answer: '人社局已对接招工团' }), 'answer');
    return id;
  };
  const issueA = await issueIn('dispatched');
  const photoA = await ok(
    await t.http
      .post(`/api/issues/${issueA}/photos`)
      .set(liaisonA.auth)
      .attach('file', JPEG, 'a.jpg')
      .attach('thumbnail', JPEG, 'a-small.jpg'),
    'photo',
  );
  return {
    ...w,
    charterA,
    charterB,
    visitA,
    attachmentA,
    tripA,
    bookingA,
    issueA,
    photoA,
    issueIn,
    charter,
    ok,
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
