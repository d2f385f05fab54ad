/**
 * BSON sizes of documents, remembered per object. Stored documents are never changed in place
 * (a write stores a new document), so the size measured when one is written serves every later
 * reply that sends it as it is and every capped-collection size sum. Only for documents that
 * are not changed after being measured.
 */
import { BSON } from 'bson';
import { type Doc } from './values';

const sizes = new WeakMap<Doc, number>();

/** The document's BSON size, measured once per object. */
export function bsonSize(doc: Doc): number {
  let n = sizes.get(doc);
  if (n === undefined) {
    n = BSON.calculateObjectSize(doc);
    sizes.set(doc, n);
  }
  return n;
}
