import { parseCliArgs } from './cliArgs';

describe('parseCliArgs', () => {
  it('when given mongod flags, then they map onto server options', () => {
    expect(
      parseCliArgs(['--port', '27018', '--dbpath', './data/db', '--bind_ip', 'localhost', '--replSet=rs9']),
    ).toEqual({
      kind: 'run',
      options: { port: 27018, host: '127.0.0.1', dbPath: './data/db', inMemory: false, replSetName: 'rs9' },
    });
    expect(parseCliArgs(['--inMemory', '--bind_ip_all'])).toMatchObject({
      kind: 'run',
      options: { host: '0.0.0.0', inMemory: true, port: 27017 },
    });
  });

  it('when flags are unknown, incomplete or contradictory, then a clear error is returned', () => {
    expect(parseCliArgs(['--dbpath', 'x', '--fork'])).toEqual({
      kind: 'error',
      message: "unknown option '--fork'",
    });
    expect(parseCliArgs(['--port'])).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('needs a value'),
    });
    expect(parseCliArgs(['--port', 'abc', '--inMemory'])).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('invalid --port'),
    });
    expect(parseCliArgs([])).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('--dbpath is required'),
    });
    expect(parseCliArgs(['--inMemory', '--dbpath', 'x'])).toMatchObject({ kind: 'error' });
  });
});
