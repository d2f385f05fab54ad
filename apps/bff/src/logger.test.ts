import { Writable } from 'node:stream';
import { createLogger, withLogContext } from './logger';

describe('log lines written on behalf of a request', () => {
  it('each carries the request id and only its own fields, never those of an earlier line of the request', () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const logger = createLogger('info', sink);
    withLogContext({ requestId: 'req-0001' }, () => {
      logger.warn({ reason: 'MongoNetworkError', path: '/api/checkins' }, 'request.unavailable');
      logger.info({ route: 'pass.token', status: 200 }, 'request');
    });
    logger.info('outside');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ requestId: 'req-0001', reason: 'MongoNetworkError' });
    expect(lines[1]).toMatchObject({ requestId: 'req-0001', route: 'pass.token', status: 200 });
    expect(lines[1]).not.toHaveProperty('reason');
    expect(lines[1]).not.toHaveProperty('path');
    expect(lines[2]).not.toHaveProperty('requestId');
    expect(lines[2]).not.toHaveProperty('route');
  });

  it('when a line carries a phone, an ID number or a token at the top or one level down, then they come out as [Redacted]', () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger('info', { write: (l: string) => void lines.push(JSON.parse(l)) } as never);
    logger.warn(
      {
        phone: '13900001111',
        worker: { phone: '13900002222', idNumber: '330281199001011234', name: 'x' },
        req: { headers: { authorization: 'Bearer abc', host: 'h' } },
        refreshToken: 'r',
      },
      'oops',
    );
    expect(lines[0]).toMatchObject({
      phone: '[Redacted]',
      worker: { phone: '[Redacted]', idNumber: '[Redacted]', name: 'x' },
      req: { headers: { authorization: '[Redacted]', host: 'h' } },
      refreshToken: '[Redacted]',
    });
    expect(JSON.stringify(lines[0])).not.toMatch(/1390000|330281199001011234|Bearer abc/);
  });
});
