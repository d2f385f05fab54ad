/**
 * DBRefs arrive from the wire as bson `DBRef` instances, but MongoDB matches them as the
 * documents they are on disk: `{$ref, $id, $db?, ...extra fields}`.
 */
import { type DBRef } from 'bson';

type Doc = Record<string, unknown>;

/** The document form of a DBRef, for matching and path traversal. */
export function dbRefAsDocument(value: unknown): Doc {
  const ref = value as DBRef;
  const doc: Doc = { $ref: ref.collection, $id: ref.oid };
  if (ref.db) doc.$db = ref.db;
  return { ...doc, ...(ref.fields ?? {}) };
}
