/**
 * Crash safety: a server child process on a temp dbPath is SIGKILLed at random moments while
 * several clients insert, increment and commit two-document transactions. After each restart
 * every acknowledged write must be present and no transaction may be half-visible.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { embedded } from './support/testDb';

const repoRoot = path.resolve(__dirname, '../../..');
const cli = path.join(__dirname, '../src/cli.ts');
const ROUNDS = 4;
const WORKERS = 8;

interface Ledger {
  acked: Set<string>;
  counterAcked: Map<number, number>;
  counterAttempted: Map<number, number>;
  pairsAcked: Set<string>;
}

function startServer(dbPath: string): Promise<{ child: ChildProcess; uri: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--dbpath', dbPath], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (mongodb:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, uri: m[1] });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited early (${code}): ${out}`));
    });
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function worker(
  client: MongoClient,
  round: number,
  w: number,
  ledger: Ledger,
  stop: () => boolean,
): Promise<void> {
  const db = client.db('crash');
  for (let i = 0; !stop(); i++) {
    const kind = i % 3;
    try {
      if (kind === 0) {
        const id = `r${round}-w${w}-${i}`;
        await db.collection<{ _id: string }>('acks').insertOne({ _id: id });
        ledger.acked.add(id);
      } else if (kind === 1) {
        ledger.counterAttempted.set(w, (ledger.counterAttempted.get(w) ?? 0) + 1);
        await db
          .collection<{ _id: number; n: number }>('counters')
          .updateOne({ _id: w }, { $inc: { n: 1 } }, { upsert: true });
        ledger.counterAcked.set(w, (ledger.counterAcked.get(w) ?? 0) + 1);
      } else {
        const pair = `r${round}-w${w}-${i}`;
        const session = client.startSession();
        try {
          session.startTransaction();
          const pairs = db.collection<{ _id: string; pair: string }>('pairs');
          await pairs.insertOne({ _id: `${pair}-a`, pair }, { session });
          await pairs.insertOne({ _id: `${pair}-b`, pair }, { session });
          await session.commitTransaction();
          ledger.pairsAcked.add(pair);
        } finally {
          await session.endSession().catch(() => undefined);
        }
      }
    } catch {
      if (stop()) return;
    }
  }
}

async function verify(uri: string, ledger: Ledger): Promise<void> {
  const client = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 5000 });
  try {
    const db = client.db('crash');
    const present = new Set(
      (
        await db
          .collection<{ _id: string }>('acks')
          .find({}, { projection: { _id: 1 } })
          .toArray()
      ).map((d) => d._id),
    );
    const missing = [...ledger.acked].filter((id) => !present.has(id));
    expect(missing).toEqual([]);
    for (const c of await db.collection<{ _id: number; n: number }>('counters').find({}).toArray()) {
      expect(c.n).toBeGreaterThanOrEqual(ledger.counterAcked.get(c._id) ?? 0);
      expect(c.n).toBeLessThanOrEqual(ledger.counterAttempted.get(c._id) ?? 0);
    }
    for (const [w, n] of ledger.counterAcked) {
      if (n > 0) expect(await db.collection('counters').countDocuments({ _id: w as never })).toBe(1);
    }
    const halves = await db.collection<{ _id: string; pair: string }>('pairs').find({}).toArray();
    const count = new Map<string, number>();
    for (const h of halves) count.set(h.pair, (count.get(h.pair) ?? 0) + 1);
    expect([...count.values()].filter((n) => n !== 2)).toEqual([]);
    expect([...ledger.pairsAcked].filter((p) => count.get(p) !== 2)).toEqual([]);
  } finally {
    await client.close();
  }
}

(embedded ? describe : describe.skip)('crash recovery', () => {
  const dbPath = mkdtempSync(path.join(os.tmpdir(), 'embedded-mongo-crash-'));
  afterAll(() => rmSync(dbPath, { recursive: true, force: true }));

  it('when the server is SIGKILLed under load repeatedly, then every acknowledged write survives and transactions stay atomic', async () => {
    const ledger: Ledger = {
      acked: new Set(),
      counterAcked: new Map(),
      counterAttempted: new Map(),
      pairsAcked: new Set(),
    };
    for (let round = 0; round < ROUNDS; round++) {
      const { child, uri } = await startServer(dbPath);
      await verify(uri, ledger);
      const client = await MongoClient.connect(uri, {
        serverSelectionTimeoutMS: 500,
        maxPoolSize: WORKERS + 2,
      });
      let stopped = false;
      const load = Array.from({ length: WORKERS }, (_, w) => worker(client, round, w, ledger, () => stopped));
      await new Promise((r) => setTimeout(r, 250 + Math.random() * 600));
      await killHard(child);
      stopped = true;
      await Promise.all(load);
      await client.close(true).catch(() => undefined);
    }
    const { child, uri } = await startServer(dbPath);
    try {
      await verify(uri, ledger);
      expect(ledger.acked.size).toBeGreaterThan(20);
      expect(ledger.pairsAcked.size).toBeGreaterThan(5);
    } finally {
      await killHard(child);
    }
  });
});
