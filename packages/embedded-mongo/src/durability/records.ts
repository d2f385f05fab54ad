/**
 * On-disk record framing shared by journal and snapshot files:
 *
 *   u32le payloadLength | u32le crc32(payload) | payload
 *
 * where the payload is one or more BSON documents back to back (so a record may exceed the
 * 16 MiB limit of a single BSON document). A short or mismatching record marks a torn tail.
 */
import { crc32 } from 'node:zlib';
import { BSON } from 'bson';
import { type Doc } from '../bson/values';
import { deserializeOptions } from '../wire/messages';

const HEADER = 8;

/** Frames BSON documents into one record (header + payload buffers, ready for writev). */
export function encodeRecord(docs: Doc[]): Buffer[] {
  const parts = docs.map((d) => {
    const bytes = BSON.serialize(d);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  });
  let length = 0;
  let crc = 0;
  for (const part of parts) {
    length += part.length;
    crc = crc32(part, crc);
  }
  const header = Buffer.alloc(HEADER);
  header.writeUInt32LE(length, 0);
  header.writeUInt32LE(crc >>> 0, 4);
  return [header, ...parts];
}

export interface DecodedRecords {
  records: Doc[][];
  /** Bytes of the buffer holding complete, valid records. */
  validLength: number;
  /** True when bytes after validLength were torn or corrupt. */
  damaged: boolean;
}

function splitDocuments(payload: Buffer): Doc[] | undefined {
  const docs: Doc[] = [];
  let offset = 0;
  while (offset < payload.length) {
    if (offset + 4 > payload.length) return undefined;
    const size = payload.readInt32LE(offset);
    if (size < 5 || offset + size > payload.length) return undefined;
    docs.push(BSON.deserialize(payload.subarray(offset, offset + size), deserializeOptions) as Doc);
    offset += size;
  }
  return docs;
}

/** Decodes every complete record; stops at the first torn or corrupt one. */
export function decodeRecords(buf: Buffer): DecodedRecords {
  const records: Doc[][] = [];
  let offset = 0;
  while (offset < buf.length) {
    if (offset + HEADER > buf.length) break;
    const length = buf.readUInt32LE(offset);
    const expected = buf.readUInt32LE(offset + 4);
    const end = offset + HEADER + length;
    if (end > buf.length) break;
    const payload = buf.subarray(offset + HEADER, end);
    if (crc32(payload) >>> 0 !== expected) break;
    let docs: Doc[] | undefined;
    try {
      docs = splitDocuments(payload);
    } catch {
      docs = undefined;
    }
    if (!docs) break;
    records.push(docs);
    offset = end;
  }
  return { records, validLength: offset, damaged: offset < buf.length };
}
