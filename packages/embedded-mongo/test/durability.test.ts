import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Document, Long, MongoClient } from 'mongodb';
import { type EmbeddedMongo, startEmbeddedMongo } from '../src';
import { embedded } from './support/testDb';

(embedded ? describe : describe.skip)('durable dbPath', () => {
  let dbPath: string;
  beforeEach(() => {
    dbPath = mkdtempSync(path.join(os.tmpdir(), 'embedded-mongo-durable-'));
  });
  afterEach(() => rmSync(dbPath, { recursive: true, force: true }));

  async function withServer<T>(fn: (client: MongoClient, server: EmbeddedMongo) => Promise<T>): Promise<T> {
    const server = await startEmbeddedMongo({ dbPath });
    const client = await MongoClient.connect(server.uri);
    try {
      return await fn(client, server);
    } finally {
      await client.close();
      await server.stop();
    }
  }

  it('when the server restarts on the same dbPath, then documents, indexes and unique constraints are back', async () => {
    await withServer(async (client) => {
      const c = client.db('app').collection('users');
      await c.createIndex({ email: 1 }, { unique: true });
      await c.insertMany([{ email: 'a', n: Long.fromString('9007199254740993') }, { email: 'b' }]);
      await c.updateOne({ email: 'b' }, { $set: { seen: true } });
    });
    await withServer(async (client) => {
      const c = client.db('app').collection('users');
      expect(await c.countDocuments()).toBe(2);
      expect((await c.findOne({ email: 'a' }, { promoteLongs: false }))!.n.toString()).toBe(
        '9007199254740993',
      );
      expect(await c.findOne({ email: 'b' }, { projection: { _id: 0 } })).toEqual({ email: 'b', seen: true });
      expect((await c.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_', 'email_1']);
      await expect(c.insertOne({ email: 'a' })).rejects.toMatchObject({ code: 11000 });
    });
  });

  it('when a retryable write is retried after a restart, then it is answered from the journal and not applied again', async () => {
    let server = await startEmbeddedMongo({ dbPath });
    const client = await MongoClient.connect(server.uri, { serverSelectionTimeoutMS: 5000 });
    const session = client.startSession();
    const cmd = {
      update: 'counters',
      updates: [{ q: { _id: 'c' }, u: { $inc: { n: 1 } }, upsert: true }],
      txnNumber: Long.fromNumber(900),
    };
    const first = await client.db('app').command(cmd, { session });
    await server.stop();
    server = await startEmbeddedMongo({ dbPath, port: server.port });
    try {
      let retried: Document | undefined;
      for (let attempt = 0; attempt < 5 && !retried; attempt++) {
        retried = await client
          .db('app')
          .command(cmd, { session })
          .catch(() => undefined);
      }
      expect(retried).toMatchObject({ n: first.n, upserted: first.upserted });
      expect(
        await client
          .db('app')
          .collection('counters')
          .findOne({ _id: 'c' as never }),
      ).toEqual({ _id: 'c', n: 1 });
    } finally {
      await session.endSession();
      await client.close();
      await server.stop();
    }
  });

  it('when a second server opens a dbPath in use, then it is refused', async () => {
    await withServer(async () => {
      await expect(startEmbeddedMongo({ dbPath })).rejects.toThrow(/in use|locked/);
    });
  });
});
