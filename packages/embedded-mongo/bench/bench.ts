/**
 * Throughput benchmark through the official driver against a durable server (temp dbPath,
 * every acknowledged write fsynced) running as a child process, as in real use.
 *
 *   npx tsx packages/embedded-mongo/bench/bench.ts
 *
 * Prints inserts/s (insertMany batches and single insertOne), point lookups/s by _id and by a
 * unique secondary index at 10k and 1M documents, and a $match+$group over 100k documents.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Collection, MongoClient } from 'mongodb';

const LOOKUPS = 20_000;
const CONCURRENCY = 16;
const BATCH = 5_000;

interface BenchDoc {
  _id: number;
  email: string;
  group: number;
  value: number;
  name: string;
}

function startServer(dbPath: string): Promise<{ child: ChildProcess; uri: string }> {
  const cli = path.join(__dirname, '../src/cli.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--dbpath', dbPath], {
    cwd: path.resolve(__dirname, '../../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (mongodb:\/\/\S+)/.exec(out);
      if (m) resolve({ child, uri: m[1] });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

function makeDoc(i: number): BenchDoc {
  return { _id: i, email: `user${i}@example.com`, group: i % 100, value: i, name: `name ${i}` };
}

async function timed<T>(label: string, ops: number, fn: () => Promise<T>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rate = ops / seconds;
  console.log(
    `${label.padEnd(52)} ${Math.round(rate).toLocaleString('en-US').padStart(10)} ops/s  (${ops} ops in ${seconds.toFixed(2)} s)`,
  );
  return rate;
}

async function parallel(count: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

async function load(coll: Collection<BenchDoc>, from: number, to: number, progress: boolean): Promise<void> {
  const started = Date.now();
  for (let i = from; i < to; i += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, to - i) }, (_, k) => makeDoc(i + k));
    await coll.insertMany(docs, { ordered: false });
    if (progress && (i + BATCH) % 100_000 === 0) {
      const done = i + BATCH;
      console.log(
        `  loaded ${done.toLocaleString('en-US')} documents (${Math.round((done - from) / ((Date.now() - started) / 1000)).toLocaleString('en-US')} docs/s)`,
      );
    }
  }
}

/** Waits for a background snapshot to finish so it does not skew the measurement. */
async function settle(client: MongoClient): Promise<void> {
  for (;;) {
    const status = await client.db('admin').command({ serverStatus: 1 });
    if (!status.storageEngine?.compacting) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function lookups(coll: Collection<BenchDoc>, size: number, label: string): Promise<[number, number]> {
  await parallel(2_000, (i) => coll.findOne({ _id: (i * 31) % size }));
  const byId = await timed(`point lookup by _id at ${label}`, LOOKUPS, () =>
    parallel(LOOKUPS, async (i) => {
      const id = (i * 7919) % size;
      const doc = await coll.findOne({ _id: id });
      if (doc?._id !== id) throw new Error(`lookup of ${id} failed`);
    }),
  );
  const byEmail = await timed(`point lookup by unique email at ${label}`, LOOKUPS, () =>
    parallel(LOOKUPS, async (i) => {
      const id = (i * 104729) % size;
      const doc = await coll.findOne({ email: `user${id}@example.com` });
      if (doc?._id !== id) throw new Error(`lookup of ${id} failed`);
    }),
  );
  return [byId, byEmail];
}

async function main(): Promise<void> {
  const dbPath = mkdtempSync(path.join(os.tmpdir(), 'embedded-mongo-bench-'));
  const { child, uri } = await startServer(dbPath);
  const client = await MongoClient.connect(uri, { maxPoolSize: CONCURRENCY + 4 });
  console.log(
    `embedded-mongo benchmark — node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'cpu'}`,
  );
  console.log(`durable dbPath ${dbPath}: each acknowledged write is fdatasync'ed (group commit)\n`);
  try {
    const db = client.db('bench');
    const singles = db.collection<{ n: number }>('singles');
    await timed('insertOne, sequential (1 fsync each)', 2_000, async () => {
      for (let i = 0; i < 2_000; i++) await singles.insertOne({ n: i });
    });
    await timed(`insertOne, ${CONCURRENCY} concurrent (group commit)`, 20_000, () =>
      parallel(20_000, (i) => singles.insertOne({ n: i })),
    );
    const batched = db.collection<BenchDoc>('batched');
    await timed(`insertMany, batches of ${BATCH}`, 200_000, () => load(batched, 0, 200_000, false));

    const coll = db.collection<BenchDoc>('people');
    await coll.createIndex({ email: 1 }, { unique: true });
    await load(coll, 0, 10_000, false);
    await settle(client);
    const small = await lookups(coll, 10_000, '10k docs');
    console.log('  loading up to 1,000,000 documents ...');
    await load(coll, 10_000, 1_000_000, true);
    await settle(client);
    const large = await lookups(coll, 1_000_000, '1M docs');
    console.log(
      `  1M/10k lookup rate ratio: _id ${(small[0] / large[0]).toFixed(2)}x slower, email ${(small[1] / large[1]).toFixed(2)}x slower`,
    );

    const agg = db.collection<BenchDoc>('agg');
    await load(agg, 0, 100_000, false);
    await timed('aggregate $match+$group over 100k docs', 5, async () => {
      for (let i = 0; i < 5; i++) {
        const rows = await agg
          .aggregate([
            { $match: { value: { $gte: 0 } } },
            { $group: { _id: '$group', total: { $sum: '$value' }, n: { $sum: 1 } } },
          ])
          .toArray();
        if (rows.length !== 100) throw new Error('unexpected group count');
      }
    });
  } finally {
    await client.close();
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    rmSync(dbPath, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
