/**
 * MongoDB wire protocol framing: the 16-byte header, OP_QUERY (only for the legacy hello
 * handshake), OP_MSG with kind-0 body and kind-1 document sequences, and the replies.
 */
import { BSON } from 'bson';
import { type Doc } from '../bson/values';

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_COMPRESSED = 2012;
export const OP_MSG = 2013;

export const MSG_CHECKSUM_PRESENT = 1;
export const MSG_MORE_TO_COME = 2;

export const MAX_MESSAGE_SIZE = 48_000_000;

/** How stored and incoming documents are decoded: Longs and BSON regexes stay exact. */
export const deserializeOptions = {
  promoteLongs: false,
  promoteValues: true,
  promoteBuffers: false,
  bsonRegExp: true,
} as const;

export interface IncomingCommand {
  requestId: number;
  opCode: typeof OP_QUERY | typeof OP_MSG;
  /** The command document, with kind-1 sequences attached as array fields. */
  command: Doc;
  /** The database from `$db` (OP_MSG) or the namespace prefix (OP_QUERY). */
  db: string;
  /** OP_MSG moreToCome: the client expects no reply. */
  moreToCome: boolean;
}

export class ProtocolError extends Error {}

/** Parses one complete message (header included); unsupported opcodes throw ProtocolError. */
export function parseMessage(buf: Buffer): IncomingCommand {
  const requestId = buf.readInt32LE(4);
  const opCode = buf.readInt32LE(12);
  if (opCode === OP_MSG) return parseOpMsg(buf, requestId);
  if (opCode === OP_QUERY) return parseOpQuery(buf, requestId);
  throw new ProtocolError(`unsupported wire opcode ${opCode}`);
}

function readDocument(buf: Buffer, offset: number): { doc: Doc; size: number } {
  const size = buf.readInt32LE(offset);
  if (size < 5 || offset + size > buf.length) throw new ProtocolError('malformed BSON document in message');
  const doc = BSON.deserialize(buf.subarray(offset, offset + size), deserializeOptions) as Doc;
  return { doc, size };
}

function parseOpMsg(buf: Buffer, requestId: number): IncomingCommand {
  const flags = buf.readUInt32LE(16);
  const end = flags & MSG_CHECKSUM_PRESENT ? buf.length - 4 : buf.length;
  let offset = 20;
  let body: Doc | undefined;
  const sequences: Array<[string, Doc[]]> = [];
  while (offset < end) {
    const kind = buf[offset++];
    if (kind === 0) {
      const { doc, size } = readDocument(buf, offset);
      body = doc;
      offset += size;
    } else if (kind === 1) {
      const sectionSize = buf.readInt32LE(offset);
      const sectionEnd = offset + sectionSize;
      const nameEnd = buf.indexOf(0, offset + 4);
      const identifier = buf.toString('utf8', offset + 4, nameEnd);
      const docs: Doc[] = [];
      let pos = nameEnd + 1;
      while (pos < sectionEnd) {
        const { doc, size } = readDocument(buf, pos);
        docs.push(doc);
        pos += size;
      }
      sequences.push([identifier, docs]);
      offset = sectionEnd;
    } else {
      throw new ProtocolError(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!body) throw new ProtocolError('OP_MSG without a body section');
  for (const [identifier, docs] of sequences) body[identifier] = docs;
  return {
    requestId,
    opCode: OP_MSG,
    command: body,
    db: typeof body.$db === 'string' ? body.$db : 'admin',
    moreToCome: (flags & MSG_MORE_TO_COME) !== 0,
  };
}

function parseOpQuery(buf: Buffer, requestId: number): IncomingCommand {
  const nameEnd = buf.indexOf(0, 20);
  const fullName = buf.toString('utf8', 20, nameEnd);
  const { doc } = readDocument(buf, nameEnd + 1 + 8);
  const command = doc.$query && typeof doc.$query === 'object' ? (doc.$query as Doc) : doc;
  const dot = fullName.indexOf('.');
  return {
    requestId,
    opCode: OP_QUERY,
    command,
    db: dot > 0 ? fullName.slice(0, dot) : fullName,
    moreToCome: false,
  };
}

let nextResponseId = 1;

/**
 * Where replies are assembled: bson writes the body after the room left for the header, so a
 * reply is copied out once instead of serialized and then concatenated. bson's own scratch is
 * 17 MiB; a body larger than that fails in bson as before (and is answered as an error).
 */
const REPLY_SCRATCH = Buffer.allocUnsafeSlow(17 * 1024 * 1024 + 64);
const OP_MSG_PREFIX = 16 + 5;
const OP_REPLY_PREFIX = 16 + 20;

/** Serializes a reply document for a request, in the request's protocol. */
export function encodeReply(request: IncomingCommand, reply: Doc): Buffer {
  const legacy = request.opCode === OP_QUERY;
  const prefix = legacy ? OP_REPLY_PREFIX : OP_MSG_PREFIX;
  const length =
    BSON.serializeWithBufferAndIndex(reply, REPLY_SCRATCH, { index: prefix, ignoreUndefined: true }) + 1;
  const out = Buffer.allocUnsafe(length);
  out.writeInt32LE(length, 0);
  out.writeInt32LE(nextResponseId++ & 0x7fffffff, 4);
  out.writeInt32LE(request.requestId, 8);
  if (legacy) {
    out.writeInt32LE(OP_REPLY, 12);
    out.writeInt32LE(0, 16); // responseFlags
    out.writeBigInt64LE(0n, 20); // cursorID
    out.writeInt32LE(0, 28); // startingFrom
    out.writeInt32LE(1, 32); // numberReturned
  } else {
    out.writeInt32LE(OP_MSG, 12);
    out.writeUInt32LE(0, 16); // flagBits
    out[20] = 0; // section kind 0: the body
  }
  REPLY_SCRATCH.copy(out, prefix, prefix, length);
  return out;
}
