import request from 'supertest';
import pino from 'pino';
import { createApp } from '../app';
import { startTestApp, type TestApp } from '../test-support/test-app';

const TOKEN = 'scrape-token-0123456789';
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ METRICS_TOKEN: TOKEN });
});
afterAll(() => t.close());

const scrape = async () => {
  const res = await t.http.get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
  expect(res.status).toBe(200);
  return res.text;
};

/** The value of one series in Prometheus text, or 0 when the series is absent. */
function value(text: string, name: string, labels: Record<string, string> = {}): number {
  const line = text
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `))
    .find((l) => Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

describe('who may read /metrics', () => {
  it('when no bearer or a wrong one is given, then 401 with the error envelope and no figures', async () => {
    for (const auth of [undefined, 'Bearer wrong-token-0123456789', `Bearer ${TOKEN}x`]) {
      const req = t.http.get('/metrics');
      if (auth) req.set('Authorization', auth);
      const res = await req;
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
      expect(res.text).not.toContain('fugong_http_requests_total');
    }
  });

  it('when no METRICS_TOKEN is configured, then there is no /metrics at all', async () => {
    const { METRICS_TOKEN: _none, ...config } = t.config;
    const bare = createApp({
      config,
      connection: t.connection,
      logger: pino({ level: 'silent' }),
      clock: t.clock,
    });
    const res = await request(bare.callback()).get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
    expect(res.status).toBe(404);
  });
});

describe('what /metrics reports', () => {
  it('when a route is requested, then its counter and latency histogram move under the route pattern and status', async () => {
    const before = await scrape();
    const labels = { method: 'GET', route: '/api/health', status: '200' };
    await t.http.get('/api/health');
    await t.http.get('/api/health');
    const after = await scrape();
    expect(value(after, 'fugong_http_requests_total', labels)).toBe(
      value(before, 'fugong_http_requests_total', labels) + 2,
    );
    expect(value(after, 'fugong_http_request_duration_seconds_count', labels)).toBe(
      value(before, 'fugong_http_request_duration_seconds_count', labels) + 2,
    );
  });

  it('when a route with an id is requested, then the series is labelled with the pattern, never the raw id', async () => {
    const id = '65f0c0ffee0000000000abcd';
    await t.http.get(`/api/trips/${id}`);
    await t.http.get('/api/no-such-route');
    const text = await scrape();
    expect(text).not.toContain(id);
    expect(text).not.toContain('no-such-route');
    expect(
      value(text, 'fugong_http_requests_total', { route: '/api/trips/:tripId', status: '401' }),
    ).toBeGreaterThan(0);
    expect(value(text, 'fugong_http_requests_total', { route: 'unmatched', status: '404' })).toBeGreaterThan(
      0,
    );
  });

  it('when messages wait in the outbox, then the backlog and the age of the oldest due one are reported', async () => {
    const workerId = '65f0c0ffee0000000000beef';
    await t.container.notifications.repos.outbox.addMany(
      [
        {
          id: `metrics:${workerId}`,
          workerId,
          kind: 'test',
          title: '测试',
          body: '内容',
          page: 'pages/home/index',
        },
      ],
      t.clock.now(),
    );
    t.clock.advance(90_000);
    const text = await scrape();
    expect(value(text, 'fugong_outbox_messages', { status: 'pending' })).toBeGreaterThanOrEqual(1);
    expect(value(text, 'fugong_outbox_oldest_due_age_seconds')).toBeGreaterThanOrEqual(90);
    await t.container.notifications.services.notifications.drain();
    const drained = await scrape();
    expect(value(drained, 'fugong_outbox_messages', { status: 'pending' })).toBe(0);
    expect(value(drained, 'fugong_outbox_oldest_due_age_seconds')).toBe(0);
  });

  it('when requests use the database, then the connection pool gauges are reported', async () => {
    await t.http.get('/api/ready');
    const text = await scrape();
    expect(text).toContain('fugong_db_pool_connections');
    expect(value(text, 'fugong_db_pool_max_size')).toBe(20);
    expect(value(text, 'fugong_db_pool_checked_out')).toBeGreaterThanOrEqual(0);
  });
});
