import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');
/** The secret the fault tests sign tokens with (the BFF children run with it). */
export const FAULT_JWT_SECRET = 'fault-harness-jwt-secret-0123456789abcdef';

export { freePort } from '../../../apps/bff/src/test-support';

/** Polls `check` until it returns true or the deadline passes (then throws with `what`). */
export async function until(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 60_000,
  everyMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A child process of the harness, with its output kept for failure messages. */
export interface Child {
  proc: ChildProcess;
  output(): string;
  /** SIGKILL: no flush, no goodbye — the crash under test. Resolves once the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
}

function spawnTs(
  script: string,
  args: string[],
  env: Record<string, string>,
  readyText: RegExp,
  timeoutMs: number,
): Promise<Child> {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const child: Child = {
    proc,
    output: () => out,
    async kill9() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`${script} not ready in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (b: Buffer) => {
      out += b.toString();
      if (readyText.test(out)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before it was ready:\n${out}`));
    });
  });
}

/** The embedded database as its own process (its CLI), on a fixed port and data directory. */
export async function startDb(port: number, dbPath: string): Promise<Child & { uri: string }> {
  const child = await spawnTs(
    'packages/embedded-mongo/src/cli.ts',
    ['--port', String(port), '--dbpath', dbPath],
    {},
    /listening on mongodb:\/\/\S+/,
    60_000,
  );
  return Object.assign(child, { uri: `mongodb://127.0.0.1:${port}/fugong?replicaSet=rs0` });
}

/** A BFF process on MONGODB_URI; resolves once it says it listens. */
export async function startBff(
  port: number,
  mongoUri: string,
  env: Record<string, string> = {},
): Promise<Child & { url: string }> {
  const child = await spawnTs(
    'apps/bff/src/main.ts',
    [],
    {
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      MONGODB_URI: mongoUri,
      JWT_SECRET: FAULT_JWT_SECRET,
      OTP_SENDER: 'memory',
      LOG_LEVEL: 'warn',
      // The rush comes from one loopback address; per-address limits would refuse it (and are tested elsewhere).
      RATE_LIMIT: 'off',
      SHUTDOWN_GRACE_MS: '1000',
      ...env,
    },
    /BFF listening on/,
    90_000,
  );
  return Object.assign(child, { url: `http://127.0.0.1:${port}` });
}
