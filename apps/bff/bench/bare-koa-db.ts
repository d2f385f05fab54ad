import { createServer } from 'node:http';
import Koa from 'koa';
import mongoose from 'mongoose';
import getRawBody from 'raw-body';

/**
 * The floor of a database-backed operation in the morning-peak benchmark: the ceiling's bare
 * Koa route (bare-koa.ts) plus the least a booking or a check-in must do, one guarded write
 * through mongoose — an upsert of the caller's record keyed by its idempotency key, acknowledged
 * by the same database the product uses (in its own process). No router, auth, validation or
 * logging. What the stack the product is built on costs per stored request on this machine, so
 * the product's own cost is what it spends above this.
 */
const conn = mongoose.createConnection(process.env.BENCH_DB_URI!, { dbName: 'bench_floor' });
const Floor = conn.model(
  'Floor',
  new mongoose.Schema({ _id: String, tripId: String, at: Date }, { versionKey: false }),
  'floor',
);
const app = new Koa();
app.use(async (ctx) => {
  const text = await getRawBody(ctx.req, { limit: '64kb', encoding: 'utf8' });
  const body = text ? (JSON.parse(text) as { tripId?: string }) : {};
  const key = String(ctx.get('Idempotency-Key'));
  await Floor.updateOne(
    { _id: key },
    { $setOnInsert: { tripId: body.tripId ?? null, at: new Date() } },
    { upsert: true },
  );
  ctx.status = 201;
  ctx.body = { id: body.tripId ?? null, status: 'confirmed' };
});
const server = createServer(app.callback());
server.keepAliveTimeout = 5000;
void conn.asPromise().then(() =>
  server.listen(0, '127.0.0.1', () => {
    const a = server.address();
    process.send!({ ready: true, url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}` });
  }),
);
// Its records are dropped as it stops: the product's phases run on the same database, and the
// floor's 30,000 upserts per measurement would otherwise sit in its memory through them.
process.once('SIGTERM', () =>
  server.close(
    () =>
      void conn
        .dropDatabase()
        .then(() => conn.close())
        .then(() => process.exit(0)),
  ),
);
