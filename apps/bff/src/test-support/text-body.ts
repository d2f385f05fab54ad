import type { Response } from 'superagent';

/**
 * A supertest parser that keeps a download's body as UTF-8 text, BOM included (supertest leaves
 * text/csv unparsed): `.buffer(true).parse(textBody)`.
 */
export function textBody(res: Response, cb: (err: Error | null, body: string) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks).toString('utf8')));
}
