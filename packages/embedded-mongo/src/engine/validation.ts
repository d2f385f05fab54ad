/**
 * Collection validators (`create`/`collMod` `validator`, `validationLevel`, `validationAction`)
 * and capped collections' eviction. A failed validation is DocumentValidationFailure (121)
 * with errInfo shaped like mongod's: {failingDocumentId, details: {operatorName, …}}.
 */
import { bsonSize } from '../bson/size';
import { type Doc, isDocument } from '../bson/values';
import { MongoServerError } from '../errors';
import { checkSchema } from '../query/jsonSchema';
import { compileFilter, type Matcher } from '../query/matcher';
import { type Collection } from '../storage/collection';

const compiled = new WeakMap<Doc, Matcher>();

function validatorMatcher(validator: Doc): Matcher {
  let m = compiled.get(validator);
  if (!m) {
    m = compileFilter(validator);
    compiled.set(validator, m);
  }
  return m;
}

/** Checks a validator expression when it is set (create, collMod): unknown operators fail there. */
export function compileValidator(validator: unknown): void {
  if (!isDocument(validator)) throw new MongoServerError('TypeMismatch', "'validator' must be an object");
  for (const op of ['$near', '$nearSphere', '$text', '$where'])
    if (JSON.stringify(validator).includes(`"${op}"`))
      throw new MongoServerError('InvalidOptions', `${op} is not allowed inside of a validator`);
  validatorMatcher(validator);
}

const COMPARISONS: Record<string, true> = {
  $eq: true,
  $ne: true,
  $gt: true,
  $gte: true,
  $lt: true,
  $lte: true,
};

/** mongod's details for one unsatisfied top-level clause (field conditions and $jsonSchema). */
function clauseDetails(key: string, value: unknown, doc: Doc): Doc {
  if (key === '$jsonSchema' && isDocument(value)) {
    const out: Doc = { operatorName: '$jsonSchema' };
    if (typeof value.title === 'string') out.title = value.title;
    out.schemaRulesNotSatisfied = checkSchema(value, doc);
    return out;
  }
  if (key === '$expr')
    return {
      operatorName: '$expr',
      specifiedAs: { $expr: value },
      reason: 'expression did not match',
      expressionResult: false,
    };
  if (key.startsWith('$')) return { operatorName: key, specifiedAs: { [key]: value } };
  const op = isDocument(value) && Object.keys(value)[0]?.startsWith('$') ? Object.keys(value)[0] : '$eq';
  const out: Doc = { operatorName: op, specifiedAs: { [key]: value } };
  if (doc[key] === undefined && op !== '$exists') out.reason = 'field was missing';
  else {
    out.reason = COMPARISONS[op]
      ? 'comparison failed'
      : op === '$type'
        ? 'type did not match'
        : 'expression did not match';
    out.consideredValue = doc[key];
  }
  return out;
}

/** The errInfo.details of a document the validator refuses. */
export function failureDetails(validator: Doc, doc: Doc): Doc {
  const keys = Object.keys(validator);
  if (keys.length === 1) return clauseDetails(keys[0], validator[keys[0]], doc);
  const clausesNotSatisfied: Doc[] = [];
  keys.forEach((key, index) => {
    if (!compileFilter({ [key]: validator[key] })(doc))
      clausesNotSatisfied.push({ index, details: clauseDetails(key, validator[key], doc) });
  });
  return { operatorName: '$and', clausesNotSatisfied };
}

/**
 * Refuses `doc` when the collection's validator does not accept it. `before` is the stored
 * version an update replaces: under validationLevel 'moderate' an invalid `before` is exempt.
 */
export function validateDocument(coll: Collection, doc: Doc, before: Doc | undefined): void {
  const { validator, validationLevel, validationAction } = coll.options;
  if (!isDocument(validator) || Object.keys(validator).length === 0 || validationLevel === 'off') return;
  const matches = validatorMatcher(validator);
  if (validationLevel === 'moderate' && before !== undefined && !matches(before)) return;
  if (matches(doc) || validationAction === 'warn') return;
  throw new MongoServerError('DocumentValidationFailure', 'Document failed validation', {
    errInfo: { failingDocumentId: doc._id, details: failureDetails(validator, doc) },
  });
}

/**
 * Ids of the oldest documents a capped collection must drop to respect `max` (documents) and
 * `size` (bytes), in insertion order; the newest document always stays.
 */
export function cappedEvictions(coll: Collection): string[] {
  const max = Number(coll.options.max ?? 0);
  const size = Number(coll.options.size ?? 0);
  let count = coll.records.size;
  let bytes = 0;
  if (size > 0) for (const rec of coll.records.values()) bytes += bsonSize(rec.doc);
  const out: string[] = [];
  for (const [id, rec] of coll.records) {
    if (count <= 1) break;
    const over = (max > 0 && count > max) || (size > 0 && bytes > size);
    if (!over) break;
    out.push(id);
    count--;
    bytes -= size > 0 ? bsonSize(rec.doc) : 0;
  }
  return out;
}
