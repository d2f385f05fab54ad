import pino from 'pino';
import { startPeriodicJobs } from './jobs';

const silent = pino({ level: 'silent' });

describe('startPeriodicJobs', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('when a run is slower than the interval, then runs never overlap', async () => {
    let active = 0;
    let maxActive = 0;
    let finish: () => void = () => undefined;
    const stop = startPeriodicJobs(
      [
        {
          name: 'slow',
          intervalMs: 100,
          run: () => {
            active += 1;
            maxActive = Math.max(maxActive, active);
            return new Promise<void>((resolve) => (finish = () => ((active -= 1), resolve())));
          },
        },
      ],
      silent,
    );
    jest.advanceTimersByTime(1000);
    expect(maxActive).toBe(1);
    finish();
    await stop();
  });

  it('when a run fails, then the next tick runs again', async () => {
    let calls = 0;
    const stop = startPeriodicJobs(
      [
        {
          name: 'flaky',
          intervalMs: 100,
          run: async () => {
            calls += 1;
            throw new Error('db away');
          },
        },
      ],
      silent,
    );
    // The async variant lets the failed run settle between ticks, as the event loop would.
    await jest.advanceTimersByTimeAsync(100);
    await jest.advanceTimersByTimeAsync(100);
    expect(calls).toBe(2);
    await stop();
  });

  it('when stopped, then it waits for the run in progress and starts no more', async () => {
    let calls = 0;
    let done = false;
    let finish: () => void = () => undefined;
    const stop = startPeriodicJobs(
      [
        {
          name: 'j',
          intervalMs: 100,
          run: () => {
            calls += 1;
            return new Promise<void>(
              (r) =>
                (finish = () => {
                  done = true;
                  r();
                }),
            );
          },
        },
      ],
      silent,
    );
    jest.advanceTimersByTime(100);
    const stopped = stop();
    let resolved = false;
    void stopped.then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).toBe(false);
    finish();
    await stopped;
    expect(done).toBe(true);
    jest.advanceTimersByTime(1000);
    expect(calls).toBe(1);
  });
});
