/**
 * The options `create` accepts (collation, validator, validationLevel/Action, capped/size/max)
 * and `collMod`, which changes a collection's validator and its indexes' `hidden` and
 * `expireAfterSeconds`. Options mongod has but this package does not implement are refused
 * with CommandNotSupported (115).
 */
import { parseCollation } from '../bson/collation';
import { type Doc, isDocument, toNumber } from '../bson/values';
import { fail, MongoServerError } from '../errors';
import { validateCollectionName } from '../engine/catalog';
import { compileValidator } from '../engine/validation';
import { type CommandContext } from './context';

/** Refused `create` options (listed in the README). */
export const UNSUPPORTED_CREATE_OPTIONS = [
  'viewOn',
  'pipeline',
  'timeseries',
  'clusteredIndex',
  'changeStreamPreAndPostImages',
  'expireAfterSeconds',
  'encryptedFields',
];

const LEVELS = ['off', 'strict', 'moderate'];
const ACTIONS = ['error', 'warn'];

function readValidation(cmd: Doc, out: Doc): void {
  if (cmd.validator !== undefined) {
    compileValidator(cmd.validator);
    out.validator = cmd.validator;
  }
  if (cmd.validationLevel !== undefined) {
    if (!LEVELS.includes(String(cmd.validationLevel)))
      fail(
        'BadValue',
        `Enumeration value '${String(cmd.validationLevel)}' for field 'validationLevel' is not a valid value.`,
      );
    out.validationLevel = cmd.validationLevel;
  }
  if (cmd.validationAction !== undefined) {
    if (!ACTIONS.includes(String(cmd.validationAction)))
      fail(
        'BadValue',
        `Enumeration value '${String(cmd.validationAction)}' for field 'validationAction' is not a valid value.`,
      );
    out.validationAction = cmd.validationAction;
  }
}

/** The stored options of a new collection, as listCollections reports them. */
export function createOptions(cmd: Doc): Doc {
  for (const option of UNSUPPORTED_CREATE_OPTIONS) {
    if (cmd[option] !== undefined && cmd[option] !== false)
      fail('CommandNotSupported', `create with option '${option}' is not supported by embedded-mongo`);
  }
  const out: Doc = {};
  if (cmd.capped === true) {
    const size = toNumber(cmd.size);
    if (size === undefined || size <= 0)
      fail('InvalidOptions', "the 'size' field is required when 'capped' is true");
    out.capped = true;
    out.size = size;
    const max = toNumber(cmd.max);
    if (max !== undefined && max > 0) out.max = max;
  } else if (cmd.size !== undefined || cmd.max !== undefined) {
    fail('InvalidOptions', "the 'size' and 'max' fields only apply to capped collections");
  }
  readValidation(cmd, out);
  const collation = parseCollation(cmd.collation);
  if (collation) out.collation = { ...collation.spec };
  return out;
}

function modIndex(
  ctx: CommandContext,
  coll: NonNullable<ReturnType<typeof ctx.engine.catalog.get>>,
  spec: Doc,
): Doc {
  const index =
    typeof spec.name === 'string'
      ? coll.indexes.get(spec.name)
      : [...coll.indexes.values()].find(
          (i) =>
            isDocument(spec.keyPattern) && JSON.stringify(i.spec.key) === JSON.stringify(spec.keyPattern),
        );
  if (!index)
    throw new MongoServerError(
      'IndexNotFound',
      `cannot find index ${JSON.stringify(spec.name ?? spec.keyPattern)} for ns ${coll.ns}`,
    );
  const result: Doc = {};
  if (spec.hidden !== undefined) {
    if (index.name === '_id_') fail('BadValue', "can't hide _id index");
    result.hidden_old = index.spec.hidden === true;
    result.hidden_new = spec.hidden === true;
    if (spec.hidden === true) index.spec.hidden = true;
    else delete index.spec.hidden;
  }
  if (spec.expireAfterSeconds !== undefined) {
    if (index.spec.expireAfterSeconds === undefined)
      fail('InvalidOptions', 'no expireAfterSeconds field to update');
    const seconds = toNumber(spec.expireAfterSeconds);
    if (seconds === undefined || seconds < 0)
      fail('BadValue', 'expireAfterSeconds must be a non-negative number');
    result.expireAfterSeconds_old = index.spec.expireAfterSeconds;
    result.expireAfterSeconds_new = seconds;
    index.spec.expireAfterSeconds = seconds;
  }
  return result;
}

/** collMod: {collMod, validator, validationLevel, validationAction, index: {name|keyPattern, hidden, expireAfterSeconds}}. */
export async function collModCommand(ctx: CommandContext): Promise<Doc> {
  const name = ctx.cmd.collMod;
  validateCollectionName(ctx.db, name);
  const coll = ctx.engine.catalog.get(ctx.db, name);
  if (!coll) throw new MongoServerError('NamespaceNotFound', `ns does not exist: ${ctx.db}.${name}`);
  for (const option of Object.keys(ctx.cmd)) {
    if (
      [
        'collMod',
        'validator',
        'validationLevel',
        'validationAction',
        'index',
        'writeConcern',
        'comment',
        'lsid',
        '$db',
        '$clusterTime',
        'txnNumber',
        '$readPreference',
      ].includes(option)
    )
      continue;
    fail('CommandNotSupported', `collMod option '${option}' is not supported by embedded-mongo`);
  }
  const changed: Doc = {};
  readValidation(ctx.cmd, changed);
  const reply: Doc = {};
  if (isDocument(ctx.cmd.index)) Object.assign(reply, modIndex(ctx, coll, ctx.cmd.index));
  coll.options = { ...coll.options, ...changed };
  if (isDocument(changed.validator) && Object.keys(changed.validator).length === 0)
    delete coll.options.validator;
  const ops: Parameters<typeof ctx.engine.journal>[0] = [{ op: 'co', ns: coll.ns, o: coll.options }];
  if (isDocument(ctx.cmd.index))
    for (const index of coll.indexes.values()) ops.push({ op: 'mi', ns: coll.ns, spec: index.spec });
  await ctx.engine.journal(ops);
  return { ...reply, ok: 1 };
}
