import request from 'supertest';
import { createApp } from '../app';
import { createLogger } from '../logger';
import { startTestApp, type TestApp } from '../test-support/test-app';

/**
 * A service's log line names the request it was written for, though services never see the
 * Koa context: the console one-time-code sender (a service-side logger, not middleware) is the
 * witness here.
 */
let t: TestApp;
let lines: Record<string, unknown>[];
let http: ReturnType<typeof request>;
beforeAll(async () => {
  t = await startTestApp();
  lines = [];
  const logger = createLogger('info', { write: (l: string) => void lines.push(JSON.parse(l)) });
  const app = createApp({
    config: { ...t.config, OTP_SENDER: 'console' },
    connection: t.connection,
    logger,
    clock: t.clock,
  });
  http = request(app.callback());
});
afterAll(() => t.close());

const otpLine = (masked: string) =>
  lines.find((l) => l.msg === 'otp.sent' && String(l.phoneMasked).endsWith(masked));

describe('request id on every log line', () => {
  it('when a service logs while a request is in progress, then its line carries that request id', async () => {
    const res = await http
      .post('/api/auth/otp')
      .set('X-Request-Id', 'req-otp-0000001')
      .send({ phone: '13900001111' });
    expect(res.status).toBe(200);
    expect(otpLine('1111')).toMatchObject({ requestId: 'req-otp-0000001' });
    expect(lines.find((l) => l.msg === 'request' && l.requestId === 'req-otp-0000001')).toBeDefined();
  });

  it('when requests overlap, then each line names its own request, not whichever started last', async () => {
    const phones = ['13900002221', '13900002222', '13900002223', '13900002224'];
    const answers = await Promise.all(
      phones.map((phone, i) =>
        http.post('/api/auth/otp').set('X-Request-Id', `req-overlap-${i}000`).send({ phone }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    phones.forEach((phone, i) =>
      expect(otpLine(phone.slice(-4))).toMatchObject({ requestId: `req-overlap-${i}000` }),
    );
  });

  it('when a request is answered, then its one request line names it with exactly the request fields, at info level', async () => {
    const res = await http.get('/api/pass/token').set('X-Request-Id', 'req-line-0000001');
    expect(res.status).toBe(401);
    const line = lines.find((l) => l.msg === 'request' && l.requestId === 'req-line-0000001');
    expect(line).toBeDefined();
    const { time, ms, ...rest } = line!;
    expect(typeof time).toBe('string');
    expect(typeof ms).toBe('number');
    expect(rest).toEqual({
      level: 30,
      service: 'fugong-bff',
      requestId: 'req-line-0000001',
      method: 'GET',
      route: 'pass.token',
      status: 401,
      msg: 'request',
    });
  });

  it('when a line is written outside any request, then it carries no request id', () => {
    const logger = createLogger('info', { write: (l: string) => void lines.push(JSON.parse(l)) });
    logger.info('outside.request');
    expect(lines.find((l) => l.msg === 'outside.request')).not.toHaveProperty('requestId');
  });
});
