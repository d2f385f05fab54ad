/**
 * The morning peak (`npm run bench:peak`; not part of `npm test`): check-ins, pass views and the
 * booking rush against the BFF as deployed — the compiled build started as the systemd unit
 * starts it, the database in its own process, BENCH_BFFS BFF instances (peak-processes.ts: rate
 * limits on, `info` logging, addresses from X-Forwarded-For) — each beside the ceiling: a bare
 * Koa route (bare-koa.ts) parsing the same small JSON body from the same client and connections,
 * and the write floor: that route plus one mongoose upsert into the same database (bare-koa-db.ts),
 * the least any operation that stores something can cost on this stack (peak-references.ts; both
 * measured before the phases and again after them, the host's speed drifting within a run).
 * Prints per phase: operations/s, p50/p95/p99, ratio to the ceiling and to the floor, CPU ms per operation by
 * process, peak RSS per process and what it was (heap, external), database commands per
 * operation and the host's stolen CPU. `npm run bench:peak` runs it all on Node 24, the newest
 * line production runs (BENCH_NODE: 22, or `machine` for this machine's own Node; a line outside
 * `engines` is printed as not as deployed). BENCH_BFF=tsx runs the BFF from its source instead (the
 * older mode: quicker to iterate on, not what production runs). BENCH_NODE_FLAGS replaces the server
 * processes' V8 flags (default: production's, BFF_V8_FLAGS). BENCH_HEAPSNAP=1 writes heap
 * snapshots of the first BFF and of the database after sign-in and after the last phase into /tmp/benchheap
 * (heap-summary.ts reads them); writing one costs the process ~150 MB of RSS it keeps, so the
 * phases after it are not a memory measurement.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import os from 'node:os';
import { idNumberCheckChar } from '@fugong/contracts';
import { readHostCpu, type HostCpu } from './host-cpu';
import { addressOf, counters, runJobs, send, type Answer } from './peak-client';
import { ask, BFF_V8_FLAGS, probe, startServers } from './peak-processes';
import { measureReference, type ReferenceOptions } from './peak-references';
import { cpuSeconds, peakRssMb, percentile, resetPeakRss } from './proc';

const env = (name: string, dflt: number) => Number(process.env[name] ?? dflt);
// 10,000: at 5,000 a rush lasted 2–3 s, too short to say more than its ramp.
const WORKERS = env('BENCH_WORKERS', 10_000);
/** Workers whose operations run first in each phase, untimed: JIT and connection pools warm up. */
const WARMUP = env('BENCH_WARMUP', 500);
const CONNECTIONS = env('BENCH_CONNECTIONS', 200);
const INSTANCES = env('BENCH_BFFS', 1);
const VIEWS = env('BENCH_PASS_VIEWS', 2);
const CEILING_REQUESTS = env('BENCH_CEILING_REQUESTS', 20_000);
const TRIPS = env('BENCH_TRIPS', 200);
const PER_ADDRESS = env('BENCH_WORKERS_PER_ADDRESS', 50);
const DUPLICATE_EVERY = 10;
const PHASES = (process.env.BENCH_PHASES ?? 'checkin,pass,booking').split(',');
const STOLEN_MARK_PCT = 3;
const HEAP_SNAPSHOTS = process.env.BENCH_HEAPSNAP === '1';
const NODE_FLAGS = [
  ...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/benchprof'] : []),
  // The server processes' V8 flags: production's (BFF_V8_FLAGS, the systemd unit's) unless set.
  ...(process.env.BENCH_NODE_FLAGS ?? BFF_V8_FLAGS.join(' ')).split(' ').filter(Boolean),
];

