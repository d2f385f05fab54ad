/**
 * createIndexes, listIndexes, dropIndexes with mongod's conflict rules: the same spec again is a
 * no-op, the same name with another spec is IndexKeySpecsConflict (86), the same key under
 * another name or with other options is IndexOptionsConflict (85).
 */
import { parseCollation } from '../bson/collation';
import { canonicalKey } from '../bson/keys';
import { type Doc, isDocument, toNumber } from '../bson/values';
import { ErrorCodes, fail, MongoServerError, toServerError } from '../errors';
import { validateCollectionName } from '../engine/catalog';
import { type CollectionIndex, defaultIndexName, type IndexSpec } from '../storage/collectionIndex';
import { ID_INDEX_NAME } from '../storage/collection';
import { type CommandContext, cursorReply, ensureCollection, optionalInt } from './context';

const allowedOptions = new Set([
  'key',
  'name',
  'unique',
  'sparse',
  'partialFilterExpression',
  'expireAfterSeconds',
  'background',
  'hidden',
  'v',
  'weights',
  'default_language',
  'language_override',
  'textIndexVersion',
  '2dsphereIndexVersion',
  'bits',
  'min',
  'max',
  'storageEngine',
  'collation',
  'wildcardProjection',
  'ns',
]);
const comparedOptions = ['unique', 'sparse', 'partialFilterExpression', 'expireAfterSeconds', 'collation'];
const keyTypes = new Set(['text', '2dsphere', '2d', 'hashed']);

/**
 * The spec's collation as mongod stores it: the full ICU spec, none for {locale: 'simple'},
 * the collection's default when the spec names none.
 */
function normalizeCollation(spec: IndexSpec, collectionDefault: unknown): void {
  const collation = parseCollation(spec.collation ?? collectionDefault);
  if (collation) spec.collation = { ...collation.spec };
  else delete spec.collation;
}

function normalizeSpec(raw: unknown): IndexSpec {
  if (!isDocument(raw)) fail('TypeMismatch', 'index specification must be an object');
  for (const option of Object.keys(raw)) {
    if (!allowedOptions.has(option))
      fail(
        'InvalidIndexSpecificationOption',
        `The field '${option}' is not valid for an index specification. Specification: ${JSON.stringify(raw)}`,
      );
  }
  const key = raw.key;
  if (!isDocument(key) || Object.keys(key).length === 0)
    fail('CannotCreateIndex', 'Index keys cannot be empty.');
  for (const [field, dir] of Object.entries(key)) {
    const n = toNumber(dir);
    const valid =
      (n !== undefined && n !== 0 && Number.isFinite(n)) || (typeof dir === 'string' && keyTypes.has(dir));
    if (!valid)
      fail(
        'CannotCreateIndex',
        `Values in the index key pattern can only be numbers or 'text', '2dsphere', '2d', 'hashed'; bad field ${field}`,
      );
  }
  if (raw.expireAfterSeconds !== undefined) {
    const seconds = toNumber(raw.expireAfterSeconds);
    if (seconds === undefined || seconds < 0)
      fail('CannotCreateIndex', "TTL index 'expireAfterSeconds' option must be a non-negative number");
  }
  const name = raw.name === undefined ? defaultIndexName(key) : raw.name;
  if (typeof name !== 'string' || name.length === 0)
    fail('CannotCreateIndex', 'The index name cannot be empty');
  const { key: _key, name: _name, v: _v, background: _bg, ns: _ns, ...options } = raw;
  const spec: IndexSpec = { v: 2, key: { ...key }, name };
  for (const [k, v] of Object.entries(options)) if (v !== false || k === 'hidden') spec[k] = v;
  if (spec.unique === false) delete spec.unique;
  if (Object.values(key).includes('text')) textSpec(spec, key);
  return spec;
}

const TEXT_LANGUAGES = new Set(['none', 'english', 'en']);

/** A text index as mongod stores it: key {_fts: 'text', _ftsx: 1}, weights per field, v3. */
function textSpec(spec: IndexSpec, key: Doc): void {
  const weights: Doc = {};
  const given = isDocument(spec.weights) ? spec.weights : {};
  for (const [field, dir] of Object.entries(key)) if (dir === 'text') weights[field] = 1;
  for (const [field, w] of Object.entries(given)) {
    const n = toNumber(w);
    if (n === undefined || n <= 0 || n >= 100_000 || !Number.isInteger(n))
      fail(
        'CannotCreateIndex',
        `text index weights must be integers in [1, 99999], got ${String(w)} for ${field}`,
      );
    weights[field] = n;
  }
  const lang = spec.default_language ?? 'english';
  if (typeof lang !== 'string' || !TEXT_LANGUAGES.has(lang))
    fail(
      'CommandNotSupported',
      `text index default_language '${String(lang)}' is not supported by embedded-mongo (none, english)`,
    );
  const prefix = Object.keys(key).filter((k) => key[k] !== 'text');
  if (prefix.length > 0)
    fail('CommandNotSupported', 'compound text indexes are not supported by embedded-mongo');
  spec.key = { _fts: 'text', _ftsx: 1 };
  spec.weights = weights;
  spec.default_language = lang;
  spec.language_override = typeof spec.language_override === 'string' ? spec.language_override : 'language';
  spec.textIndexVersion = 3;
}

function optionsKey(spec: Doc): string {
  return canonicalKey(comparedOptions.map((o) => spec[o] ?? null));
}

