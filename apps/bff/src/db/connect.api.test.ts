import { startEmbeddedMongo, type EmbeddedMongo } from '@fugong/embedded-mongo';
import { connectDatabase } from './connect';
import { freePort } from '../test-support/free-port';

describe('connecting at start-up', () => {
  let db: EmbeddedMongo | null = null;
  afterEach(async () => {
    await db?.stop();
    db = null;
  });

  it('when the database comes up a few seconds after the BFF, then the BFF waits for it instead of failing', async () => {
    const port = await freePort();
    const uri = `mongodb://127.0.0.1:${port}/startup?replicaSet=rs0`;
    // Longer than one server selection (1.5 s), so a single attempt would have failed.
    const late = new Promise<void>((resolve) =>
      setTimeout(async () => {
        db = await startEmbeddedMongo({ port, inMemory: true });
        resolve();
      }, 2500),
    );
    const conn = await connectDatabase(uri);
    await late;
    await conn.db!.collection('probe').insertOne({ ok: true });
    expect(await conn.db!.collection('probe').countDocuments()).toBe(1);
    await conn.close();
  });

  it('when no database appears within the start-up wait, then connecting fails with the driver error', async () => {
    const port = await freePort();
    const started = Date.now();
    await expect(
      connectDatabase(`mongodb://127.0.0.1:${port}/startup?replicaSet=rs0`, { startupWaitMs: 3500 }),
    ).rejects.toMatchObject({ name: 'MongooseServerSelectionError' });
    // It tried again after the first failed selection (1.5 s) and gave up at the wait's end.
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
  });
});
