import { createLogger } from './logger';
import { TurnBatchedLines } from './log-sink';

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('log lines batched per event-loop turn', () => {
  it('when many lines are logged in one turn, then they leave in one write, in the order logged', async () => {
    const writes: string[] = [];
    const logger = createLogger('info', new TurnBatchedLines({ write: (t) => writes.push(t) }));
    for (let i = 0; i < 50; i += 1) logger.info({ route: 'checkins.submit', n: i }, 'request');
    expect(writes).toHaveLength(0);
    await turn();
    expect(writes).toHaveLength(1);
    const lines = writes[0]
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { n: number });
    expect(lines.map((l) => l.n)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    logger.info({ n: 50 }, 'later');
    await turn();
    expect(writes).toHaveLength(2);
    expect(JSON.parse(writes[1])).toMatchObject({ n: 50, msg: 'later' });
  });

  it('when a fatal line is logged, then it and the lines before it are written before the call returns', () => {
    const writes: string[] = [];
    let flushed = 0;
    const sink = new TurnBatchedLines({ write: (t) => writes.push(t), flushSync: () => (flushed += 1) });
    const logger = createLogger('info', sink);
    logger.info('before');
    logger.fatal('database gone');
    expect(
      writes
        .join('')
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { msg: string }).msg),
    ).toEqual(['before', 'database gone']);
    expect(flushed).toBe(1);
  });
});