/** Returns true if the spec already exists identically; throws 85/86 on conflicts. */
function checkExisting(indexes: Iterable<CollectionIndex>, spec: IndexSpec): boolean {
  for (const index of indexes) {
    const sameName = index.name === spec.name;
    const sameKey = canonicalKey(index.spec.key) === canonicalKey(spec.key);
    const sameOptions = optionsKey(index.spec) === optionsKey(spec);
    if (sameName && sameKey && sameOptions) return true;
    if (sameName) {
      throw new MongoServerError(
        'IndexKeySpecsConflict',
        `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(index.spec)}`,
      );
    }
    const samePartial =
      canonicalKey(index.spec.partialFilterExpression ?? null) ===
        canonicalKey(spec.partialFilterExpression ?? null) &&
      canonicalKey(index.spec.collation ?? null) === canonicalKey(spec.collation ?? null);
    if (sameKey && samePartial) {
      if (sameOptions)
        throw new MongoServerError(
          'IndexOptionsConflict',
          `Index already exists with a different name: ${index.name}`,
        );
      throw new MongoServerError(
        'IndexOptionsConflict',
        `An equivalent index already exists with the same name but different options. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(index.spec)}`,
      );
    }
  }
  return false;
}

/** createIndexes: {createIndexes: coll, indexes: [...]}. */
export async function createIndexesCommand(ctx: CommandContext): Promise<Doc> {
  const name = ctx.cmd.createIndexes;
  validateCollectionName(ctx.db, name);
  const raw = ctx.cmd.indexes;
  if (!Array.isArray(raw) || raw.length === 0) fail('BadValue', 'Must specify at least one index to create');
  const specs = raw.map(normalizeSpec);
  const pending: Promise<void>[] = [];
  const createdCollectionAutomatically = !ctx.engine.catalog.get(ctx.db, name);
  const coll = ensureCollection(ctx, name, pending);
  for (const spec of specs) normalizeCollation(spec, coll.options.collation);
  const numIndexesBefore = coll.indexes.size;
  const fresh: IndexSpec[] = [];
  for (const spec of specs) {
    if (spec.name === ID_INDEX_NAME && canonicalKey(spec.key) === canonicalKey({ _id: 1 })) continue;
    if (checkExisting([...coll.indexes.values()], spec)) continue;
    if (fresh.some((f) => f.name === spec.name))
      fail('IndexKeySpecsConflict', `index ${spec.name} specified twice`);
    fresh.push(spec);
  }
  for (const spec of fresh) {
    try {
      coll.addIndex(spec);
    } catch (err) {
      const e = toServerError(err);
      if (e.code !== ErrorCodes.DuplicateKey) throw e;
      throw new MongoServerError('DuplicateKey', `Index build failed: ${coll.ns}: ${e.message}`, e.extra);
    }
    pending.push(ctx.engine.journal([{ op: 'ci', ns: coll.ns, spec }]));
  }
  await Promise.all(pending);
  const reply: Doc = {
    numIndexesBefore,
    numIndexesAfter: coll.indexes.size,
    createdCollectionAutomatically,
    ok: 1,
  };
  if (fresh.length === 0) reply.note = 'all indexes already exist';
  return reply;
}

/** listIndexes: {listIndexes: coll}; a missing collection is NamespaceNotFound (26). */
export function listIndexesCommand(ctx: CommandContext): Doc {
  const name = ctx.cmd.listIndexes;
  validateCollectionName(ctx.db, name);
  const coll = ctx.engine.catalog.get(ctx.db, name);
  if (!coll) throw new MongoServerError('NamespaceNotFound', `ns does not exist: ${ctx.db}.${name}`);
  const specs = [...coll.indexes.values()].map((i) => ({ ...i.spec }));
  const cursorSpec = isDocument(ctx.cmd.cursor) ? ctx.cmd.cursor : {};
  const batch = ctx.server.cursors.open(
    { ns: coll.ns, items: specs, produce: (d) => d },
    optionalInt(cursorSpec, 'batchSize'),
  );
  return cursorReply(batch, 'firstBatch');
}

/** dropIndexes: {dropIndexes: coll, index: name | keyPattern | '*' | [names]}. */
export async function dropIndexesCommand(ctx: CommandContext): Promise<Doc> {
  const name = ctx.cmd.dropIndexes ?? ctx.cmd.deleteIndexes;
  validateCollectionName(ctx.db, name);
  const coll = ctx.engine.catalog.get(ctx.db, name);
  if (!coll) throw new MongoServerError('NamespaceNotFound', `ns not found ${ctx.db}.${name}`);
  const nIndexesWas = coll.indexes.size;
  const which = ctx.cmd.index;
  let names: string[];
  if (which === '*') names = [...coll.indexes.keys()].filter((n) => n !== ID_INDEX_NAME);
  else if (typeof which === 'string') names = [which];
  else if (Array.isArray(which)) names = which.map(String);
  else if (isDocument(which)) {
    const match = [...coll.indexes.values()].find((i) => canonicalKey(i.spec.key) === canonicalKey(which));
    if (!match)
      throw new MongoServerError('IndexNotFound', `can't find index with key: ${JSON.stringify(which)}`);
    names = [match.name];
  } else return fail('BadValue', 'invalid index specification');
  for (const n of names) {
    if (n === ID_INDEX_NAME) fail('InvalidOptions', 'cannot drop _id index');
    if (!coll.indexes.has(n)) throw new MongoServerError('IndexNotFound', `index not found with name [${n}]`);
  }
  for (const n of names) coll.dropIndex(n);
  await ctx.engine.journal(names.map((n) => ({ op: 'di' as const, ns: coll.ns, name: n })));
  return { nIndexesWas, ok: 1 };
}
