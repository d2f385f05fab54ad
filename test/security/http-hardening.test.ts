import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../../apps/bff/src/test-support';
import { answerClientError } from '../../apps/bff/src/test-support';
import { call, fillPath, operations, type Operation } from './support/routes';

const ALLOWED = 'https://mini.example.cn';
let t: TestApp;
let ops: Operation[];
beforeAll(async () => {
  t = await startTestApp({ CORS_ORIGINS: ALLOWED, BODY_LIMIT_BYTES: '2048' });
  ops = await operations(t);
});
afterAll(() => t.close());

const HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

describe('every route, anonymously', () => {
  it('when any route is called, then the security headers are present whatever the status', async () => {
    for (const op of ops) {
      const res = await call(t, op.method, fillPath(op)).set('Origin', 'https://evil.example');
      for (const [name, value] of Object.entries(HEADERS)) {
        expect({ route: op.id, [name]: res.headers[name] }).toEqual({ route: op.id, [name]: value });
      }
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.headers['x-request-id']).toBeTruthy();
    }
    expect(ops.length).toBeGreaterThan(10);
  });

  it('when a browser from an unlisted origin calls or preflights any route, then no CORS grant is given', async () => {
    for (const op of ops) {
      const url = fillPath(op);
      const pre = await t.http
        .options(url)
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', op.method.toUpperCase());
      expect({ route: op.id, acao: pre.headers['access-control-allow-origin'] }).toEqual({
        route: op.id,
        acao: undefined,
      });
      const res = await call(t, op.method, url).set('Origin', 'https://evil.example');
      expect({ route: op.id, acao: res.headers['access-control-allow-origin'] }).toEqual({
        route: op.id,
        acao: undefined,
      });
    }
  });

  it('when a browser from the configured origin preflights any route, then exactly that origin is granted', async () => {
    for (const op of ops) {
      const pre = await t.http
        .options(fillPath(op))
        .set('Origin', ALLOWED)
        .set('Access-Control-Request-Method', op.method.toUpperCase());
      expect({ route: op.id, acao: pre.headers['access-control-allow-origin'] }).toEqual({
        route: op.id,
        acao: ALLOWED,
      });
      expect(pre.headers['access-control-allow-credentials']).toBeUndefined();
    }
  });

  it('when a body over the configured limit is sent to any route taking one, then 413 in the error envelope', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(4096) });
    const withBody = ops.filter((op) => op.body);
    for (const op of withBody) {
      const res = await call(t, op.method, fillPath(op)).set('Content-Type', 'application/json').send(big);
      expect({ route: op.id, status: res.status, code: res.body.error?.code }).toEqual({
        route: op.id,
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
      });
    }
    expect(withBody.length).toBeGreaterThan(5);
  });

  it('when a chunked body without a length goes over the limit, then it is cut off with 413', async () => {
    const server = createServer(t.app.callback()).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        { port, method: 'POST', path: '/api/auth/otp', headers: { 'Content-Type': 'application/json' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      // No Content-Length: node sends chunks, so only the streaming limit can stop it.
      for (let i = 0; i < 10; i += 1) req.write(`{"phone":"${'1'.repeat(1000)}`);
      req.end('"}');
    });
    server.close();
    expect(status).toBe(413);
  });

  it('when a URL is longer than Node accepts, then the server answers 431 in the error envelope, not a bare status line', async () => {
    const server = createServer(t.app.callback()).listen(0, '127.0.0.1');
    server.on('clientError', answerClientError);
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/api/trips?q=${'x'.repeat(40_000)}`);
    server.close();
    expect(res.status).toBe(431);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_ERROR');
  });
});
