import mongoose, { Types, type Connection } from 'mongoose';
import { createTokenService } from '../../../apps/bff/src/test-support';
import { creditCode } from '../../../apps/bff/src/test-support';
import { insertGreenWorkers } from '../../../apps/bff/src/test-support';
import { FAULT_JWT_SECRET } from './processes';

const tokens = createTokenService(FAULT_JWT_SECRET, 3600);
const bearer = (id: string, roles: ('worker' | 'admin' | 'transport')[]) => ({
  Authorization: `Bearer ${tokens.issueAccess({ id, roles, enterpriseId: null, departmentId: null }).token}`,
});

/** One worker's part in the rush: who they are, which trip they want, the key their phone retries with. */
export interface RushJob {
  worker: string;
  auth: { Authorization: string };
  tripId: string;
  key: string;
}

async function api(url: string, method: string, auth: Record<string, string>, body?: unknown) {
  const res = await fetch(url, {
    method,
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
  return json!;
}

/**
 * Seeds a rush through a running BFF and the database: an enterprise and published trips via
 * the API (as admin and transport), workers with green check-ins inserted directly (the sign-in
 * flow is not what is under test and would dominate the run).
 */
export async function seedRush(
  bffUrl: string,
  conn: Connection,
  workers: number,
  trips: number,
  seats = 20,
): Promise<RushJob[]> {
  const now = new Date();
  const staff = [new Types.ObjectId(), new Types.ObjectId()];
  await conn.db!.collection('users').insertMany(
    staff.map((_id, i) => ({
      _id,
      name: i ? '交通专班' : '指挥部',
      phoneHash: `fault-staff-${_id}`,
      phoneEnc: null,
      openid: null,
      idNumberEnc: null,
      idNumberHash: null,
      roles: [i ? 'transport' : 'admin'],
      enterpriseId: null,
      departmentId: null,
      homeRegion: null,
      createdAt: now,
      updatedAt: now,
    })),
  );
  const admin = bearer(staff[0].toHexString(), ['admin']);
  const transport = bearer(staff[1].toHexString(), ['transport']);
  const ent = await api(`${bffUrl}/api/enterprises`, 'POST', admin, {
    name: `故障演练企业${Date.now() % 10000}`,
    creditCode: creditCode(Date.now() % 1_000_000),
    industry: '制造业',
    size: 'above',
    regionCode: '330281',
    address: '余姚',
    headcount: 5000,
  });
  const tripIds: string[] = [];
  for (let i = 0; i < trips; i += 1) {
    const trip = await api(`${bffUrl}/api/trips`, 'POST', transport, {
      originRegionCode: '520102',
      originName: `贵阳 ${i + 1} 号车`,
      pickupPoints: [{ name: '贵阳北站' }],
      destinations: [{ enterpriseId: ent.id, dropPoint: '东门' }],
      departureAt: new Date(now.getTime() + 48 * 3600_000).toISOString(),
      vehicle: { plate: '贵A12345', seats },
      driver: { name: '刘师傅' },
    });
    await api(`${bffUrl}/api/trips/${trip.id}/publish`, 'POST', transport);
    tripIds.push(trip.id as string);
  }
  const ids = await insertGreenWorkers(conn.db!, workers, now, (i) => `fault-${i}-${now.getTime()}`);
  return ids.map((id, i) => ({
    worker: id.toHexString(),
    auth: bearer(id.toHexString(), ['worker']),
    tripId: tripIds[i % trips],
    key: `fault-rush-${id.toHexString()}`,
  }));
}

/** A 2xx the BFF gave: the booking the worker was promised. */
export interface Ack {
  worker: string;
  bookingId: string;
  status: string;
}

/**
 * Plays the rush like phones on a bad network: each worker posts its booking with one
 * Idempotency-Key and retries on connection errors, 503 and "in progress" until it gets an
 * answer. `urls()` says where to send (the instances alive right now).
 */
export async function runRush(
  jobs: RushJob[],
  urls: () => string[],
  opts: { concurrency: number; deadlineMs: number; onAnswer?: (n: number) => void },
) {
  const acks: Ack[] = [];
  const refused: string[] = [];
  let retries = 0;
  const why = { network: 0, unavailable: 0, inProgress: 0 };
  let next = 0;
  let answered = 0;
  const deadline = Date.now() + opts.deadlineMs;
  const one = async (job: RushJob, n: number) => {
    for (let attempt = 0; Date.now() < deadline; attempt += 1) {
      const live = urls();
      const url = live[(n + attempt) % live.length];
      try {
        const res = await fetch(`${url}/api/bookings`, {
          method: 'POST',
          headers: { ...job.auth, 'Content-Type': 'application/json', 'Idempotency-Key': job.key },
          body: JSON.stringify({ tripId: job.tripId }),
          signal: AbortSignal.timeout(10_000),
        });
        const body = (await res.json().catch(() => ({}))) as {
          id?: string;
          status?: string;
          error?: { code: string };
        };
        if (res.status === 201 || res.status === 200) {
          acks.push({ worker: job.worker, bookingId: body.id!, status: body.status! });
          return;
        }
        if (res.status !== 503 && body.error?.code !== 'IDEMPOTENCY_IN_PROGRESS') {
          refused.push(`${job.worker}: ${res.status} ${body.error?.code}`);
          return;
        }
        if (res.status === 503) why.unavailable += 1;
        else why.inProgress += 1;
      } catch {
        // connection refused or reset: the instance is down; the phone tries again
        why.network += 1;
      }
      retries += 1;
      await new Promise((r) => setTimeout(r, 100 + (attempt % 5) * 50));
    }
    refused.push(`${job.worker}: no answer before the deadline`);
  };
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (next < jobs.length) {
        const n = next++;
        await one(jobs[n], n);
        answered += 1;
        opts.onAnswer?.(answered);
      }
    }),
  );
  return { acks, refused, retries, why };
}

