import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { EmbeddedMongo } from '@fugong/embedded-mongo';
import { createsIndexesAtBoot, type Config } from './config';
import { systemClock, type Clock } from './clock';
import { createApp } from './app';
import type { AppDeps, Container } from './container';
import { connectDatabase, missingIndexes, syncIndexes } from './db/connect';
import { FAKE_WECHAT_APP, startFakeWechat } from './dev/fake-wechat-server';
import { seedDemo } from './dev/seed-demo';
import { answerClientError } from './http/client-error';
import { startBackgroundJobs } from './jobs';

export interface RunningServer {
  url: string;
  port: number;
  connection: Connection;
  container: Container;
  /** Stops accepting, lets in-flight requests finish (up to the grace period), closes the database. */
  stop(): Promise<void>;
}

/**
 * Boots the BFF: the database (embedded unless MONGODB_URI is set), indexes, the HTTP server.
 * Returns once it accepts requests.
 */
export async function startServer(
  config: Config,
  logger: Logger,
  extra: Partial<Pick<AppDeps, 'otpSender' | 'wechat'>> & { clock?: Clock } = {},
): Promise<RunningServer> {
  let embedded: EmbeddedMongo | null = null;
  let uri = config.MONGODB_URI;
  if (!uri) {
    // Loaded only when needed: a production BFF on a real cluster never loads the embedded engine.
    const { startEmbeddedMongo } = await import('@fugong/embedded-mongo');
    embedded = await startEmbeddedMongo(
      config.EMBEDDED_DB_IN_MEMORY ? { inMemory: true } : { dbPath: path.resolve(config.EMBEDDED_DB_PATH) },
    );
    uri = `${embedded.uri.replace(/\/(\?|$)/, '/fugong$1')}`;
    logger.info(
      { dbPath: config.EMBEDDED_DB_IN_MEMORY ? ':memory:' : config.EMBEDDED_DB_PATH },
      'db.embedded.started',
    );
  }
  const fakeWechat = config.DEV_FAKE_WECHAT ? await startFakeWechat() : null;
  if (fakeWechat)
    config = {
      ...config,
      WECHAT_API_BASE: fakeWechat.url,
      WECHAT_APPID: FAKE_WECHAT_APP.appid,
      WECHAT_SECRET: FAKE_WECHAT_APP.secret,
    };
  const connection = await connectDatabase(uri);
  const app = createApp({ config, connection, logger, clock: extra.clock ?? systemClock, ...extra });
  if (createsIndexesAtBoot(config)) await syncIndexes(connection);
  else {
    const missing = await missingIndexes(connection);
    if (missing.length > 0) {
      await connection.close();
      if (embedded) await embedded.stop();
      if (fakeWechat) await fakeWechat.stop();
      throw new Error(
        `the database lacks ${missing.length} index(es) this version needs; build them first with ` +
          `npm run db:indexes (production: node apps/bff/dist/db-indexes.js):\n  ${missing.join('\n  ')}`,
      );
    }
  }
  await app.container.calendar.provider.start(logger);
  if (config.DEMO_SEED) await seedDemo(app.container, logger);

  let inFlight = 0;
  let drained: (() => void) | null = null;
  // Koa's callback() composes the middleware chain anew on each call: built once, not per request.
  const handle = app.callback();
  const server: Server = createServer((req, res) => {
    inFlight += 1;
    res.on('close', () => {
      inFlight -= 1;
      if (inFlight === 0 && drained) drained();
    });
    handle(req, res);
  });
  server.keepAliveTimeout = 5000;
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const stopJobs = startBackgroundJobs(app.container, logger);
  const url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${port}`;

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((resolve) => (drained = resolve)),
          new Promise<void>((resolve) => setTimeout(resolve, config.SHUTDOWN_GRACE_MS).unref()),
        ]);
      }
      server.closeAllConnections();
      await closed;
      await stopJobs();
      app.container.calendar.provider.stop();
      // Scheduled dashboard syncs (coalesced trip counters) land before the database closes.
      await app.container.rollups.service
        .flushPending()
        .catch((err: unknown) => logger.warn({ err }, 'rollups.flush.failed'));
      await connection.close();
      if (embedded) await embedded.stop();
      if (fakeWechat) await fakeWechat.stop();
      logger.info('server.stopped');
    })());

  return { url, port, connection, container: app.container, stop };
}
