import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { startEmbeddedMongo, type EmbeddedMongo } from '@fugong/embedded-mongo';
import { loadConfig, type Config } from '../config';
import { createApp } from '../app';
import { createLogger } from '../logger';
import { connectDatabase, syncIndexes } from '../db/connect';
import { MemoryOtpSender } from '../auth/otp-sender';
import { ManualClock } from '../clock';
import { FAKE_WECHAT_APP, startFakeWechat, type FakeWechat } from '../dev/fake-wechat-server';
import type { Container } from '../container';

export interface TestApp {
  /** supertest agent bound to the app's callback (no port). */
  http: ReturnType<typeof request>;
  app: ReturnType<typeof createApp>;
  container: Container;
  connection: Connection;
  otp: MemoryOtpSender;
  clock: ManualClock;
  config: Config;
  logs: string[];
  /** The loopback fake of WeChat this app talks to, with its test hooks. */
  wechat: FakeWechat;
  /**
   * Another BFF instance (own container, own connection) on the same database, WeChat and
   * clock: what two processes behind nginx share. Closed by `close()`.
   */
  secondInstance(): Promise<Pick<TestApp, 'http' | 'app' | 'container'>>;
  /**
   * Waits for the background writes requests scheduled (coalesced dashboard syncs), so a test
   * comparing the database before and after a request sees them all.
   */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts an app on a fresh database: the embedded server in memory, or — when MONGODB_URI is
 * set — a uniquely named database on that real MongoDB, dropped afterwards. The WeChat
 * endpoint is a real fake server on loopback; one-time codes are captured in memory; the log
 * is captured so tests can check what it contains.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  let embedded: EmbeddedMongo | null = null;
  const dbName = `fugong_test_${randomBytes(4).toString('hex')}`;
  let uri = process.env.MONGODB_URI;
  if (!uri) {
    embedded = await startEmbeddedMongo({ inMemory: true });
    uri = embedded.uri;
  }
  // One clock for the app and the fake WeChat, so token lifetimes move with the test's time.
  const clock = new ManualClock(new Date());
  const wechat = await startFakeWechat({ now: () => clock.now().getTime() });
  const stopServers = async () => {
    await wechat.stop();
    if (embedded) await embedded.stop();
  };
  let connection: Connection | null = null;
  try {
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      WECHAT_API_BASE: wechat.url,
      WECHAT_APPID: FAKE_WECHAT_APP.appid,
      WECHAT_SECRET: FAKE_WECHAT_APP.secret,
      ...env,
    });
    const dbUri = uri.replace(/\/(\?|$)/, `/${dbName}$1`);
    connection = await connectDatabase(dbUri, { maxPoolSize: 20 });
    return await assemble({ config, connection, dbUri, clock, wechat, stopServers, dropAfter: !embedded });
  } catch (err) {
    // A start that failed half-way must not leave servers behind: jest would never exit.
    await connection?.close().catch(() => undefined);
    await stopServers();
    throw err;
  }
}

/** The app on an open connection; `close` drops the test database when it is not throwaway. */
async function assemble(a: {
  config: Config;
  connection: Connection;
  dbUri: string;
  clock: ManualClock;
  wechat: FakeWechat;
  stopServers: () => Promise<void>;
  dropAfter: boolean;
}): Promise<TestApp> {
  const { config, connection, clock, wechat, stopServers, dropAfter } = a;
  const logs: string[] = [];
  // The production logger (redaction, request context), writing into memory.
  const logger = createLogger('info', { write: (line: string) => void logs.push(line) });
  const otp = new MemoryOtpSender();
  const app = createApp({ config, connection, logger, clock, otpSender: otp });
  await syncIndexes(connection);
  const others: Connection[] = [];
  return {
    http: request(app.callback()),
    app,
    container: app.container,
    connection,
    otp,
    clock,
    config,
    logs,
    wechat,
    async secondInstance() {
      const conn = await connectDatabase(a.dbUri, { maxPoolSize: 5 });
      others.push(conn);
      const second = createApp({ config, connection: conn, logger, clock, otpSender: otp });
      return { http: request(second.callback()), app: second, container: second.container };
    },
    settle: () => app.container.rollups.service.flushPending(),
    async close() {
      await app.container.rollups.service.flushPending();
      for (const other of others) await other.close();
      if (dropAfter) await connection.dropDatabase().catch(() => undefined);
      await connection.close();
      await stopServers();
    },
  };
}

/** Signs a phone in through the real OTP flow and returns the session. */
export async function signInByPhone(t: TestApp, phone: string) {
  const sent = await t.http.post('/api/auth/otp').send({ phone });
  if (sent.status !== 200) throw new Error(`otp failed: ${sent.status} ${JSON.stringify(sent.body)}`);
  const res = await t.http.post('/api/auth/login/phone').send({ phone, code: t.otp.last(phone) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { token: string; refreshToken: string; user: { id: string; roles: string[] } };
}
