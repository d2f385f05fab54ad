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
});
