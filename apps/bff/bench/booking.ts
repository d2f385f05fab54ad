/**
 * Booking-rush benchmark (`npm run bench:booking`; not part of `npm test`).
 *
 * A child process boots the real BFF on the embedded database (in memory), seeds 200 published
 * trips (45 seats at the default 50% cap → 22 seats each) and 20,000 workers with green
 * check-ins. This process then fires one booking per worker from 200 keep-alive connections,
 * 10% of them sent twice at once with the same Idempotency-Key (a phone retrying on a weak
 * network), and finally asks the child to check every invariant against the database.
 * Client and server run in separate processes so the load generator does not steal the
 * server's event loop.
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const TRIPS = Number(process.env.BENCH_TRIPS ?? 200);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 20_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const DUPLICATE_EVERY = 10;

interface Seeded { url: string; jobs: { token: string; tripId: string }[] }
interface Answer { worker: number; status: number; bookingId: string | null; ms: number; code: string | null }

if (process.argv.includes('--server')) void import('./booking-server').then((m) => m.serve(TRIPS, WORKERS));
else void main();

async function main(): Promise<void> {
  const child = fork(__filename, ['--server'], { execArgv: ['--import', 'tsx', ...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/benchprof'] : [])], stdio: 'inherit' });
  const seeded = await new Promise<Seeded>((resolve) => child.once('message', (m) => resolve(m as Seeded)));
  console.log(`seeded ${TRIPS} trips, ${seeded.jobs.length} workers; firing from ${CONNECTIONS} connections…`);

  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const queue: { worker: number; key: string }[] = [];
  seeded.jobs.forEach((_, i) => {
    queue.push({ worker: i, key: `bench-${i}-key` });
    if (i % DUPLICATE_EVERY === 0) queue.push({ worker: i, key: `bench-${i}-key` });
  });
  // Duplicates sit next to their original so they really race it.
  const answers: Answer[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < queue.length) {
        const job = queue[next++];
        answers.push(await bookWithRetry(seeded, agent, job.worker, job.key));
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();

  const ok = answers.filter((a) => a.status === 201);
  const lat = answers.map((a) => a.ms).sort((a, b) => a - b);
  const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))];
  child.send({ check: ok.map((a) => ({ worker: a.worker, bookingId: a.bookingId })) });
  const report = await new Promise<Record<string, number | boolean>>((resolve) => child.once('message', (m) => resolve(m as Record<string, number | boolean>)));
  child.kill('SIGTERM');

  console.log(`requests: ${answers.length} (${queue.length - seeded.jobs.length} duplicates), 2xx: ${ok.length}, other: ${answers.length - ok.length}`);
  const codes = new Map<string, number>();
  for (const a of answers) if (a.code) codes.set(a.code, (codes.get(a.code) ?? 0) + 1);
  if (codes.size > 0) console.log('refusals by code:', JSON.stringify(Object.fromEntries(codes)));
  console.log(`wall time: ${seconds.toFixed(2)} s`);
  console.log(`successful bookings/s: ${(ok.length / seconds).toFixed(0)} (answers incl. waitlist); seats confirmed/s: ${((report.confirmed as number) / seconds).toFixed(0)}`);
  console.log(`latency p50: ${pct(50).toFixed(1)} ms, p99: ${pct(99).toFixed(1)} ms, max: ${lat[lat.length - 1].toFixed(1)} ms`);
  console.log(`server peak RSS: ${report.peakRssMb} MB`);
  console.log('invariants:', JSON.stringify(report));
  process.exit(report.ok ? 0 : 1);
}

/** One booking; a retry that meets its twin still in flight waits and asks again (as a phone would). */
async function bookWithRetry(s: Seeded, agent: http.Agent, worker: number, key: string): Promise<Answer> {
  const start = performance.now();
  for (;;) {
    const res = await post(s.url, agent, s.jobs[worker].token, key, JSON.stringify({ tripId: s.jobs[worker].tripId }));
    if (res.status === 409 && res.body.includes('IDEMPOTENCY_IN_PROGRESS')) {
      await new Promise((r) => setTimeout(r, 20));
      continue;
    }
    const id = res.status === 201 ? (JSON.parse(res.body) as { id: string }).id : null;
    const code = res.status === 201 ? null : (res.body.match(/"code":"([A-Z_]+)"/)?.[1] ?? `HTTP_${res.status}`);
    return { worker, status: res.status, bookingId: id, ms: performance.now() - start, code };
  }
}

function post(url: string, agent: http.Agent, token: string, key: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/api/bookings`,
      { method: 'POST', agent, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Idempotency-Key': key, 'Content-Length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
