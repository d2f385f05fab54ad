import http from 'node:http';
import { performance } from 'node:perf_hooks';

/** The load generator's side of the morning-peak benchmark: keep-alive HTTP and the phase loop. */

export interface Reply {
  status: number;
  body: string;
}

/** One answered operation (after any "still in progress" re-asks), in arrival order. */
export interface Answer {
  worker: number;
  status: number;
  ms: number;
  code: string | null;
  body: string;
}

/** Requests sent again after the server reset a keep-alive connection under them. */
export const counters = { httpRequests: 0, connectionResets: 0 };

export function request(
  agent: http.Agent,
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Reply> {
  counters.httpRequests += 1;
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: body
          ? {
              'Content-Type': 'application/json',
              'Content-Length': String(Buffer.byteLength(body)),
              ...headers,
            }
          : headers,
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

/**
 * Sends a request as a phone would: again with the same key after a connection reset (an idle
 * keep-alive the server closed while this process was starved of CPU), and again after 20 ms
 * when its twin with the same Idempotency-Key is still in flight.
 */
export async function send(
  agent: http.Agent,
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Reply> {
  for (;;) {
    let res: Reply;
    try {
      res = await request(agent, url, method, headers, body);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if ((code === 'ECONNRESET' || code === 'EPIPE') && counters.connectionResets < 10_000) {
        counters.connectionResets += 1;
        continue;
      }
      throw err;
    }
    if (res.status === 409 && res.body.includes('IDEMPOTENCY_IN_PROGRESS')) {
      await new Promise((r) => setTimeout(r, 20));
      continue;
    }
    return res;
  }
}

/** The machine code of a refusal, or null for a 2xx. */
export const codeOf = (r: Reply): string | null =>
  r.status < 300 ? null : (r.body.match(/"code":"([A-Z_]+)"/)?.[1] ?? `HTTP_${r.status}`);

/**
 * Runs every job from `connections` concurrent loops (connection c talks to instance c mod n,
 * as a load balancer spreads connections); `op` does one job and says what came back.
 */
export async function runJobs<J extends { worker: number }>(
  jobs: J[],
  connections: number,
  targets: { url: string; agent: http.Agent }[],
  op: (job: J, target: { url: string; agent: http.Agent }) => Promise<Reply>,
): Promise<{ answers: Answer[]; seconds: number }> {
  const answers: Answer[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async (_, c) => {
      const target = targets[c % targets.length];
      while (next < jobs.length) {
        const job = jobs[next++];
        const start = performance.now();
        const res = await op(job, target);
        answers.push({
          worker: job.worker,
          status: res.status,
          ms: performance.now() - start,
          code: codeOf(res),
          body: res.body,
        });
      }
    }),
  );
  return { answers, seconds: (performance.now() - t0) / 1000 };
}

/** The phone's address as nginx would forward it: `perAddress` workers share one. */
export function addressOf(worker: number, perAddress: number): string {
  const n = Math.floor(worker / perAddress);
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}
