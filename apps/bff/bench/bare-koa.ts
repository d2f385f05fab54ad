import { createServer } from 'node:http';
import Koa from 'koa';
import getRawBody from 'raw-body';

/**
 * The ceiling of the morning-peak benchmark: a bare Koa route that reads and parses the same
 * small JSON body the booking sends and answers a small JSON object — no router, no auth, no
 * database. What the framework and Node's HTTP stack cost per request on this machine.
 */
const app = new Koa();
app.use(async (ctx) => {
  const text = await getRawBody(ctx.req, { limit: '64kb', encoding: 'utf8' });
  const body = text ? (JSON.parse(text) as { tripId?: string }) : {};
  ctx.status = 201;
  ctx.body = { id: body.tripId ?? null, status: 'confirmed' };
});
const handle = app.callback();
const server = createServer(handle);
server.keepAliveTimeout = 5000;
server.listen(0, '127.0.0.1', () => {
  const a = server.address();
  process.send!({ ready: true, url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}` });
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
