import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { freePort, startBff, startDb, type Child } from './support/processes';
import { invariants, runRush, seedRush, type RushJob } from './support/rush';

const WORKERS = Number(process.env.FAULT_WORKERS ?? 240);

let dir: string;
let db: Child & { uri: string };
let a: Child & { url: string };
let b: Child & { url: string };
let jobs: RushJob[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fugong-two-'));
  db = await startDb(await freePort(), dir);
  [a, b] = await Promise.all([startBff(await freePort(), db.uri), startBff(await freePort(), db.uri)]);
  const conn = await mongoose.createConnection(db.uri).asPromise();
  jobs = await seedRush(a.url, conn, WORKERS, 3);
  // Half the workers retry the same key on the other instance too: the race the key must settle.
  jobs = [...jobs, ...jobs.filter((_, i) => i % 2 === 0)];
  await conn.close();
}, 180_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('two BFF instances on one database', () => {
  it('when a rush is spread over two instances (and duplicated retries land on both), then the invariants hold across them', async () => {
    const result = await runRush(jobs, () => [a.url, b.url], { concurrency: 24, deadlineMs: 150_000 });
    const inv = await invariants(db.uri, result.acks);
    // eslint-disable-next-line no-console -- the figures docs/security.md quotes
    console.log(
      `two-instance rush: ${WORKERS} workers (${jobs.length} requests), ${result.acks.length} acknowledged, ${inv.lost.length} lost, ${inv.oversold.length} oversold trips, ${inv.doubleBooked.length} double bookings, ${inv.twoAnswers.length} workers told two different bookings`,
    );
    expect(result.refused).toEqual([]);
    expect(result.acks).toHaveLength(jobs.length);
    expect(inv.lost).toEqual([]);
    expect(inv.oversold).toEqual([]);
    expect(inv.doubleBooked).toEqual([]);
    expect(inv.twoAnswers).toEqual([]);
    expect(inv.changed).toEqual([]);
    expect(inv.live).toBe(WORKERS);
  }, 240_000);
});
