/**
 * Validation of documents about to be stored: _id rules, `$`-prefixed names, size limit.
 */
import { ObjectId } from 'bson';
import { bsonSize } from '../bson/size';
import { type Doc, isDocument } from '../bson/values';
import { fail } from '../errors';
import { isRegexValue } from '../query/regex';

export const MAX_BSON_SIZE = 16 * 1024 * 1024;

function checkId(id: unknown): void {
  if (Array.isArray(id)) fail('BadValue', `can't use an array for _id`);
  if (isRegexValue(id)) fail('BadValue', `can't use a regex for _id`);
  if (id === undefined) fail('BadValue', `can't use undefined for _id`);
  if (isDocument(id)) {
    for (const key of Object.keys(id)) {
      if (key.startsWith('$'))
        fail(
          'DollarPrefixedFieldName',
          `_id fields may not contain '$'-prefixed fields: ${key} is not valid for storage.`,
        );
    }
  }
}

/** Throws BSONObjectTooLarge (10334) for documents over 16 MiB. */
export function checkSize(doc: Doc): void {
  // Measured once: the stored document's size then serves the replies that send it.
  const size = bsonSize(doc);
  if (size > MAX_BSON_SIZE)
    fail(
      'BSONObjectTooLarge',
      `object to insert too large. size in bytes: ${size}, max size: ${MAX_BSON_SIZE}`,
    );
}

/**
 * Checks a document for storage. `$`-prefixed field names are storable since MongoDB 5.0
 * (inserts, upserts, pipeline updates); the update paths that refuse them check on their own.
 */
export function validateForStorage(doc: Doc): void {
  checkId(doc._id);
}

/** Returns the document to insert: _id first (generated when absent), validated. */
export function prepareInsert(doc: unknown): Doc {
  if (!isDocument(doc)) return fail('TypeMismatch', 'documents to insert must be objects');
  let out = doc;
  if (doc._id === undefined) out = { _id: new ObjectId(), ...doc };
  else if (Object.keys(doc)[0] !== '_id') {
    const { _id, ...rest } = doc;
    out = { _id, ...rest };
  }
  validateForStorage(out);
  checkSize(out);
  return out;
}
