import {
  appendFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Long } from 'bson';
import { Engine } from '../engine/engine';
import { recordId } from '../storage/collection';
import { journalFileName } from './journal';
import { lockDbPath } from './lockFile';
import { decodeRecords, encodeRecord } from './records';
import { openDurableStore } from './store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'embedded-mongo-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Journals `count` inserts and returns the journal path as it was before the clean shutdown. */
async function writeJournal(count: number): Promise<string> {
  const engine = new Engine();
  const store = await openDurableStore(dir, engine);
  for (let i = 0; i < count; i++)
    await store.append([{ op: 'i', ns: 'db.c', d: { _id: i, v: `value-${i}` } }]);
  const file = readdirSync(dir).find((f) => f.endsWith('.wal'))!;
  const copy = readFileSync(path.join(dir, file));
  await store.close();
  rmSync(path.join(dir, 'snapshot.bson'), { force: true });
  writeFileSync(path.join(dir, file), copy);
  return path.join(dir, file);
}

async function reopen(): Promise<{ engine: Engine; truncated: number; close: () => Promise<void> }> {
  const engine = new Engine();
  const store = await openDurableStore(dir, engine);
  return { engine, truncated: store.recovery.truncatedBytes, close: () => store.close() };
}

describe('record framing', () => {
  it('when a record is cut short or a byte flips, then decoding stops before it', () => {
    const one = Buffer.concat(encodeRecord([{ a: 1 }]));
    const two = Buffer.concat(encodeRecord([{ b: 2 }, { c: 3 }]));
    expect(decodeRecords(Buffer.concat([one, two])).records).toEqual([[{ a: 1 }], [{ b: 2 }, { c: 3 }]]);
    const torn = decodeRecords(Buffer.concat([one, two.subarray(0, two.length - 3)]));
    expect(torn.records).toHaveLength(1);
    expect(torn.damaged).toBe(true);
    expect(torn.validLength).toBe(one.length);
    const flipped = Buffer.concat([one, two]);
    flipped[flipped.length - 2] ^= 0xff;
    expect(decodeRecords(flipped).records).toHaveLength(1);
  });
});

describe('journal recovery', () => {
  it('when the journal ends in a torn record, then recovery keeps the complete records and truncates the tail', async () => {
    const file = await writeJournal(5);
    const size = statSync(file).size;
    truncateSync(file, size - 4);
    const { engine, truncated, close } = await reopen();
    const coll = engine.catalog.get('db', 'c')!;
    expect(coll.size).toBe(4);
    expect(coll.get(recordId(3))).toEqual({ _id: 3, v: 'value-3' });
    expect(truncated).toBeGreaterThan(0);
    await close();
  });

  it('when garbage follows the last record, then it is cut off and later appends are readable', async () => {
    const file = await writeJournal(3);
    appendFileSync(file, Buffer.from('not a record at all, just noise'));
    let opened = await reopen();
    expect(opened.engine.catalog.get('db', 'c')!.size).toBe(3);
    expect(opened.truncated).toBe(31);
    await opened.close();
    opened = await reopen();
    expect(opened.engine.catalog.get('db', 'c')!.size).toBe(3);
    expect(opened.truncated).toBe(0);
    await opened.close();
  });

  it('when a snapshot and later journal files exist, then both are applied in order', async () => {
    const engine = new Engine();
    const store = await openDurableStore(dir, engine);
    await store.append([{ op: 'i', ns: 'db.c', d: { _id: 1, v: 'a' } }]);
    await store.compact();
    await store.append([
      { op: 'u', ns: 'db.c', d: { _id: 1, v: 'b' } },
      { op: 'i', ns: 'db.c', d: { _id: 2 } },
    ]);
    await store.append([{ op: 'ci', ns: 'db.c', spec: { v: 2, key: { v: 1 }, name: 'v_1', unique: true } }]);
    const journals = readdirSync(dir).filter((f) => f.endsWith('.wal'));
    expect(journals).toEqual([journalFileName(2)]);
    const snapshot = readFileSync(path.join(dir, 'snapshot.bson'));
    const files = new Map(readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f))]));
    await store.close();
    for (const f of readdirSync(dir)) rmSync(path.join(dir, f));
    for (const [f, data] of files) if (f !== 'mongod.lock') writeFileSync(path.join(dir, f), data);
    expect(snapshot.length).toBeGreaterThan(0);
    const { engine: recovered, close } = await reopen();
    const coll = recovered.catalog.get('db', 'c')!;
    expect(coll.get(recordId(1))).toEqual({ _id: 1, v: 'b' });
    expect(coll.size).toBe(2);
    expect(coll.indexes.has('v_1')).toBe(true);
    await close();
  });
});

describe('retryable write records', () => {
  it('when a journaled retryable-write reply is replayed, then the retry table knows it after restart', async () => {
    const engine = new Engine();
    const store = await openDurableStore(dir, engine);
    await store.append([
      { op: 'i', ns: 'db.c', d: { _id: 1 } },
      { op: 'rw', session: 'abc', txnNumber: Long.fromNumber(7), reply: { n: 1, ok: 1 }, at: new Date() },
    ]);
    const file = readdirSync(dir).find((f) => f.endsWith('.wal'))!;
    const copy = readFileSync(path.join(dir, file));
    await store.close();
    rmSync(path.join(dir, 'snapshot.bson'));
    writeFileSync(path.join(dir, file), copy);
    const { engine: recovered, close } = await reopen();
    expect(recovered.retryTable.get('abc')).toMatchObject({ txnNumber: 7n, reply: { n: 1, ok: 1 } });
    await close();
  });
});

describe('dbPath lock', () => {
  it('when a second server opens the same dbPath, then it is refused until the first releases it', async () => {
    const lock = await lockDbPath(dir);
    await expect(lockDbPath(dir)).rejects.toThrow(/already in use/);
    await lock.release();
    const again = await lockDbPath(dir);
    await again.release();
  });

  it('when the lock file names a dead process, then the lock is taken over', async () => {
    writeFileSync(path.join(dir, 'mongod.lock'), '999999999\n');
    const lock = await lockDbPath(dir);
    expect(readFileSync(path.join(dir, 'mongod.lock'), 'utf8').trim()).toBe(String(process.pid));
    await lock.release();
  });
});
