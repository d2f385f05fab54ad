import { embedded, openTestDb, type TestDb } from './support/testDb';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb('admin');
  await t.db.collection('alpha').insertMany([{ a: 1 }, { a: 2 }]);
  await t.db.collection('beta').createIndex({ b: 1 });
});
afterAll(() => t.close());

const admin = () => t.client.db('admin');

describe('handshake and diagnostics', () => {
  it('when sending hello, then the server describes a writable replica-set primary with session support', async () => {
    const hello = await admin().command({ hello: 1 });
    expect(hello.isWritablePrimary).toBe(true);
    expect(hello.setName).toEqual(expect.any(String));
    expect(hello.hosts).toContain(hello.me);
    expect(hello.primary).toBe(hello.me);
    expect(hello.logicalSessionTimeoutMinutes).toBeGreaterThan(0);
    expect(hello.maxWireVersion).toBeGreaterThanOrEqual(9);
    expect(hello.maxBsonObjectSize).toBe(16 * 1024 * 1024);
    expect(hello.maxWriteBatchSize).toBe(100000);
    expect(hello.localTime).toBeInstanceOf(Date);
    const legacy = await admin().command({ isMaster: 1 });
    expect(legacy.ismaster).toBe(true);
  });

  it('when asking for build, server, host and parameter information, then well-formed replies come back', async () => {
    const build = await admin().command({ buildInfo: 1 });
    expect(build.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(build.versionArray).toHaveLength(4);
    const status = await admin().command({ serverStatus: 1 });
    expect(status.connections.current).toBeGreaterThan(0);
    expect(status.uptime).toBeGreaterThanOrEqual(0);
    // mongod reports both; the booking benchmark counts database commands per request with them.
    expect(Number(status.opcounters.command)).toBeGreaterThan(0);
    expect(Number(status.metrics.commands.buildInfo.total)).toBeGreaterThan(0);
    const host = await admin().command({ hostInfo: 1 });
    expect(host.system.numCores).toBeGreaterThan(0);
    const fcv = await admin().command({ getParameter: 1, featureCompatibilityVersion: 1 });
    expect(fcv.featureCompatibilityVersion.version).toMatch(/^\d+\.\d+$/);
    expect((await admin().command({ getCmdLineOpts: 1 })).argv).toEqual(expect.any(Array));
    expect((await admin().command({ getLog: 'startupWarnings' })).log).toEqual(expect.any(Array));
    expect((await admin().command({ connectionStatus: 1 })).authInfo).toBeDefined();
    expect((await admin().command({ whatsmyuri: 1 })).you).toMatch(/:\d+$/);
    expect((await admin().command({ ping: 1 })).ok).toBe(1);
  });

  it('when managing sessions explicitly, then startSession, refreshSessions, endSessions and killAllSessions succeed', async () => {
    const started = await admin().command({ startSession: 1 });
    expect(started.id.id).toBeDefined();
    expect((await admin().command({ refreshSessions: [started.id] })).ok).toBe(1);
    expect((await admin().command({ endSessions: [started.id] })).ok).toBe(1);
    if (embedded) expect((await admin().command({ killAllSessions: [] })).ok).toBe(1);
  });
});

describe('catalog commands', () => {
  it('when listing collections with a filter or nameOnly, then only matching names are returned', async () => {
    const all = (await t.db.listCollections().toArray()).map((c) => c.name).sort();
    expect(all).toEqual(['alpha', 'beta']);
    const only = await t.db.listCollections({ name: 'beta' }, { nameOnly: true }).toArray();
    expect(only).toEqual([{ name: 'beta', type: 'collection' }]);
    const full = await t.db.listCollections({ name: 'alpha' }).toArray();
    expect(full[0]).toMatchObject({ name: 'alpha', type: 'collection', idIndex: { key: { _id: 1 } } });
  });

  it('when listing databases, then the test database appears with a size', async () => {
    const { databases } = await admin().command({ listDatabases: 1 });
    const mine = databases.find((d: { name: string }) => d.name === t.dbName);
    expect(mine.sizeOnDisk).toBeGreaterThan(0);
  });

  it('when asking for collection and database stats, then document and index counts are reported', async () => {
    const coll = await t.db.command({ collStats: 'alpha' });
    expect(coll.count).toBe(2);
    expect(coll.nindexes).toBe(1);
    const db = await t.db.command({ dbStats: 1 });
    expect(db.collections).toBe(2);
    expect(db.objects).toBe(2);
    expect(db.indexes).toBe(3);
  });

  it('when dropping a database, then its collections are gone', async () => {
    const other = t.client.db(`${t.dbName}_drop`);
    await other.collection('x').insertOne({ x: 1 });
    expect(await other.dropDatabase()).toBe(true);
    expect(await other.listCollections().toArray()).toEqual([]);
  });
});
