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
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { describeHostCpu, readHostCpu } from './host-cpu';
import { BFF_V8_FLAGS } from './peak-processes';
import { cpuSeconds, peakRssMb, startDbProcess } from './proc';

const TRIPS = Number(process.env.BENCH_TRIPS ?? 200);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 20_000);
/** Bookings sent first, on trips and workers of their own, and not timed: a server that has just
 *  started compiles its code and opens its database connections during its first seconds. */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const DUPLICATE_EVERY = 10;
/** `BENCH_PROFILE=production` (see booking-server.ts): limits on, info logs, and addresses from
 *  X-Forwarded-For — this many workers per address (a dormitory or a carrier NAT behind one). */
const PRODUCTION_LIKE = process.env.BENCH_PROFILE === 'production';
const WORKERS_PER_ADDRESS = Number(process.env.BENCH_WORKERS_PER_ADDRESS ?? 50);
/** `process` (default): the embedded database runs as its own process (`npm run db -- --inMemory`)
 *  and the BFF connects with MONGODB_URI, as in a deployment; `inprocess`: startServer starts it
 *  inside the BFF process (what `npm start` does), so both share one event loop. */
const DB_MODE = process.env.BENCH_DB ?? 'process';
/** BFF instances on the one database (process mode only), each its own process and port; the
 *  load generator spreads its connections over them as a load balancer would. */
const INSTANCES = DB_MODE === 'process' ? Number(process.env.BENCH_BFFS ?? 1) : 1;
const PROF = [
  // BENCH_PROF=1: whole-process profiles of the server processes; =rush: the BFF during the rush only.
  ...(process.env.BENCH_PROF && process.env.BENCH_PROF !== 'rush'
    ? ['--cpu-prof', '--cpu-prof-dir=/tmp/benchprof']
    : []),
  // V8 flags for the server processes; the default is what production and `npm start` give the
  // BFF (BFF_V8_FLAGS, config/scripts/lib/stack.js). BENCH_NODE_FLAGS=' ' runs them with V8's defaults.
  ...(process.env.BENCH_NODE_FLAGS ?? BFF_V8_FLAGS.join(' ')).split(' ').filter(Boolean),
];

interface Seeded {
  url: string;
  jobs: { token: string; tripId: string }[];
  warmup: { token: string; tripId: string }[];
}
interface Answer {
  worker: number;
  status: number;
  bookingId: string | null;
  ms: number;
  code: string | null;
}

if (process.argv.includes('--server'))
  void import('./booking-server').then((m) =>
    m.serve(TRIPS, WORKERS, WARMUP, process.env.BENCH_DB_URI, process.argv.includes('--extra')),
  );
else void main();

