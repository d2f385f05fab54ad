import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock } from '../src/clock';
import { loadConfig } from '../src/config';
import { buildContainer } from '../src/container';
import { connectDatabase } from '../src/db/connect';
import { startFakeWechat } from '../src/dev/fake-wechat-server';
import { createLogger } from '../src/logger';
import { benchChecks, isServerAsk } from './peak-checks';

/**
 * The morning-peak bench's helper beside the compiled BFFs (peak-deployed.ts forks it): the
 * BFFs run as deployed, so what the bench needs besides HTTP lives here, idle during the timed
 * phases. It plays the SMS gateway (the BFFs' OTP_WEBHOOK_URL; each code goes to the load
 * generator over IPC) and WeChat's server API (their WECHAT_API_BASE: the dev fake, which
 * refuses subscribe messages nobody accepted, as WeChat does), and with a container of its own
 * on the same database and secrets (the environment the BFFs get) seeds the trips, reports the
 * database's command counters and checks the invariants (peak-checks.ts).
 * Messages: `{ ready, smsUrl, wechatUrl }` at start; `{ seed, id }` → the trip ids; then `ServerAsk`s.
 */
void (async () => {
  const sms = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const { phone, code } = JSON.parse(body) as { phone: string; code: string };
      process.send!({ otp: { phone, code } });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => sms.listen(0, '127.0.0.1', resolve));
  const wechat = await startFakeWechat();

  // The stubs' addresses go into the BFFs' environment, which db-indexes.js reads too, so they
  // come first; the container waits for `{ seed }`, once the indexes exist.
  process.send!({
    ready: true,
    smsUrl: `http://127.0.0.1:${(sms.address() as AddressInfo).port}/sms`,
    wechatUrl: wechat.url,
  });
  const seed = await new Promise<{ id: number }>((resolve) => {
    const got = (m: unknown) => {
      const ask = m as { seed?: boolean; id: number } | null;
      if (ask?.seed) {
        process.off('message', got);
        resolve(ask);
      }
    };
    process.on('message', got);
  });
  const config = loadConfig({ ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn' });
  const logger = createLogger(config.LOG_LEVEL);
  const connection = await connectDatabase(config.MONGODB_URI!);
  const container = buildContainer({ config, connection, logger, clock: systemClock });
  const logFiles = (process.env.BENCH_LOG_FILES ?? '').split(',').filter(Boolean);
  const { tripIds, answer } = await benchChecks(container, connection.db!, () => logFiles);
  process.on('message', (m: unknown) => {
    if (isServerAsk(m)) void answer(m).then((result) => process.send!({ id: m.id, result }));
  });
  process.once(
    'SIGTERM',
    () =>
      void Promise.all([connection.close(), wechat.stop(), new Promise((r) => sms.close(r))]).then(() =>
        process.exit(0),
      ),
  );
  process.send!({ id: seed.id, result: tripIds });
})();
