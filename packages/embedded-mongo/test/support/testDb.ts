/**
 * Connects a conformance test file to a database: the real MongoDB named by MONGODB_URI when
 * set, otherwise a fresh in-memory embedded server. Each file gets its own database name and
 * drops it afterwards.
 */
import { type Db, type Document, MongoClient, type MongoClientOptions, type ObjectId } from 'mongodb';
import { type EmbeddedMongo, type EmbeddedMongoOptions, startEmbeddedMongo } from '../../src';

export const realUri = process.env.MONGODB_URI;
/** True when the suite runs against the embedded server (not a real mongod). */
export const embedded = !realUri;
/** Use for tests of behaviour only the embedded server can show (e.g. CommandNotSupported). */
export const itEmbedded = embedded ? it : it.skip;

/** A schema-less document type for driver collections in tests. */
export type Loose = Document & { _id?: string | number | ObjectId | Document };

export interface TestDb {
  uri: string;
  client: MongoClient;
  db: Db;
  dbName: string;
  server?: EmbeddedMongo;
  close(): Promise<void>;
}

/** Opens a client on a unique database; call close() in afterAll. */
export async function openTestDb(
  prefix: string,
  serverOptions: EmbeddedMongoOptions = {},
  clientOptions: MongoClientOptions = {},
): Promise<TestDb> {
  const server = realUri ? undefined : await startEmbeddedMongo({ inMemory: true, ...serverOptions });
  const uri = realUri ?? server!.uri;
  const client = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 5000, ...clientOptions });
  const dbName = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const db = client.db(dbName);
  return {
    uri,
    client,
    db,
    dbName,
    server,
    async close() {
      await db.dropDatabase().catch(() => undefined);
      await client.close();
      await server?.stop();
    },
  };
}
