import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import { pullLines, type LineSource } from './pull-stream';

/** Lines answered from memory, as a cursor answers from a batch it already fetched. */
function memoryLines(count: number): LineSource & { closed: number; served: number } {
  const src = {
    closed: 0,
    served: 0,
    next: async () => (src.served < count ? `${src.served},余姚批量企业${src.served++},新增,\r\n` : null),
    close: async () => {
      src.closed += 1;
    },
  };
  return src;
}

/** Serves `body` once as Koa does (a pipeline into the response) and reads it back; after `stopAfter` bytes the client hangs up. */
async function download(body: Readable, stopAfter = Infinity): Promise<string> {
  const server = http.createServer((_req, res) => pipeline(body, res, () => undefined));
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let got = 0;
      const stalled = setTimeout(() => reject(new Error(`download stalled after ${got} bytes`)), 10_000);
      http
        .get({ port, host: '127.0.0.1', path: '/' }, (res) => {
          res.on('data', (c: Buffer) => {
            chunks.push(c);
            got += c.length;
            if (got >= stopAfter) {
              clearTimeout(stalled);
              res.destroy();
              resolve(Buffer.concat(chunks).toString('utf8'));
            }
          });
          res.on('end', () => {
            clearTimeout(stalled);
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
        })
        .on('error', reject);
    });
  } finally {
    server.closeAllConnections();
    await new Promise((closed) => server.close(closed));
  }
}

describe('pulled download body', () => {
  it('when 30,000 Chinese lines come from memory, then every line reaches the client (the form that once stopped at 64 KB on Node 24) and the source is closed', async () => {
    const src = memoryLines(30_000);
    const text = await download(pullLines('\ufeff行号,企业名称,结果,原因\r\n', src));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('\ufeff行号,企业名称,结果,原因');
    expect(lines[30_000]).toBe('29999,余姚批量企业29999,新增,');
    expect(lines.filter((l) => l.endsWith(',新增,'))).toHaveLength(30_000);
    expect(src.closed).toBe(1);
  });

  it('when the client hangs up part way, then the source is closed and not read to the end', async () => {
    const src = memoryLines(200_000);
    await download(pullLines('', src), 64 * 1024);
    await new Promise((r) => setTimeout(r, 50));
    expect(src.closed).toBe(1);
    expect(src.served).toBeLessThan(200_000);
  });
});
