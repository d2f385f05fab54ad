import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const MAIN = path.join(ROOT, 'apps/bff/src/main.ts');

/** Runs the BFF entry point as a real process and collects what it prints until it exits or is stopped. */
function runBff(env: Record<string, string>, untilText?: RegExp, timeoutMs = 30_000) {
  return new Promise<{ code: number | null; out: string; child: ReturnType<typeof spawn> }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`timed out; output so far:\n${out}`));
      }, timeoutMs);
      const onData = (b: Buffer) => {
        out += b.toString();
        if (untilText?.test(out)) {
          clearTimeout(timer);
          resolve({ code: null, out, child });
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, out, child });
      });
    },
  );
}

// Each test boots a real process that compiles the BFF with tsx: seconds, more on a busy machine.
jest.setTimeout(60_000);

describe('the BFF process', () => {
  it('when a config value is bad, then it refuses to start and names the key', async () => {
    const { code, out } = await runBff({ PORT: 'eighty', EMBEDDED_DB_IN_MEMORY: 'true' });
    expect(code).toBe(78);
    expect(out).toContain('PORT');
    expect(out).toContain('refused to start');
  });

  it('when production runs with the shipped secrets, then it refuses to start', async () => {
    const { code, out } = await runBff({ NODE_ENV: 'production' });
    expect(code).toBe(78);
    expect(out).toContain('JWT_SECRET');
    expect(out).toContain('PII_KEY');
  });

  it('when started on the embedded database and sent SIGTERM, then it serves, then exits cleanly', async () => {
    const started = await runBff(
      { PORT: '0', EMBEDDED_DB_IN_MEMORY: 'true', LOG_LEVEL: 'warn' },
      /BFF listening on (http:\/\/[\d.]+:\d+)/,
    );
    const url = /BFF listening on (http:\/\/[\d.]+:\d+)/.exec(started.out)![1];
    const ready = await fetch(`${url}/api/ready`);
    expect(ready.status).toBe(200);
    const exit = new Promise<number | null>((resolve) => started.child.once('exit', resolve));
    started.child.kill('SIGTERM');
    expect(await exit).toBe(0);
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
  });

  it('when a burst of requests is answered and the process is stopped at once, then every request line is in its log, before server.stopped', async () => {
    const started = await runBff(
      { PORT: '0', EMBEDDED_DB_IN_MEMORY: 'true', LOG_LEVEL: 'info' },
      /BFF listening on (http:\/\/[\d.]+:\d+)/,
    );
    const url = /BFF listening on (http:\/\/[\d.]+:\d+)/.exec(started.out)![1];
    const exited = new Promise<void>((resolve) => started.child.once('exit', () => resolve()));
    let out = started.out;
    started.child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
    // Asynchronous log writes: the lines of a burst leave in batches; none may be lost at exit.
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) => fetch(`${url}/api/health?n=${i}`).then((r) => r.status)),
    );
    expect(answers.every((s) => s === 200)).toBe(true);
    started.child.kill('SIGTERM');
    await exited;
    const lines = out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg: string; route?: string });
    expect(lines.filter((l) => l.msg === 'request' && l.route === 'health')).toHaveLength(300);
    expect(lines.at(-1)?.msg).toBe('server.stopped');
  });
});
