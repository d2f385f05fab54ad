import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A subscribe message as the fake received it (what WeChat would show the person). */
export interface FakeSubscribeMessage {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
}

const FAKE_APP = { appid: 'touristappid', token: 'fake-access-token' };

/**
 * A stand-in for WeChat's server API on loopback, for tests and the offline demo. It is a real
 * HTTP server, so the production code path (fetch, parse, errors) is exercised:
 * - `sns/jscode2session`: any code maps to a stable openid derived from it; codes starting with
 *   "bad" are rejected the way WeChat rejects an invalid code (errcode 40029);
 * - `cgi-bin/token`: an access token for appid `touristappid` (40013 for another appid);
 * - `cgi-bin/message/subscribe/send`: records the message; a `touser` starting with "unsub" gets
 *   43101 (the person has not subscribed), a wrong token 40001.
 */
export async function startFakeWechat(port = 0): Promise<{
  url: string;
  subscribeMessages: FakeSubscribeMessage[];
  tokenRequests: () => number;
  stop: () => Promise<void>;
}> {
  const subscribeMessages: FakeSubscribeMessage[] = [];
  let tokenRequests = 0;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('Content-Type', 'application/json');
    const reply = (body: object) => res.end(JSON.stringify(body));
    if (url.pathname === '/sns/jscode2session') {
      const code = url.searchParams.get('js_code') ?? '';
      if (!code || code.startsWith('bad')) return reply({ errcode: 40029, errmsg: 'invalid code' });
      const openid = `o${createHash('sha256').update(code).digest('base64url').slice(0, 27)}`;
      return reply({ openid, session_key: 'fake-session-key' });
    }
    if (url.pathname === '/cgi-bin/token') {
      tokenRequests += 1;
      if (url.searchParams.get('appid') !== FAKE_APP.appid)
        return reply({ errcode: 40013, errmsg: 'invalid appid' });
      return reply({ access_token: FAKE_APP.token, expires_in: 7200 });
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') {
      if (url.searchParams.get('access_token') !== FAKE_APP.token)
        return reply({ errcode: 40001, errmsg: 'invalid credential' });
      void readJson(req).then((msg) => {
        const m = msg as FakeSubscribeMessage;
        if (m.touser?.startsWith('unsub'))
          return reply({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
        subscribeMessages.push(m);
        reply({ errcode: 0, errmsg: 'ok' });
      });
      return;
    }
    res.statusCode = 404;
    reply({ errcode: -1, errmsg: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    subscribeMessages,
    tokenRequests: () => tokenRequests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return {};
  }
}
