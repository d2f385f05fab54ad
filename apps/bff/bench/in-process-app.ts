import request from 'supertest';
import pino from 'pino';
import { Types, type Connection } from 'mongoose';
import { loadConfig } from '../src/config';
import { createApp } from '../src/app';
import { systemClock, type Clock } from '../src/clock';
import type { Actor } from '../src/auth/actor';

/**
 * The whole BFF app on a bench's database, driven in process through supertest (no sockets, so
 * the figures are the app's and the database's, not the HTTP stack's), with the bearer header of
 * one signed-in person holding `roles`; on the system clock unless the bench needs a set hour.
 */
export function inProcessApp(connection: Connection, roles: Actor['roles'], clock: Clock = systemClock) {
  const app = createApp({
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn' }),
    connection,
    logger: pino({ level: 'warn' }),
    clock,
  });
  const { token } = app.container.tokens.issueAccess({
    id: new Types.ObjectId().toHexString(),
    roles,
    enterpriseId: null,
    departmentId: null,
  });
  return { app, http: request(app.callback()), auth: { Authorization: `Bearer ${token}` } };
}
