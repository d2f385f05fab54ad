/**
 * $near latency over 100,000 indexed points, through the official driver against an in-memory
 * server in this process (so the figures include the driver's own work on the same core).
 *
 *   npx tsx packages/embedded-mongo/bench/geo.ts
 *
 * Prints p50/p95/p99 of three query shapes and the host's stolen CPU while they ran.
 */
import { MongoClient } from 'mongodb';
import { startEmbeddedMongo } from '../src';
import { GeoGrid } from '../src/geo/geoGrid';
import { describeCpu, sampleCpu } from './hostCpu';

const POINTS = 100_000;
const QUERIES = 500;

let seed = 42;
const rand = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const server = await startEmbeddedMongo({ inMemory: true });
  const client = await MongoClient.connect(server.uri);
  const coll = client.db('geobench').collection<{ _id: number; loc: unknown; kind: number }>('sites');
  await coll.createIndex({ loc: '2dsphere' });
  // Sites over north China (10° × 10°, about one per 0.05° cell), as the dispatch features expect.
  for (let i = 0; i < POINTS; i += 5000) {
    const batch = Array.from({ length: 5000 }, (_, k) => ({
      _id: i + k,
      loc: { type: 'Point', coordinates: [110 + rand() * 10, 32 + rand() * 10] },
      kind: (i + k) % 4,
    }));
    await coll.insertMany(batch);
  }
  const shapes: Array<[string, (q: number[]) => Promise<unknown>]> = [
    // The driver round trip alone, for scale: what a query costs before any geo work.
    ['findOne by _id (baseline)', () => coll.findOne({ _id: Math.floor(rand() * POINTS) })],
    [
      '$near, limit 10',
      (q) =>
        coll
          .find({ loc: { $near: { $geometry: { type: 'Point', coordinates: q } } } })
          .limit(10)
          .toArray(),
    ],
    [
      '$near, $maxDistance 5 km, kind filter',
      (q) =>
        coll
          .find({
            kind: 1,
            loc: { $near: { $geometry: { type: 'Point', coordinates: q }, $maxDistance: 5000 } },
          })
          .toArray(),
    ],
    [
      '$geoNear stage, limit 10',
      (q) =>
        coll
          .aggregate([
            { $geoNear: { near: { type: 'Point', coordinates: q }, distanceField: 'd' } },
            { $limit: 10 },
          ])
          .toArray(),
    ],
  ];
  console.log(`${POINTS.toLocaleString('en-US')} points, ${QUERIES} sequential queries per shape`);
  for (const [label, run] of shapes) {
    for (let i = 0; i < 50; i++) await run([111 + rand() * 8, 33 + rand() * 8]);
    const before = sampleCpu();
    const times: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const q = [111 + rand() * 8, 33 + rand() * 8];
      const start = process.hrtime.bigint();
      await run(q);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    const f = (n: number) => `${n.toFixed(2)} ms`;
    console.log(
      `${label.padEnd(40)} p50 ${f(percentile(times, 50))}  p95 ${f(percentile(times, 95))}  p99 ${f(percentile(times, 99))}  (${describeCpu(before, sampleCpu())})`,
    );
  }
  // The index search alone (no driver, no wire): what the server spends per $near limit 10.
  const grid = new GeoGrid('2dsphere');
  for (let i = 0; i < POINTS; i++)
    grid.add(String(i), { type: 'Point', coordinates: [110 + rand() * 10, 32 + rand() * 10] });
  const before = sampleCpu();
  const times: number[] = [];
  for (let i = 0; i < 5000; i++) {
    const q: [number, number] = [111 + rand() * 8, 33 + rand() * 8];
    const start = process.hrtime.bigint();
    let n = 0;
    for (const hit of grid.near(q, 'metres', 0, Infinity)) if (hit && ++n >= 10) break;
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${'index search alone, 10 nearest'.padEnd(40)} p50 ${percentile(times, 50).toFixed(3)} ms  p95 ${percentile(times, 95).toFixed(3)} ms  p99 ${percentile(times, 99).toFixed(3)} ms  (${describeCpu(before, sampleCpu())})`,
  );
  await client.close();
  await server.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
