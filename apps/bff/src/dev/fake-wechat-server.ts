import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for WeChat's jscode2session on loopback, for tests and the offline demo.
 * It is a real HTTP server, so the production code path (fetch, parse, errors) is exercised.
 * Any code maps to a stable openid derived from it; codes starting with "bad" are rejected
 * the way WeChat rejects an invalid code (errcode 40029).
 */
export async function startFakeWechat(port = 0): Promise<{ url: string; stop: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('Content-Type', 'application/json');
    if (url.pathname !== '/sns/jscode2session') {
      res.statusCode = 404;
      res.end(JSON.stringify({ errcode: -1, errmsg: 'not found' }));
      return;
    }
    const code = url.searchParams.get('js_code') ?? '';
    if (!code || code.startsWith('bad')) {
      res.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }));
      return;
    }
    const openid = `o${createHash('sha256').update(code).digest('base64url').slice(0, 27)}`;
    res.end(JSON.stringify({ openid, session_key: 'fake-session-key' }));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
