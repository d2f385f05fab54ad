import Koa from 'koa';
import request from 'supertest';
import { corsFor } from './cors';

const ALLOWED = 'https://h5.fugong.example';

function http() {
  const app = new Koa();
  app.use(corsFor([ALLOWED]));
  app.use((ctx) => {
    ctx.body = { ok: true };
  });
  return request(app.callback());
}

describe('CORS for the browser build', () => {
  it('answers a request without Origin (the WeChat runtime) with Vary: Origin and no CORS grant', async () => {
    const res = await http().get('/api/pass/token');
    expect(res.status).toBe(200);
    expect(res.headers.vary).toBe('Origin');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('grants a configured origin, exposing the request id, and no other origin', async () => {
    const allowed = await http().get('/api/pass/token').set('Origin', ALLOWED);
    expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(allowed.headers['access-control-expose-headers']).toContain('X-Request-Id');
    expect(allowed.headers.vary).toBe('Origin');
    const other = await http().get('/api/pass/token').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