interface Proc {
  name: string;
  proc: ChildProcess;
  /** Whether it carries the memory probe (the server processes; not the ceiling's Koa). */
  probed?: boolean;
}
/** A process's peaks during a phase (MB), from its memory probe. */
interface Memory {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  spacesAtPeakRss: Record<string, string>;
}
interface Phase {
  name: string;
  ops: number;
  seconds: number;
  opsPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  ok2xx: number;
  refusals: Record<string, number>;
  cpuMsPerOp: Record<string, number>;
  peakRssMb: Record<string, number>;
  memoryMb: Record<string, Memory>;
  dbCommandsPerOp: number;
  dbCommands: Record<string, number>;
  stolenPct: number;
  busyPct: number;
  invariants?: unknown;
}

const results: Phase[] = [];
let ceilingPerSec = 0;
/** The floor's rate: bare Koa plus one mongoose write per request (bare-koa-db.ts). */
let floorPerSec = 0;
const otpWaiters = new Map<string, (code: string) => void>();
const otpCodes = new Map<string, string>();

function onOtp(message: unknown): void {
  const m = message as { otp?: { phone: string; code: string } } | null;
  if (!m?.otp) return;
  const w = otpWaiters.get(m.otp.phone);
  if (w) w(m.otp.code);
  else otpCodes.set(m.otp.phone, m.otp.code);
}
const codeFor = (phone: string) =>
  new Promise<string>((resolve) => {
    const have = otpCodes.get(phone);
    if (have) resolve(have);
    else otpWaiters.set(phone, resolve);
  });

