import pino from 'pino';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { startServer } from '../src/server';
import { benchChecks, isServerAsk } from './peak-checks';

/**
 * One BFF instance of the morning-peak benchmark in its tsx mode (`BENCH_BFF=tsx`: peak.ts
 * forks this file, which runs the BFF from its TypeScript source — quicker to iterate on, not
 * what production runs; the default mode starts the compiled build, peak-deployed.ts). Its own
 * process on the separate database process (BENCH_DB_URI), rate limits on, `info` logging to a
 * file (as a log shipper reads it), TRUST_PROXY with addresses from X-Forwarded-For. One-time
 * codes go to the load generator over IPC — it plays the SMS gateway, so the bench signs in
 * through the real code routes. The first instance (BENCH_ROLE=main) also seeds the trips,
 * reports the database's command counters and checks the invariants (peak-checks.ts).
 */
const MAIN = process.env.BENCH_ROLE === 'main';

void (async () => {
  const config = loadConfig({
    NODE_ENV: 'development',
    PORT: '0',
    LOG_LEVEL: 'info',
    MONGODB_URI: process.env.BENCH_DB_URI!,
    RATE_LIMIT: process.env.BENCH_RATE_LIMIT ?? 'on',
    TRUST_PROXY: 'true',
  });
  const logFile = `/tmp/bench-peak-bff-${process.pid}.log`;
  const logger = createLogger(
    config.LOG_LEVEL,
    pino.destination({ dest: logFile, sync: false, mkdir: true }),
  );
  const server = await startServer(config, logger, {
    otpSender: { send: async (phone, code) => void process.send!({ otp: { phone, code } }) },
  });
  process.once('SIGTERM', () => void server.stop().then(() => process.exit(0)));
  if (!MAIN) {
    process.send!({ ready: true, url: server.url });
    return;
  }
  const { tripIds, answer } = await benchChecks(server.container, server.connection.db!, () => [logFile]);
  // Only the bench's asks: the memory probe (memory-probe.cjs) shares this IPC channel.
  process.on('message', (m: unknown) => {
    if (isServerAsk(m)) void answer(m).then((result) => process.send!({ id: m.id, result }));
  });
  process.send!({ ready: true, url: server.url, tripIds });
})();
