import { startTestApp, type TestApp } from './test-support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const noStack = (body: unknown) =>
  expect(JSON.stringify(body)).not.toMatch(/at .+\.(ts|js):\d+|Error:|stack/);

describe('the HTTP edge', () => {
  it('when /api/health is called, then the process reports ok', async () => {
    const res = await t.http.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.headers['x-request-id']).toMatch(/.{8,}/);
  });

  it('when /api/ready is called with the database up, then it is ready', async () => {
    const res = await t.http.get('/api/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', database: 'up' });
  });

  it('when an unknown route is called, then it is a 404 in the error envelope', async () => {
    const res = await t.http.get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect(res.body.error.message).toMatch(/接口不存在/);
    expect(res.body.error.requestId).toBe(res.headers['x-request-id']);
  });

  it('when the JSON body is malformed, then it is a 400 MALFORMED_JSON without a stack trace', async () => {
    const res = await t.http
      .post('/api/auth/otp')
      .set('Content-Type', 'application/json')
      .send('{"phone": "138');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MALFORMED_JSON');
    noStack(res.body);
  });

  it('when fields have wrong types, then it is a 400 VALIDATION_ERROR with field-level details', async () => {
    const res = await t.http.post('/api/auth/login/phone').send({ phone: 13800000001, code: 'abc' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    const paths = res.body.error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['code', 'phone']);
    expect(res.body.error.details[0].message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('when extra fields or Mongo operators are smuggled in, then they are rejected, not passed on', async () => {
    const res = await t.http.post('/api/auth/otp').send({ phone: { $gt: '' } });
    expect(res.status).toBe(400);
    const extra = await t.http.post('/api/auth/otp').send({ phone: '13800000001', role: 'admin' });
    expect(extra.status).toBe(400);
    expect(extra.body.error.code).toBe('VALIDATION_ERROR');
  });

  it('when the body is not JSON, then it is a 415', async () => {
    const res = await t.http
      .post('/api/auth/otp')
      .set('Content-Type', 'text/plain')
      .send('phone=13800000001');
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('when the body is over the size limit, then it is a 413', async () => {
    const res = await t.http
      .post('/api/auth/otp')
      .send({ phone: 'x'.repeat(t.config.BODY_LIMIT_BYTES + 10) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('when a protected route is called without a session, then it is a 401', async () => {
    const res = await t.http.get('/api/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('when a malformed bearer token is sent, then it is a 401 and not a 500', async () => {
    const res = await t.http.get('/api/me').set('Authorization', 'Bearer not.a.token');
    expect(res.status).toBe(401);
  });

  it('when the OpenAPI document is fetched, then it lists every mounted route with its roles', async () => {
    const res = await t.http.get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const ops = Object.entries(
      res.body.paths as Record<string, Record<string, { operationId: string }>>,
    ).flatMap(([path, methods]) =>
      Object.entries(methods).map(([m, op]) => `${m} ${path} ${op.operationId}`),
    );
    expect(ops).toEqual(
      expect.arrayContaining([
        'get /api/health health',
        'get /api/ready ready',
        'get /api/openapi.json openapi',
        'post /api/auth/otp auth.otp',
        'post /api/auth/login/phone auth.phone',
        'get /api/me me',
      ]),
    );
    expect(res.body.paths['/api/me'].get['x-roles']).toContain('worker');
  });

  it('when any response is sent, then security headers are set', async () => {
    const res = await t.http.get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('when a browser origin is not configured, then CORS does not allow it', async () => {
    const res = await t.http.get('/api/health').set('Origin', 'https://evil.example');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
