import { isDatabaseUnavailable, isDuplicateKey } from './errors';

const named = (name: string, extra: object = {}) => Object.assign(new Error(name), { name }, extra);

describe('database error classification', () => {
  it('when a bulk insert was cut off by a lost connection, then it counts as "database unavailable" (503), not a bug (500)', () => {
    const cut = named('MongoBulkWriteError', { errorResponse: named('MongoNetworkError'), writeErrors: [] });
    expect(isDatabaseUnavailable(cut)).toBe(true);
  });

  it('when a bulk insert failed for another reason, then it is not "unavailable"', () => {
    const dup = named('MongoBulkWriteError', { errorResponse: named('MongoServerError'), code: 11000 });
    expect(isDatabaseUnavailable(dup)).toBe(false);
    expect(isDuplicateKey(dup)).toBe(true);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
  });
});
