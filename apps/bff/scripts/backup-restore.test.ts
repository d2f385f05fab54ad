import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import mongoose, { type Connection } from 'mongoose';
import pino from 'pino';
import { startEmbeddedMongo, type EmbeddedMongo } from '@fugong/embedded-mongo';
import { startTestApp, type TestApp } from '../src/test-support/test-app';
import { seedDemo } from '../src/dev/seed-demo';
import { backupDatabase, restoreDatabase } from './lib/dump';

const { EJSON } = mongoose.mongo.BSON;
const ROOT = path.resolve(__dirname, '../../..');

let t: TestApp;
let target: EmbeddedMongo;
let dir: string;
beforeAll(async () => {
  t = await startTestApp();
  await seedDemo(t.container, pino({ level: 'silent' }));
  // Types a JSON dump would lose: they must come back as they went out.
  await t.connection.db!.collection('backup_types').insertOne({
    int: new mongoose.mongo.Int32(7),
    dbl: new mongoose.mongo.Double(7),
    long: mongoose.mongo.Long.fromString('9007199254740993'),
    dec: mongoose.mongo.Decimal128.fromString('0.1'),
    at: new Date(0),
    bin: new mongoose.mongo.Binary(Buffer.from([0, 255])),
    nested: { a: [1, 'x', null] },
  });
  target = await startEmbeddedMongo({ inMemory: true });
  dir = mkdtempSync(path.join(tmpdir(), 'fugong-backup-'));
}, 60_000);
afterAll(async () => {
  await t.close();
  await target.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Every collection's documents (canonical EJSON, _id order) and index specs, comparable as a whole. */
async function picture(conn: Connection) {
  const db = conn.db!;
  const out: Record<string, { docs: string; indexes: unknown[] }> = {};
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    const docs = EJSON.stringify(await db.collection(name).find({}).sort({ _id: 1 }).toArray(), {
      relaxed: false,
    });
    const indexes = (await db.collection(name).listIndexes().toArray())
      .map(({ v: _v, ns: _ns, ...i }) => i)
      .sort((a, b) => String(a.name).localeCompare(String(b.name)));
    out[name] = { docs, indexes };
  }
  return out;
}

const connect = (uri: string, name: string) =>
  mongoose.createConnection(uri.replace(/\/(\?|$)/, `/${name}$1`)).asPromise();

describe('backup and restore', () => {
  it('when the demo database is backed up and restored into an empty one, then every collection, document type and index is the same', async () => {
    const manifest = await backupDatabase(t.connection.db!, path.join(dir, 'a'));
    expect(manifest.collections.length).toBeGreaterThan(10);
    const copy = await connect(target.uri, 'restored');
    await restoreDatabase(copy.db!, path.join(dir, 'a'));
    const [original, restored] = [await picture(t.connection), await picture(copy)];
    expect(Object.keys(restored).sort()).toEqual(Object.keys(original).sort());
    for (const name of Object.keys(original))
      expect({ name, ...restored[name] }).toEqual({ name, ...original[name] });
    await copy.close();
  });

  it('when the target already has the collections, then restore refuses unless --drop is given', async () => {
    const copy = await connect(target.uri, 'restored');
    await expect(restoreDatabase(copy.db!, path.join(dir, 'a'))).rejects.toThrow(/--drop/);
    await copy.db!.collection('users').deleteMany({});
    await restoreDatabase(copy.db!, path.join(dir, 'a'), { drop: true });
    expect(await copy.db!.collection('users').countDocuments()).toBe(
      await t.connection.db!.collection('users').countDocuments(),
    );
    await copy.close();
  });

  it('when the npm scripts run against a server by URI, then the round trip is exact', async () => {
    const run = promisify(execFile);
    const source = t.connection.getClient().options.hosts[0].toString();
    const from = `mongodb://${source}/${t.connection.db!.databaseName}?directConnection=true`;
    await run(
      process.execPath,
      ['--import', 'tsx', 'apps/bff/scripts/backup.ts', '--uri', from, '--out', path.join(dir, 'cli')],
      { cwd: ROOT },
    );
    const into = target.uri.replace(/\/(\?|$)/, '/cli_restored$1');
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'apps/bff/scripts/restore.ts', '--uri', into, '--from', path.join(dir, 'cli')],
      { cwd: ROOT },
    );
    expect(stdout).toMatch(/restored \d+ collections/);
    const copy = await connect(target.uri, 'cli_restored');
    expect(await picture(copy)).toEqual(await picture(t.connection));
    await copy.close();
  }, 60_000);
});
