import type { Connection } from 'mongoose';
import pino from 'pino';
import { startEmbeddedMongo, type EmbeddedMongo } from '@fugong/embedded-mongo';
import { systemClock } from '../clock';
import { loadConfig } from '../config';
import { buildContainer } from '../container';
import { connectDatabase, missingIndexes, syncIndexes } from './connect';

// Production instances only check the indexes (DB_INDEXES=check); the check must notice a fresh
// database and an index dropped by hand, or an instance would serve without the unique indexes
// the booking invariants rely on.

let embedded: EmbeddedMongo;
let conn: Connection;
beforeAll(async () => {
  embedded = await startEmbeddedMongo({ inMemory: true });
  conn = await connectDatabase(embedded.uri.replace(/\/(\?|$)/, '/indexes$1'));
  buildContainer({
    config: loadConfig({ NODE_ENV: 'test' }),
    connection: conn,
    logger: pino({ level: 'silent' }),
    clock: systemClock,
  });
});
afterAll(async () => {
  await conn.close();
  await embedded.stop();
});

describe('the index check of a production boot', () => {
  it('when the database is fresh, then every declared index is reported missing; after syncIndexes none is', async () => {
    const before = await missingIndexes(conn);
    expect(before.length).toBeGreaterThan(10);
    expect(before).toContainEqual(
      expect.stringMatching(/^bookings \{"workerId":1,"travelDay":1\} .*"unique":true/),
    );
    await syncIndexes(conn);
    expect(await missingIndexes(conn)).toEqual([]);
  });

  it('when the one-live-seat-per-day index is dropped by hand, then the check names exactly it', async () => {
    const bookings = conn.collection('bookings');
    const name = (await bookings.indexes()).find((i) => i.key.workerId === 1 && i.key.travelDay === 1)!.name!;
    await bookings.dropIndex(name);
    const missing = await missingIndexes(conn);
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatch(
      /^bookings \{"workerId":1,"travelDay":1\} \{"unique":true,"partialFilterExpression":\{"live":true\}/,
    );
    await syncIndexes(conn);
    expect(await missingIndexes(conn)).toEqual([]);
  });
});
