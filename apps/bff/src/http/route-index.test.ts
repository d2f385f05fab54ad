import Koa from 'koa';
import request from 'supertest';
import { indexedRoutes, staticPrefix } from './route-index';
import { jsonBody } from './json-body';

type Mount = [method: 'get' | 'post', path: string, answer: string];

/** A bare app serving `mounts` through indexedRoutes, each route answering its `answer`. */
function appOf(mounts: Mount[]) {
  const app = new Koa();
  app.use(jsonBody(1024));
  app.use(
    indexedRoutes((routerFor) =>
      mounts.forEach(([method, path, answer]) =>
        routerFor(path)[method](path, (ctx) => {
          ctx.body = { answer, params: ctx.params, body: ctx.state.body ?? null };
        }),
      ),
    ),
  );
  return request(app.callback());
}

const MODULE_ROUTES: Mount[] = [
  ['get', '/api/trips/mine', 'my trips'],
  ['get', '/api/trips/:id', 'one trip'],
  ['post', '/api/trips/:id/book', 'book'],
  ['get', '/api/pass/token', 'token'],
];

describe('routes looked up by the start of their path', () => {
  it('names the first two segments of a static start, and none when a parameter starts it', () => {
    expect(staticPrefix('/api/Pass/token')).toBe('/api/pass');
    expect(staticPrefix('/api/openapi.json')).toBe('/api/openapi.json');
    expect(staticPrefix('/api/:module/x')).toBeNull();
    expect(staticPrefix('/health')).toBeNull();
  });

  it('answers as one router did: a literal path before /:id, parameters, any letter case, a trailing slash', async () => {
    const http = appOf(MODULE_ROUTES);
    expect((await http.get('/api/trips/mine')).body.answer).toBe('my trips');
    expect((await http.get('/api/trips/64b0c0ffee0123456789abcd')).body).toMatchObject({
      answer: 'one trip',
      params: { id: '64b0c0ffee0123456789abcd' },
    });
    expect((await http.get('/API/Pass/token/')).body.answer).toBe('token');
  });

  it('keeps 404 for an unknown path, 405 with Allow and OPTIONS for a known one, 501 for an unknown method', async () => {
    const http = appOf(MODULE_ROUTES);
    expect((await http.get('/api/nothing/here')).status).toBe(404);
    expect((await http.get('/api')).status).toBe(404);
    const wrong = await http.post('/api/pass/token');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toContain('GET');
    const options = await http.options('/api/trips/abc/book');
    expect(options.status).toBe(200);
    expect(options.headers.allow).toContain('POST');
    expect((await http.trace('/api/nothing/here')).status).toBe(501);
  });

  it('keeps every route in one router, in order, when one starts with a parameter', async () => {
    const http = appOf([['get', '/api/:anything/status', 'catch-all'], ...MODULE_ROUTES]);
    expect((await http.get('/api/trips/status')).body.answer).toBe('catch-all');
    expect((await http.get('/api/pass/token')).body.answer).toBe('token');
  });
});

describe('JSON bodies without the reviver', () => {
  it('still drops a __proto__ key written with escapes, and parses an ordinary body whole', async () => {
    const http = appOf([['post', '/api/echo/body', 'echo']]);
    const escaped = await http
      .post('/api/echo/body')
      .set('Content-Type', 'application/json')
      .send('{"\\u005f_proto__":{"admin":true},"a":1}');
    expect(escaped.body.body).toEqual({ a: 1 });
    const plain = await http
      .post('/api/echo/body')
      .set('Content-Type', 'application/json')
      .send('{"temperature":36.5,"symptoms":[],"places":["330281"]}');
    expect(plain.body.body).toEqual({ temperature: 36.5, symptoms: [], places: ['330281'] });
  });
});