/** What must hold after any crash: acknowledged bookings exist, no seat oversold, nobody double-booked. */
export async function invariants(uri: string, acks: Ack[]) {
  const conn = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000 }).asPromise();
  try {
    const db = conn.db!;
    const all = await db.collection('bookings').find({}).toArray();
    const byId = new Map(all.map((b) => [String(b._id), b]));
    const live = all.filter((b) => b.live);
    const lost = acks.filter((a) => !byId.has(a.bookingId));
    const perWorkerDay = new Map<string, number>();
    for (const b of live)
      perWorkerDay.set(
        `${b.workerId}:${b.travelDay}`,
        (perWorkerDay.get(`${b.workerId}:${b.travelDay}`) ?? 0) + 1,
      );
    const doubleBooked = [...perWorkerDay.entries()].filter(([, n]) => n > 1).map(([k]) => k);
    const trips = await db.collection('trips').find({}).toArray();
    const oversold = trips
      .map((t) => {
        const confirmed = live.filter(
          (b) => String(b.tripId) === String(t._id) && b.status === 'confirmed',
        ).length;
        const bad =
          confirmed > t.capacity ||
          t.bookedCount > t.capacity ||
          t.bookedCount !== confirmed ||
          (t.seatHolders ?? []).length !== t.bookedCount;
        return bad
          ? `${t._id}: capacity ${t.capacity}, bookedCount ${t.bookedCount}, confirmed ${confirmed}, holders ${(t.seatHolders ?? []).length}`
          : null;
      })
      .filter(Boolean);
    const ackedByWorker = new Map<string, Set<string>>();
    for (const a of acks)
      ackedByWorker.set(a.worker, (ackedByWorker.get(a.worker) ?? new Set()).add(a.bookingId));
    const twoAnswers = [...ackedByWorker.entries()].filter(([, s]) => s.size > 1).map(([w]) => w);
    // Nobody cancels during a rush, so what a worker was told must still be what is stored.
    const changed = acks
      .filter((a) => byId.has(a.bookingId) && byId.get(a.bookingId)!.status !== a.status)
      .map((a) => `${a.bookingId}: told ${a.status}, stored ${byId.get(a.bookingId)!.status}`);
    return { bookings: all.length, live: live.length, lost, doubleBooked, oversold, twoAnswers, changed };
  } finally {
    await conn.close();
  }
}
