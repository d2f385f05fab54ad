import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../apps/bff/src';
import { startServer, type RunningServer } from '../../apps/bff/src';
import { freePort, startDb, until, type Child } from './support/processes';

let dir: string;
let db: Child;
let bff: RunningServer;
let auth: { Authorization: string };

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fugong-blackhole-'));
  const started = await startDb(await freePort(), dir);
  db = started;
  const config = loadConfig({
    NODE_ENV: 'development',
    PORT: '0',
    MONGODB_URI: started.uri,
    LOG_LEVEL: 'silent',
    OTP_SENDER: 'memory',
  });
  bff = await startServer(config, pino({ level: 'silent' }));
  const u = await bff.container.repos.users.findOrCreateByPhone(
    'blackhole-worker',
    bff.container.pii.encrypt('13900000002'),
  );
  auth = {
    Authorization: `Bearer ${bff.container.tokens.issueAccess({ id: u.id, roles: ['worker'], enterpriseId: null, departmentId: null }).token}`,
  };
}, 120_000);
afterAll(async () => {
  db.proc.kill('SIGCONT');
  await bff?.stop();
  await db?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const timedStatus = async (url: string) => {
  const started = Date.now();
  const res = await fetch(url, { headers: auth, signal: AbortSignal.timeout(20_000) });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), ms: Date.now() - started };
};

describe('the database host freezes (accepts connections, never answers)', () => {
  it('when the database is black-holed, then requests answer 503 within seconds instead of hanging, and service resumes by itself when it thaws', async () => {
    expect((await timedStatus(`${bff.url}/api/bookings/mine`)).status).toBe(200);
    db.proc.kill('SIGSTOP'); // the process keeps its sockets but stops answering: a partition as the driver sees it

    const ready = await timedStatus(`${bff.url}/api/ready`);
    expect(ready.status).toBe(503);
    expect(ready.ms).toBeLessThan(2000);
    // The first read waits for the heartbeat to notice (≤ 1 s beat + 2 s timeout); later ones fail at selection (1.5 s).
    const first = await timedStatus(`${bff.url}/api/bookings/mine`);
    expect(first).toMatchObject({ status: 503, retryAfter: expect.stringMatching(/^\d+$/) });
    expect(first.ms).toBeLessThan(4000);
    const later = await timedStatus(`${bff.url}/api/me`);
    expect(later.status).toBe(503);
    expect(later.ms).toBeLessThan(3000);

    db.proc.kill('SIGCONT');
    await until(
      'reads to work again',
      async () => (await timedStatus(`${bff.url}/api/bookings/mine`)).status === 200,
      30_000,
      200,
    );
  });
});
