/**
 * Collection and database commands: create, drop, dropDatabase, listCollections,
 * listDatabases, collStats, dbStats.
 */
import { BSON, UUID } from 'bson';
import { type Doc, isDocument } from '../bson/values';
import { MongoServerError } from '../errors';
import { validateCollectionName, validateDbName } from '../engine/catalog';
import { compileFilter } from '../query/matcher';
import { type Collection } from '../storage/collection';
import { createOptions } from './collectionOptions';
import { type CommandContext, cursorReply, optionalDoc, optionalInt } from './context';

const uuids = new WeakMap<Collection, UUID>();

function uuidOf(coll: Collection): UUID {
  let id = uuids.get(coll);
  if (!id) {
    id = new UUID();
    uuids.set(coll, id);
  }
  return id;
}

/** create: {create: name, ...options}; an existing collection is NamespaceExists (48). */
export async function createCommand(ctx: CommandContext): Promise<Doc> {
  const name = ctx.cmd.create;
  validateCollectionName(ctx.db, name);
  const options = createOptions(ctx.cmd);
  if (ctx.engine.catalog.get(ctx.db, name))
    throw new MongoServerError('NamespaceExists', `Collection ${ctx.db}.${name} already exists.`);
  const coll = ctx.engine.catalog.create(ctx.db, name, options);
  await ctx.engine.journal([{ op: 'c', ns: coll.ns, o: options }]);
  return { ok: 1 };
}

/** drop: {drop: name}; a missing collection is NamespaceNotFound (26). */
export async function dropCommand(ctx: CommandContext): Promise<Doc> {
  const name = ctx.cmd.drop;
  validateCollectionName(ctx.db, name);
  const coll = ctx.engine.catalog.get(ctx.db, name);
  if (!coll) throw new MongoServerError('NamespaceNotFound', 'ns not found');
  const nIndexesWas = coll.indexes.size;
  ctx.engine.catalog.drop(ctx.db, name);
  await ctx.engine.journal([{ op: 'dc', ns: coll.ns }]);
  return { nIndexesWas, ns: coll.ns, ok: 1 };
}

/** dropDatabase: {dropDatabase: 1}. */
export async function dropDatabaseCommand(ctx: CommandContext): Promise<Doc> {
  validateDbName(ctx.db);
  const existed = ctx.engine.catalog.collections(ctx.db).length > 0;
  ctx.engine.catalog.dropDatabase(ctx.db);
  if (existed) await ctx.engine.journal([{ op: 'dd', db: ctx.db }]);
  return { dropped: ctx.db, ok: 1 };
}

/** listCollections: {filter, nameOnly, cursor} → cursor of collection descriptions. */
export function listCollectionsCommand(ctx: CommandContext): Doc {
  const nameOnly = ctx.cmd.nameOnly === true;
  const filter = optionalDoc(ctx.cmd, 'filter');
  const matcher = compileFilter(filter);
  const entries = ctx.engine.catalog
    .collections(ctx.db)
    .map((coll): Doc =>
      nameOnly
        ? { name: coll.name, type: 'collection' }
        : {
            name: coll.name,
            type: 'collection',
            options: { ...coll.options },
            info: { readOnly: false, uuid: uuidOf(coll) },
            idIndex: { v: 2, key: { _id: 1 }, name: '_id_' },
          },
    )
    .filter((entry) => matcher(entry));
  const cursorSpec = isDocument(ctx.cmd.cursor) ? ctx.cmd.cursor : {};
  const batch = ctx.server.cursors.open(
    { ns: `${ctx.db}.$cmd.listCollections`, items: entries, produce: (d) => d },
    optionalInt(cursorSpec, 'batchSize'),
  );
  return cursorReply(batch, 'firstBatch');
}

function dataSize(coll: Collection): number {
  let size = 0;
  for (const rec of coll.records.values()) size += BSON.calculateObjectSize(rec.doc);
  return size;
}

/** listDatabases: {nameOnly, filter} → {databases, totalSize}. */
export function listDatabasesCommand(ctx: CommandContext): Doc {
  const matcher = compileFilter(optionalDoc(ctx.cmd, 'filter'));
  const nameOnly = ctx.cmd.nameOnly === true;
  const databases = ctx.engine.catalog
    .databaseNames()
    .map((name): Doc => {
      if (nameOnly) return { name };
      const size = ctx.engine.catalog.collections(name).reduce((sum, c) => sum + dataSize(c), 0);
      return { name, sizeOnDisk: size, empty: size === 0 };
    })
    .filter((d) => matcher(d));
  const totalSize = databases.reduce((sum, d) => sum + Number(d.sizeOnDisk ?? 0), 0);
  return nameOnly
    ? { databases, ok: 1 }
    : { databases, totalSize, totalSizeMb: Math.floor(totalSize / 1048576), ok: 1 };
}

/** collStats: basic counts and sizes for one collection. */
export function collStatsCommand(ctx: CommandContext): Doc {
  const name = ctx.cmd.collStats;
  validateCollectionName(ctx.db, name);
  const coll = ctx.engine.catalog.get(ctx.db, name);
  if (!coll) throw new MongoServerError('NamespaceNotFound', `Collection [${ctx.db}.${name}] not found.`);
  const size = dataSize(coll);
  const indexSizes: Doc = {};
  for (const index of coll.indexes.values()) indexSizes[index.name] = index.ordered.size * 64;
  const totalIndexSize = Object.values(indexSizes).reduce((a: number, b) => a + Number(b), 0);
  return {
    ns: coll.ns,
    count: coll.size,
    size,
    avgObjSize: coll.size ? Math.floor(size / coll.size) : 0,
    storageSize: size,
    nindexes: coll.indexes.size,
    totalIndexSize,
    totalSize: size + totalIndexSize,
    indexSizes,
    ok: 1,
  };
}

/** dbStats: basic counts and sizes for the database. */
export function dbStatsCommand(ctx: CommandContext): Doc {
  validateDbName(ctx.db);
  const colls = ctx.engine.catalog.collections(ctx.db);
  const objects = colls.reduce((sum, c) => sum + c.size, 0);
  const size = colls.reduce((sum, c) => sum + dataSize(c), 0);
  const indexes = colls.reduce((sum, c) => sum + c.indexes.size, 0);
  return {
    db: ctx.db,
    collections: colls.length,
    views: 0,
    objects,
    avgObjSize: objects ? size / objects : 0,
    dataSize: size,
    storageSize: size,
    indexes,
    indexSize: colls.reduce(
      (sum, c) => sum + [...c.indexes.values()].reduce((s, i) => s + i.ordered.size * 64, 0),
      0,
    ),
    totalSize: size,
    scaleFactor: 1,
    ok: 1,
  };
}