async function main(): Promise<void> {
  const db = DB_MODE === 'process' ? await startDbProcess(PROF) : null;
  let extras: ChildProcess[] = [];
  const child = fork(__filename, ['--server'], {
    execArgv: ['--import', 'tsx', ...PROF],
    stdio: 'inherit',
    env: { ...process.env, ...(db ? { BENCH_DB_URI: db.uri } : {}) },
  });
  // If this process dies (an unexpected error), the server processes must not live on.
  process.once('exit', () => {
    for (const p of [child, ...extras, db?.proc]) if (p && p.exitCode === null) p.kill('SIGKILL');
  });
  const seeded = await new Promise<Seeded>((resolve) => child.once('message', (m) => resolve(m as Seeded)));
  extras = Array.from({ length: INSTANCES - 1 }, () =>
    fork(__filename, ['--server', '--extra'], {
      execArgv: ['--import', 'tsx', ...PROF],
      stdio: 'inherit',
      env: { ...process.env, BENCH_DB_URI: db!.uri },
    }),
  );
  const urls = [
    seeded.url,
    ...(await Promise.all(
      extras.map(
        (x) => new Promise<string>((resolve) => x.once('message', (m) => resolve((m as Seeded).url))),
      ),
    )),
  ];
  if (PRODUCTION_LIKE)
    console.log(
      `production-like: rate limits on, info logging to a file, TRUST_PROXY with ${WORKERS_PER_ADDRESS} workers per X-Forwarded-For address`,
    );
  console.log(
    `seeded ${TRIPS} trips, ${seeded.jobs.length} workers; firing from ${CONNECTIONS} connections at ${urls.length} BFF instance(s)…`,
  );

  const agents = urls.map(
    () => new http.Agent({ keepAlive: true, maxSockets: Math.ceil(CONNECTIONS / urls.length) }),
  );
  const queue: { worker: number; key: string }[] = [];
  seeded.jobs.forEach((_, i) => {
    queue.push({ worker: i, key: `bench-${i}-key` });
    if (i % DUPLICATE_EVERY === 0) queue.push({ worker: i, key: `bench-${i}-key` });
  });
  // Duplicates sit next to their original so they really race it.
  const answers: Answer[] = [];
  const warm = await fire(
    seeded.warmup.map((_, i) => ({ worker: i, key: `warm-${i}-key` })),
    { ...seeded, jobs: seeded.warmup },
    urls,
    agents,
    seeded.jobs.length,
  );
  const warmOk = warm.answers.filter((a) => a.status === 201).length;
  console.log(
    `warm-up (not timed): ${warm.answers.length} bookings on their own trips, ${warmOk} 2xx, ${(warm.answers.length / warm.seconds).toFixed(0)}/s`,
  );
  child.send({ mark: true });
  await new Promise((resolve) => child.once('message', resolve));
  const dbCpu0 = db ? cpuSeconds(db.proc.pid!) : 0;
  const loadCpu0 = process.cpuUsage();
  const host0 = readHostCpu();
  httpRequests = 0;
  connectionResets = 0;
  const rush = await fire(queue, seeded, urls, agents);
  answers.push(...rush.answers);
  const seconds = rush.seconds;
  const dbCpu = db ? cpuSeconds(db.proc.pid!) - dbCpu0 : 0;
  const loadCpuUsed = process.cpuUsage(loadCpu0);
  const hostCpu = describeHostCpu(host0, readHostCpu());
  const loadCpu = (loadCpuUsed.user + loadCpuUsed.system) / 1e6;
  for (const a of agents) a.destroy();
  const extraReports = await Promise.all(
    extras.map(
      (x) =>
        new Promise<{ cpuSec: number; peakRssMb: number }>((resolve) => {
          x.once('message', (m) => resolve(m as { cpuSec: number; peakRssMb: number }));
          x.send({ report: true });
        }),
    ),
  );

  const ok = answers.filter((a) => a.status === 201);
  const lat = answers.map((a) => a.ms).sort((a, b) => a - b);
  const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))];
  child.send({ check: ok.map((a) => ({ worker: a.worker, bookingId: a.bookingId })) });
  const report = await new Promise<Record<string, number | boolean | string>>((resolve) =>
    child.once('message', (m) => resolve(m as Record<string, number | boolean>)),
  );
  const dbRss = db ? peakRssMb(db.proc.pid!) : 0;
  const exited = [child, ...extras].map((x) => new Promise((resolve) => x.once('exit', resolve)));
  for (const x of [child, ...extras]) x.kill('SIGTERM');
  if (db) {
    await Promise.all(exited);
    db.proc.kill('SIGTERM');
  }

  console.log(
    `requests: ${answers.length} (${queue.length - seeded.jobs.length} duplicates), 2xx: ${ok.length}, other: ${answers.length - ok.length}`,
  );
  const codes = new Map<string, number>();
  for (const a of answers) if (a.code) codes.set(a.code, (codes.get(a.code) ?? 0) + 1);
  if (codes.size > 0) console.log('refusals by code:', JSON.stringify(Object.fromEntries(codes)));
  console.log(`wall time: ${seconds.toFixed(2)} s`);
  console.log(
    `successful bookings/s: ${(ok.length / seconds).toFixed(0)} (answers incl. waitlist); seats confirmed/s: ${((report.confirmed as number) / seconds).toFixed(0)}`,
  );
  console.log(
    `latency p50: ${pct(50).toFixed(1)} ms, p99: ${pct(99).toFixed(1)} ms, max: ${lat[lat.length - 1].toFixed(1)} ms`,
  );
  // The run in tenths, in the order answers arrived: shows warm-up (JIT, connection pools)
  // and garbage-collection tails apart from the steady state.
  const tenth = Math.ceil(answers.length / 10);
  const tenths = Array.from({ length: 10 }, (_, i) => {
    const part = answers
      .slice(i * tenth, (i + 1) * tenth)
      .map((a) => a.ms)
      .sort((a, b) => a - b);
    const at = (p: number) => part[Math.min(part.length - 1, Math.floor((p / 100) * part.length))] ?? 0;
    return `${at(50).toFixed(0)}/${at(99).toFixed(0)}`;
  });
  console.log(`latency p50/p99 ms by tenth of the run: ${tenths.join(' ')}`);
  console.log(
    `database: ${db ? `separate process (${db.uri})` : 'embedded in the BFF process (in memory)'}; load average ${(
      await import('node:os')
    )
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const bffRss = [report.peakRssMb as number, ...extraReports.map((r) => r.peakRssMb)];
  const bffCpu = (report.cpuSec as number) + extraReports.reduce((a, r) => a + r.cpuSec, 0);
  console.log(`server peak RSS: BFF ${bffRss.join(' + ')} MB${db ? `, database ${dbRss} MB` : ''}`);
  const cpu = bffCpu + dbCpu;
  console.log(
    `CPU during the rush: BFF ${bffCpu.toFixed(1)} s${db ? ` + database ${dbCpu.toFixed(1)} s` : ''} = ${((cpu * 1000) / answers.length).toFixed(2)} ms per request (${(cpu / seconds).toFixed(2)} cores busy); the load generator itself ${loadCpu.toFixed(1)} s (${(loadCpu / seconds).toFixed(2)} cores)`,
  );
  console.log(hostCpu);
  const dbCommands = JSON.parse(report.dbCommands as string) as Record<string, number>;
  delete report.dbCommands;
  const totalCommands = Object.values(dbCommands).reduce((a, b) => a + b, 0);
  console.log(
    `database commands during the rush: ${totalCommands} = ${(totalCommands / answers.length).toFixed(2)} per 2xx/4xx answer, ${(totalCommands / httpRequests).toFixed(2)} per HTTP request (${httpRequests} incl. ${httpRequests - answers.length} "in progress" re-asks): ${JSON.stringify(dbCommands)}`,
  );
  if (connectionResets > 0)
    console.log(`connection resets, sent again with the same key: ${connectionResets}`);
  console.log('invariants:', JSON.stringify(report));
  process.exit(report.ok ? 0 : 1);
}

let httpRequests = 0;
/** Requests sent again after the connection was reset under them (see bookWithRetry). */
let connectionResets = 0;

/** Sends every job from CONNECTIONS keep-alive connections; answers in arrival order. */
async function fire(
  queue: { worker: number; key: string }[],
  seeded: Seeded,
  urls: string[],
  agents: http.Agent[],
  /** Added to the worker index to pick its address, so warm-up workers get addresses of their own. */
  addressOffset = 0,
): Promise<{ answers: Answer[]; seconds: number }> {
  const answers: Answer[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, c) => {
      const target = { ...seeded, url: urls[c % urls.length] };
      while (next < queue.length) {
        const job = queue[next++];
        answers.push(
          await bookWithRetry(target, agents[c % urls.length], job.worker, job.key, addressOffset),
        );
      }
    }),
  );
  return { answers, seconds: (performance.now() - t0) / 1000 };
}

/** One booking; a retry that meets its twin still in flight waits and asks again (as a phone would). */
async function bookWithRetry(
  s: Seeded,
  agent: http.Agent,
  worker: number,
  key: string,
  addressOffset: number,
): Promise<Answer> {
  const start = performance.now();
  for (;;) {
    httpRequests += 1;
    let res: { status: number; body: string };
    try {
      res = await post(
        s.url,
        agent,
        s.jobs[worker].token,
        key,
        JSON.stringify({ tripId: s.jobs[worker].tripId }),
        PRODUCTION_LIKE ? addressOf(addressOffset + worker) : null,
      );
    } catch (err) {
      // A keep-alive connection the server closed as idle while this process was starved of CPU
      // (seen at load average 20+): the phone would send again, with the same key, so does this.
      const code = (err as { code?: string }).code;
      if ((code === 'ECONNRESET' || code === 'EPIPE') && connectionResets < 10_000) {
        connectionResets += 1;
        continue;
      }
      throw err;
    }
    if (res.status === 409 && res.body.includes('IDEMPOTENCY_IN_PROGRESS')) {
      await new Promise((r) => setTimeout(r, 20));
      continue;
    }
    const id = res.status === 201 ? (JSON.parse(res.body) as { id: string }).id : null;
    const code =
      res.status === 201 ? null : (res.body.match(/"code":"([A-Z_]+)"/)?.[1] ?? `HTTP_${res.status}`);
    return { worker, status: res.status, bookingId: id, ms: performance.now() - start, code };
  }
}

/** The phone's address as nginx would forward it: WORKERS_PER_ADDRESS workers share one. */
function addressOf(worker: number): string {
  const n = Math.floor(worker / WORKERS_PER_ADDRESS);
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

function post(
  url: string,
  agent: http.Agent,
  token: string,
  key: string,
  body: string,
  forwardedFor: string | null,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/api/bookings`,
      {
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
          'Idempotency-Key': key,
          'Content-Length': Buffer.byteLength(body),
          ...(forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}),
        },
      },
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
