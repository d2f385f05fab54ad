import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '/work/main/apps/bff/src/config';
import { startServer } from '/work/main/apps/bff/src/server';
import { freePort, startDb } from '/work/main/test/faults/support/processes';
(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bh-'));
  const port = await freePort();
  const db = await startDb(port, dir);
  const config = loadConfig({ NODE_ENV: 'development', PORT: '0', MONGODB_URI: db.uri, LOG_LEVEL: 'silent', OTP_SENDER: 'memory' });
  const bff = await startServer(config, pino({ level: 'silent' }));
  const u = await bff.container.repos.users.findOrCreateByPhone('bh', 'x');
  const auth = { Authorization: `Bearer ${bff.container.tokens.issueAccess({ id: u.id, roles: ['worker'], enterpriseId: null, departmentId: null }).token}` };
  db.proc.kill('SIGSTOP');
  for (const p of ['/api/ready', '/api/bookings/mine', '/api/me']) {
    const t0 = Date.now();
    const r = await fetch(bff.url + p, { headers: auth, signal: AbortSignal.timeout(40000) }).then((r) => r.status, (e) => String(e));
    console.log(p, r, Date.now() - t0, 'ms');
  }
  db.proc.kill('SIGCONT');
  const t0 = Date.now();
  for (;;) { const r = await fetch(bff.url + '/api/bookings/mine', { headers: auth }); if (r.status === 200) break; await new Promise((r) => setTimeout(r, 200)); }
  console.log('recovered after', Date.now() - t0);
  await bff.stop(); await db.stop(); process.exit(0);
})();