/** Runs `body` and records what it cost each process. */
async function measure(
  name: string,
  procs: Proc[],
  commands: (() => Promise<Record<string, number>>) | null,
  body: () => Promise<{ answers: Answer[]; seconds: number }>,
): Promise<Answer[]> {
  const cpu0 = procs.map((p) => cpuSeconds(p.proc.pid!));
  procs.forEach((p) => resetPeakRss(p.proc.pid!));
  await Promise.all(procs.filter((p) => p.probed).map((p) => probe(p.proc, 'reset')));
  const load0 = process.cpuUsage();
  const host0 = readHostCpu();
  const cmd0 = commands ? await commands() : {};
  const { answers, seconds } = await body();
  const cmd1 = commands ? await commands() : {};
  const host1 = readHostCpu();
  const load = process.cpuUsage(load0);
  const memory = await Promise.all(procs.filter((p) => p.probed).map((p) => probe<Memory>(p.proc, 'memory')));
  const lat = answers.map((a) => a.ms).sort((a, b) => a - b);
  const ops = answers.length;
  const cpuMsPerOp: Record<string, number> = {};
  procs.forEach((p, i) => (cpuMsPerOp[p.name] = round2(((cpuSeconds(p.proc.pid!) - cpu0[i]) * 1000) / ops)));
  cpuMsPerOp['load generator'] = round2((load.user + load.system) / 1000 / ops);
  const dbCommands: Record<string, number> = {};
  const skip = new Set(['hello', 'isMaster', 'ismaster', 'serverStatus', 'endSessions']);
  for (const [k, n] of Object.entries(cmd1))
    if (n - (cmd0[k] ?? 0) > 0 && !skip.has(k)) dbCommands[k] = n - (cmd0[k] ?? 0);
  const totalCmds = Object.values(dbCommands).reduce((a, b) => a + b, 0);
  const refusals: Record<string, number> = {};
  for (const a of answers) if (a.code) refusals[a.code] = (refusals[a.code] ?? 0) + 1;
  const share = (f: (h: HostCpu) => number) =>
    host0 && host1 ? round2((100 * (f(host1) - f(host0))) / (host1.total - host0.total || 1)) : NaN;
  const phase: Phase = {
    name,
    ops,
    seconds: round2(seconds),
    opsPerSec: Math.round(ops / seconds),
    p50: round2(percentile(lat, 50)),
    p95: round2(percentile(lat, 95)),
    p99: round2(percentile(lat, 99)),
    ok2xx: answers.filter((a) => a.status < 300).length,
    refusals,
    cpuMsPerOp,
    peakRssMb: Object.fromEntries(procs.map((p) => [p.name, peakRssMb(p.proc.pid!)])),
    memoryMb: Object.fromEntries(procs.filter((p) => p.probed).map((p, i) => [p.name, memory[i]])),
    dbCommandsPerOp: round2(totalCmds / ops),
    dbCommands,
    stolenPct: share((h) => h.steal),
    busyPct: share((h) => h.busy),
  };
  results.push(phase);
  print(phase);
  return answers;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Each product phase against both references, as measured before and after the phases. */
function printSummary(ceiling: { before: number; after: number }, floor: { before: number; after: number }) {
  const of = (ops: number, ref: { before: number; after: number }) =>
    `${(ops / ref.before).toFixed(2)} / ${(ops / ref.after).toFixed(2)}`;
  console.log(
    `\nsummary: ceiling ${ceiling.before}/s before the phases, ${ceiling.after}/s after; ` +
      `write floor ${floor.before}/s before, ${floor.after}/s after (ratios: against before / after)`,
  );
  for (const p of results) {
    if (/ceiling|floor|sign-in/.test(p.name)) continue;
    console.log(
      `  ${p.name}: ${p.opsPerSec}/s, p99 ${p.p99} ms; ${of(p.opsPerSec, ceiling)} of the ceiling, ` +
        `${of(p.opsPerSec, floor)} of the write floor`,
    );
  }
}

function print(p: Phase): void {
  const ratio =
    (ceilingPerSec ? ` = ${(p.opsPerSec / ceilingPerSec).toFixed(2)} of the ceiling` : '') +
    (floorPerSec ? `, ${(p.opsPerSec / floorPerSec).toFixed(2)} of the write floor` : '');
  const stolen = p.stolenPct > STOLEN_MARK_PCT ? `  ** NOISY: ${p.stolenPct}% stolen **` : '';
  console.log(
    `\n== ${p.name}: ${p.opsPerSec} ops/s${ratio} (${p.ops} ops in ${p.seconds} s, ${p.ok2xx} 2xx)`,
  );
  console.log(`   latency p50 ${p.p50} ms, p95 ${p.p95} ms, p99 ${p.p99} ms`);
  if (Object.keys(p.refusals).length) console.log(`   refusals: ${JSON.stringify(p.refusals)}`);
  console.log(`   CPU ms per op: ${JSON.stringify(p.cpuMsPerOp)}`);
  console.log(`   peak RSS MB: ${JSON.stringify(p.peakRssMb)}`);
  for (const [name, m] of Object.entries(p.memoryMb))
    console.log(
      `     ${name} peaks (MB, sampled every 100 ms): rss ${m.rss}, heapTotal ${m.heapTotal}, heapUsed ${m.heapUsed}, ` +
        `external ${m.external} (arrayBuffers ${m.arrayBuffers}); V8 spaces used/size at peak rss ${JSON.stringify(m.spacesAtPeakRss)}`,
    );
  if (p.dbCommandsPerOp)
    console.log(`   database commands per op: ${p.dbCommandsPerOp} ${JSON.stringify(p.dbCommands)}`);
  console.log(`   host: ${p.busyPct}% busy, ${p.stolenPct}% stolen by the hypervisor${stolen}`);
}

/** The Node major lines production runs: the root package.json's `engines` (^22.11.0 || ^24.11.0). */
function productionNodeLines(): number[] {
  const root = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
    engines: { node: string };
  };
  return [...root.engines.node.matchAll(/\^(\d+)\./g)].map((m) => Number(m[1]));
}

