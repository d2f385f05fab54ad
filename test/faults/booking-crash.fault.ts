import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { freePort, startBff, startDb, type Child } from './support/processes';
import { invariants, runRush, seedRush, type RushJob } from './support/rush';

/** Workers in the rush (FAULT_WORKERS); 4 trips of 10 seats each, so most end on the waitlist. */
const WORKERS = Number(process.env.FAULT_WORKERS ?? 240);

let dir: string;
let dbPort: number;
let bffPort: number;
let db: Child & { uri: string };
let bff: Child & { url: string };
let jobs: RushJob[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fugong-crash-'));
  [dbPort, bffPort] = [await freePort(), await freePort()];
  db = await startDb(dbPort, dir);
  bff = await startBff(bffPort, db.uri);
  const conn = await mongoose.createConnection(db.uri).asPromise();
  jobs = await seedRush(bff.url, conn, WORKERS, 4);
  await conn.close();
}, 180_000);
afterAll(async () => {
  await bff?.stop();
  await db?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('kill -9 in the middle of a booking rush', () => {
  it('when the BFF and then the database are killed with SIGKILL mid-rush and restarted, then every acknowledged booking exists, no seat is oversold and nobody is double-booked', async () => {
    const restarts: Promise<void>[] = [];
    const injected: string[] = [];
    const crash = (answered: number) => {
      if (answered === Math.floor(WORKERS / 4)) {
        injected.push(`kill -9 BFF after ${answered} answers`);
        restarts.push(
          (async () => {
            await bff.kill9();
            bff = await startBff(bffPort, db.uri);
          })(),
        );
      }
      if (answered === Math.floor(WORKERS / 2)) {
        injected.push(`kill -9 database after ${answered} answers`);
        restarts.push(
          (async () => {
            await db.kill9();
            db = await startDb(dbPort, dir);
          })(),
        );
      }
    };
    const url = `http://127.0.0.1:${bffPort}`;
    const result = await runRush(jobs, () => [url], {
      concurrency: 16,
      deadlineMs: 200_000,
      onAnswer: crash,
    });
    await Promise.all(restarts);
    const inv = await invariants(db.uri, result.acks);

    // eslint-disable-next-line no-console -- the figures docs/security.md quotes
    console.log(
      `crash rush: ${WORKERS} workers, faults [${injected.join('; ')}], ${result.acks.length} acknowledged, ${result.retries} retries ${JSON.stringify(result.why)}, ${inv.lost.length} lost, ${inv.oversold.length} oversold trips, ${inv.doubleBooked.length} double bookings`,
    );
    expect(injected).toHaveLength(2);
    expect(result.retries).toBeGreaterThan(0); // the crashes were felt by the clients, not slipped between requests
    expect(result.refused).toEqual([]);
    expect(result.acks).toHaveLength(WORKERS);
    expect(inv.lost).toEqual([]);
    expect(inv.oversold).toEqual([]);
    expect(inv.doubleBooked).toEqual([]);
    expect(inv.twoAnswers).toEqual([]);
    expect(inv.changed).toEqual([]);
    expect(inv.live).toBe(WORKERS);
  }, 300_000);
});
