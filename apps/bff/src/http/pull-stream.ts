import { Readable } from 'node:stream';

/**
 * A download body pulled from its source one chunk at a time: each time the response wants more,
 * `next()` is asked for the next chunk (null: the end), so a slow client slows the database reads
 * and a long list never sits in memory. `close()` runs when the body ends or is abandoned (a
 * client that hangs up), so the database cursor behind it is released either way.
 *
 * Why not `Readable.from(asyncGenerator)`: while the source answers from memory (a cursor handing
 * out a batch it already fetched), that loop writes chunk after chunk to the response within one
 * run of promise callbacks. A response corks itself on the first write of a tick and uncorks on
 * the next one; on Node 24 the corked burst passes the response's high-water mark, the write is
 * refused, and after the uncork sends it all the response never emits 'drain': the download
 * stops after about 64 KB. Pushing once per `read()` lets the stream ask for the next chunk from
 * the tick queue, after the uncork. Chunks are bytes, not strings: the socket counts a string in
 * characters, the response counts it in UTF-8 bytes, and Chinese text makes the two disagree on
 * whether the mark was passed.
 */
export function pullStream(next: () => Promise<Buffer | null>, close: () => Promise<void>): Readable {
  return new Readable({
    read() {
      next().then(
        (chunk) => this.push(chunk),
        (err: Error) => this.destroy(err),
      );
    },
    destroy(err, done) {
      close().then(
        () => done(err),
        (closeErr: Error) => done(err ?? closeErr),
      );
    },
  });
}

/** A source of text lines: `next()` gives the next line or null at the end. */
export interface LineSource {
  next(): Promise<string | null>;
  close(): Promise<void>;
}

/** Text lines gathered into chunks of about this many characters: one write per chunk, not per row. */
const CHUNK_CHARS = 16 * 1024;

/** A text download (`head` first, then every line of `lines`) as a pulled stream of UTF-8 chunks. */
export function pullLines(head: string, lines: LineSource): Readable {
  let text = head;
  let ended = false;
  return pullStream(
    async () => {
      while (!ended && text.length < CHUNK_CHARS) {
        const line = await lines.next();
        if (line === null) ended = true;
        else text += line;
      }
      if (text === '') return null;
      const chunk = Buffer.from(text, 'utf8');
      text = '';
      return chunk;
    },
    () => lines.close(),
  );
}