const phoneOf = (w: number) => `139${String(w).padStart(8, '0')}`;
/** A valid resident ID (余姚, a birth day per thousand workers, checksum) unique per worker. */
function idNumberOf(w: number): string {
  const birth = new Date(Date.UTC(1970, 0, 1) + Math.floor(w / 1000) * 86_400_000);
  const first17 = `330281${birth.toISOString().slice(0, 10).replace(/-/g, '')}${String(w % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}
const PROFILE = (w: number) =>
  JSON.stringify({
    name: `压测工人${w}`,
    idNumber: idNumberOf(w),
    homeRegion: { province: '330000', city: '330200', county: '330281' },
    enterpriseId: null,
  });
const CHECKIN = JSON.stringify({ temperature: 36.5, symptoms: [], healthCode: 'green', places: ['330281'] });

/** (Idempotency keys must be 8–128 characters, hence "booking-<n>".) Jobs for workers [from, to), each duplicate (same key, sent at the same moment) beside its original. */
function jobsOf(from: number, to: number, duplicates: boolean): { worker: number; dup: boolean }[] {
  const jobs: { worker: number; dup: boolean }[] = [];
  for (let w = from; w < to; w += 1) {
    jobs.push({ worker: w, dup: false });
    if (duplicates && w % DUPLICATE_EVERY === 0) jobs.push({ worker: w, dup: true });
  }
  return jobs;
}

async function main(): Promise<void> {
  console.log(
    `morning peak: ${WORKERS} workers (+${WARMUP} warm-up), ${CONNECTIONS} connections, ${INSTANCES} BFF instance(s), ` +
      `${VIEWS} pass views per worker, ${TRIPS} trips; node ${process.version}, ${os.cpus().length} cores, load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  console.log(`server V8 flags: ${NODE_FLAGS.join(' ') || '(none)'}`);
  const lines = productionNodeLines();
  if (!lines.includes(Number(process.versions.node.split('.')[0])))
    console.log(
      `  ** NOT AS DEPLOYED: production runs Node ${lines.join(' or ')} (engines), this is ${process.version} **`,
    );
  const all: ChildProcess[] = [];
  process.once('exit', () => all.forEach((p) => p.exitCode === null && p.kill('SIGKILL')));
  const agentsFor = (urls: string[]) =>
    urls.map((url) => ({
      url,
      agent: new http.Agent({ keepAlive: true, maxSockets: Math.ceil(CONNECTIONS / urls.length) }),
    }));

  const references = (commands: (() => Promise<Record<string, number>>) | null): ReferenceOptions => ({
    instances: INSTANCES,
    connections: CONNECTIONS,
    requests: CEILING_REQUESTS,
    perAddress: PER_ADDRESS,
    nodeFlags: NODE_FLAGS,
    onMessage: onOtp,
    measure: async (name, procs, body) => {
      await measure(name, procs, commands, body);
      return results.at(-1)!.opsPerSec;
    },
  });
  ceilingPerSec = await measureReference('ceiling', 'ceiling: bare Koa, same JSON body', references(null));

  const servers = await startServers({
    instances: INSTANCES,
    nodeFlags: NODE_FLAGS,
    trips: TRIPS,
    onMessage: onOtp,
  });
  console.log(`BFF: ${servers.mode}`);
  const { db, bffs, tripIds } = servers;
  all.push(db, ...bffs.map((b) => b.proc), ...servers.helpers);
  const procs: Proc[] = [
    ...bffs.map((b, i) => ({ name: `bff${i + 1}`, proc: b.proc, probed: true })),
    { name: 'database', proc: db, probed: true },
  ];
  const targets = agentsFor(bffs.map((b) => b.url));
  const commands = () => ask<Record<string, number>>(servers.asker, { ask: 'commands' });

  const dbRef = { uri: servers.dbUri, proc: db };
  floorPerSec = await measureReference(
    'floor',
    'write floor: bare Koa + one mongoose upsert',
    references(commands),
    dbRef,
  );
  const heapSnapshot = async (after: string) => {
    if (!HEAP_SNAPSHOTS) return;
    mkdirSync('/tmp/benchheap', { recursive: true });
    const file = `/tmp/benchheap/${new Date().toISOString().replace(/[:.]/g, '-')}-bff1-after-${after}.heapsnapshot`;
    const wrote = await probe<{ file: string; ms: number; heapUsedBefore: number }>(
      bffs[0].proc,
      'snapshot',
      file,
    );
    console.log(
      `   heap snapshot of bff1 after ${after}: ${wrote.file} (${wrote.ms} ms; heapUsed before ${wrote.heapUsedBefore} MB)`,
    );
    // The database's too: an in-memory engine's live heap is the data set it holds.
    const inDb = await probe<{ file: string; ms: number; heapUsedBefore: number }>(
      db,
      'snapshot',
      file.replace('-bff1-', '-database-'),
    );
    console.log(
      `   heap snapshot of the database after ${after}: ${inDb.file} (${inDb.ms} ms; heapUsed before ${inDb.heapUsedBefore} MB)`,
    );
  };
  const total = WARMUP + WORKERS;
  const tokens: string[] = new Array(total);
  const userIds: string[] = new Array(total);
  const hdr = (w: number, extra: Record<string, string> = {}) => ({
    Authorization: `Bearer ${tokens[w]}`,
    'X-Forwarded-For': addressOf(w, PER_ADDRESS),
    ...extra,
  });

  // Sign in (code by SMS, here over IPC) and fill in the profile: every phase needs these.
  const signIn = async (j: { worker: number }, t: { url: string; agent: http.Agent }) => {
    const w = j.worker;
    const ip = { 'X-Forwarded-For': addressOf(w, PER_ADDRESS) };
    const otp = await send(
      t.agent,
      `${t.url}/api/auth/otp`,
      'POST',
      ip,
      JSON.stringify({ phone: phoneOf(w) }),
    );
    if (otp.status !== 200) return otp;
    const code = await codeFor(phoneOf(w));
    const login = await send(
      t.agent,
      `${t.url}/api/auth/login/phone`,
      'POST',
      ip,
      JSON.stringify({ phone: phoneOf(w), code }),
    );
    if (login.status !== 200) return login;
    const session = JSON.parse(login.body) as { token: string; user: { id: string } };
    tokens[w] = session.token;
    userIds[w] = session.user.id;
    return send(t.agent, `${t.url}/api/profile`, 'PUT', hdr(w), PROFILE(w));
  };
  await runJobs(jobsOf(0, WARMUP, false), CONNECTIONS, targets, signIn);
  await measure('sign-in + profile (3 requests per worker)', procs, commands, () =>
    runJobs(jobsOf(WARMUP, total, false), CONNECTIONS, targets, signIn),
  );
  await heapSnapshot('sign-in');

  const invariants: Record<string, unknown> = {};
  const checkin = (j: { worker: number }, t: { url: string; agent: http.Agent }) =>
    send(
      t.agent,
      `${t.url}/api/checkins`,
      'POST',
      hdr(j.worker, { 'Idempotency-Key': `checkin-${j.worker}` }),
      CHECKIN,
    );
  if (!PHASES.includes('checkin') && PHASES.includes('booking')) {
    // Only a worker with a green pass may book: without the check-in phase, check in untimed.
    console.log('  checking every worker in (untimed): booking needs a green pass');
    await runJobs(jobsOf(0, total, false), CONNECTIONS, targets, checkin);
  }
  if (PHASES.includes('checkin')) {
    await runJobs(jobsOf(0, WARMUP, true), CONNECTIONS, targets, checkin);
    const answers = await measure('check-in rush (10% duplicate retries)', procs, commands, () =>
      runJobs(jobsOf(WARMUP, total, true), CONNECTIONS, targets, checkin),
    );
    const answered = answers
      .filter((a) => a.status < 300)
      .map((a) => ({
        worker: a.worker,
        checkinId: (JSON.parse(a.body) as { checkin: { id: string } }).checkin.id,
      }));
    results.at(-1)!.invariants = invariants.checkin = await ask(servers.asker, {
      ask: 'checkins',
      workerIds: userIds.slice(WARMUP),
      answered,
    });
    console.log('   invariants:', JSON.stringify(invariants.checkin));
  }

  if (PHASES.includes('pass')) {
    const view = (j: { worker: number }, t: { url: string; agent: http.Agent }) =>
      send(t.agent, `${t.url}/api/pass/token`, 'GET', hdr(j.worker));
    const views = (from: number, to: number) =>
      Array.from({ length: VIEWS }, () => jobsOf(from, to, false)).flat();
    await runJobs(views(0, WARMUP), CONNECTIONS, targets, view);
    const answers = await measure(`pass views (${VIEWS} per worker)`, procs, commands, () =>
      runJobs(views(WARMUP, total), CONNECTIONS, targets, view),
    );
    const shown = answers
      .filter((a) => a.status === 200)
      .map((a) => ({ worker: a.worker, token: (JSON.parse(a.body) as { token: string }).token }));
    results.at(-1)!.invariants = invariants.pass = {
      ...(await ask<object>(servers.asker, { ask: 'tokens', views: shown, workerIds: userIds })),
      bytesPerView: Math.round(answers.reduce((s, a) => s + a.body.length, 0) / answers.length),
    };
    console.log('   invariants:', JSON.stringify(invariants.pass));
  }

  if (PHASES.includes('booking')) {
    // booking.ts's scenario: worker i → trip i mod TRIPS (each ~4.5× oversubscribed at 20,000).
    const book = (j: { worker: number }, t: { url: string; agent: http.Agent }) => {
      const trip =
        j.worker < WARMUP
          ? tripIds[TRIPS + (j.worker % (tripIds.length - TRIPS))]
          : tripIds[j.worker % TRIPS];
      return send(
        t.agent,
        `${t.url}/api/bookings`,
        'POST',
        hdr(j.worker, { 'Idempotency-Key': `booking-${j.worker}` }),
        JSON.stringify({ tripId: trip }),
      );
    };
    await runJobs(jobsOf(0, WARMUP, true), CONNECTIONS, targets, book);
    const answers = await measure('booking rush (10% duplicate retries)', procs, commands, () =>
      runJobs(jobsOf(WARMUP, total, true), CONNECTIONS, targets, book),
    );
    const answered = answers
      .filter((a) => a.status === 201)
      .map((a) => ({ worker: a.worker, bookingId: (JSON.parse(a.body) as { id: string }).id }));
    results.at(-1)!.invariants = invariants.booking = await ask(servers.asker, { ask: 'bookings', answered });
    console.log('   invariants:', JSON.stringify(invariants.booking));
  }

  await heapSnapshot(PHASES.at(-1) ?? 'sign-in');
  const ceilingAfter = await measureReference('ceiling', 'ceiling again, after the phases', references(null));
  const floorAfter = await measureReference(
    'floor',
    'write floor again, after the phases',
    references(commands),
    dbRef,
  );
  printSummary({ before: ceilingPerSec, after: ceilingAfter }, { before: floorPerSec, after: floorAfter });
  console.log(
    `\nHTTP requests ${counters.httpRequests}, connection resets re-sent ${counters.connectionResets}; load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const out = `/tmp/peak-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(
    out,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        workers: WORKERS,
        connections: CONNECTIONS,
        instances: INSTANCES,
        bff: servers.mode,
        nodeFlags: NODE_FLAGS,
        results,
      },
      null,
      1,
    ),
  );
  console.log(`results: ${out}`);
  targets.forEach((t) => t.agent.destroy());
  const exited = [...bffs.map((b) => b.proc), ...servers.helpers].map(
    (p) => new Promise((r) => p.once('exit', r)),
  );
  [...bffs.map((b) => b.proc), ...servers.helpers].forEach((p) => p.kill('SIGTERM'));
  await Promise.all(exited);
  // Waited for (at most 10 s): under BENCH_PROF the database writes its profile as it exits,
  // and leaving now would SIGKILL it first.
  const dbExited = new Promise((r) => db.once('exit', r));
  db.kill('SIGTERM');
  await Promise.race([dbExited, new Promise((r) => setTimeout(r, 10_000))]);
  const ok = Object.values(invariants).every((i) => (i as { ok: boolean }).ok);
  process.exit(ok ? 0 : 1);
}

void main();
