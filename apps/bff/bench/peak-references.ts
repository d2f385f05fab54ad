import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import { addressOf, runJobs, send, type Answer } from './peak-client';
import { forkReady } from './peak-processes';

/**
 * The two references each morning-peak phase is held against, both driven by the same client,
 * connections and request shape as the booking:
 * - the ceiling (bare-koa.ts): a bare Koa route parsing the JSON body — what Koa and Node's HTTP
 *   stack cost per request;
 * - the write floor (bare-koa-db.ts): that route plus one mongoose upsert into the product's
 *   database — the least any operation that stores something costs on this stack.
 * Each is measured before the phases and again after them: the host's speed drifts within a run
 * (one ceiling measured over 2 s can be half again another in the same run), so a ratio is
 * given against both.
 */
export interface ReferenceProc {
  name: string;
  proc: ChildProcess;
  probed?: boolean;
}

export interface ReferenceOptions {
  instances: number;
  connections: number;
  requests: number;
  perAddress: number;
  nodeFlags: string[];
  onMessage: (m: unknown) => void;
  /** Runs and records one measured phase; resolves with its operations per second. */
  measure: (
    name: string,
    procs: ReferenceProc[],
    body: () => Promise<{ answers: Answer[]; seconds: number }>,
  ) => Promise<number>;
}

/** Request numbers already used by a reference (its keys must be fresh for the floor's upserts). */
let used = 0;

/** Starts the reference's processes, warms them up, measures them, stops them: its ops/s. */
export async function measureReference(
  kind: 'ceiling' | 'floor',
  label: string,
  opts: ReferenceOptions,
  database?: { uri: string; proc: ChildProcess },
): Promise<number> {
  const file = kind === 'ceiling' ? 'bare-koa.ts' : 'bare-koa-db.ts';
  const env = database ? { ...process.env, BENCH_DB_URI: database.uri } : process.env;
  const servers = await Promise.all(
    Array.from({ length: opts.instances }, () => forkReady(file, env, opts.nodeFlags, opts.onMessage)),
  );
  const targets = servers.map((s) => ({
    url: s.msg.url!,
    agent: new http.Agent({ keepAlive: true, maxSockets: Math.ceil(opts.connections / servers.length) }),
  }));
  const job = (j: { worker: number }, t: { url: string; agent: http.Agent }) =>
    send(
      t.agent,
      `${t.url}/api/bookings`,
      'POST',
      {
        Authorization: `Bearer ${'x'.repeat(180)}`,
        'Idempotency-Key': `reference-${j.worker}`,
        'X-Forwarded-For': addressOf(j.worker, opts.perAddress),
      },
      JSON.stringify({ tripId: 'a'.repeat(24) }),
    );
  const jobs = (n: number) => Array.from({ length: n }, () => ({ worker: (used += 1) }));
  try {
    // Warmed up on half as many requests as it is measured on: with 2,000 the first reference
    // of a run came out a third slower than the same one after the phases (JIT still cold in
    // the server, the driver and the database).
    await runJobs(jobs(Math.ceil(opts.requests / 2)), opts.connections, targets, job);
    const procs: ReferenceProc[] = servers.map((s, i) => ({ name: `${kind}${i + 1}`, proc: s.proc }));
    if (database) procs.push({ name: 'database', proc: database.proc, probed: true });
    return await opts.measure(label, procs, () =>
      runJobs(jobs(opts.requests), opts.connections, targets, job),
    );
  } finally {
    targets.forEach((t) => t.agent.destroy());
    const exited = servers.map((s) => new Promise((r) => s.proc.once('exit', r)));
    servers.forEach((s) => s.proc.kill('SIGTERM'));
    await Promise.all(exited);
  }
}
