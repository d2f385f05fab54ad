import { startTestApp, type TestApp } from '../../test-support/test-app';
import { JOIN_WAIT_MS } from './idempotency.service';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const req = (key: string, body: unknown = { seat: 1 }) => ({
  actorId: 'u1',
  routeId: 'demo.write',
  key,
  request: body,
});

describe('IdempotencyService', () => {
  it('when a request is retried with the same key, then it runs once and the retry gets the same answer', async () => {
    let runs = 0;
    const exec = async () => ({ status: 201, body: { bookingId: `b${++runs}` } });
    const first = await t.container.services.idempotency.run(req('key-00000001'), exec);
    const second = await t.container.services.idempotency.run(req('key-00000001'), exec);
    expect(runs).toBe(1);
    expect(second.body).toEqual(first.body);
    expect(second.replayed).toBe(true);
  });

  it('when retries arrive concurrently, then exactly one runs and the others wait or replay', async () => {
    let runs = 0;
    const exec = async () => {
      runs += 1;
      await new Promise((r) => setTimeout(r, 30));
      return { status: 200, body: { n: runs } };
    };
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => t.container.services.idempotency.run(req('key-00000002'), exec)),
    );
    expect(runs).toBe(1);
    const codes = results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { code: string }).code));
    expect(codes.filter((c) => c === 'ok').length).toBeGreaterThanOrEqual(1);
    expect(codes.every((c) => c === 'ok' || c === 'IDEMPOTENCY_IN_PROGRESS')).toBe(true);
  });

  it('when a key is reused for a different request, then it is refused', async () => {
    await t.container.services.idempotency.run(req('key-00000003', { a: 1 }), async () => ({
      status: 200,
      body: {},
    }));
    await expect(
      t.container.services.idempotency.run(req('key-00000003', { a: 2 }), async () => ({
        status: 200,
        body: {},
      })),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_MISMATCH' });
  });

  it('when the first attempt fails, then a retry runs again instead of replaying the failure', async () => {
    let runs = 0;
    await expect(
      t.container.services.idempotency.run(req('key-00000004'), async () => {
        runs += 1;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const ok = await t.container.services.idempotency.run(req('key-00000004'), async () => ({
      status: 200,
      body: { runs: ++runs },
    }));
    expect(ok.body).toEqual({ runs: 2 });
  });
});

describe('IdempotencyService, twins in one process', () => {
  it('when a retry arrives while its twin runs here, then it waits for the twin and gets its answer without a second run', async () => {
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const exec = async () => {
      runs += 1;
      await gate;
      return { status: 201, body: { id: `b${runs}` } };
    };
    const first = t.container.services.idempotency.run(req('key-00000005'), exec);
    const twin = t.container.services.idempotency.run(req('key-00000005'), exec);
    await new Promise((r) => setTimeout(r, 20));
    release();
    const [a, b] = await Promise.all([first, twin]);
    expect(runs).toBe(1);
    expect(b).toEqual({ status: 201, body: a.body, replayed: true });
  });

  it('when the twin fails, then the waiting retry runs by itself', async () => {
    let runs = 0;
    const first = t.container.services.idempotency.run(req('key-00000006'), async () => {
      runs += 1;
      await new Promise((r) => setTimeout(r, 10));
      throw new Error('boom');
    });
    const twin = t.container.services.idempotency.run(req('key-00000006'), async () => ({
      status: 200,
      body: { runs: ++runs },
    }));
    await expect(first).rejects.toThrow('boom');
    expect((await twin).body).toEqual({ runs: 2 });
  });

  it('when the twin never finishes, then a retry stops waiting for it well before a phone gives up and runs by itself', async () => {
    const stuck = t.container.services.idempotency.run(
      req('key-00000007'),
      () => new Promise(() => undefined), // a handler that never settles
      { store: false },
    );
    void stuck;
    const started = Date.now();
    const retry = await t.container.services.idempotency.run(
      req('key-00000007'),
      async () => ({ status: 201, body: { id: 'found-by-key' } }),
      { store: false },
    );
    const waited = Date.now() - started;
    expect(retry.body).toEqual({ id: 'found-by-key' });
    expect(waited).toBeGreaterThanOrEqual(JOIN_WAIT_MS - 50);
    expect(JOIN_WAIT_MS).toBeLessThan(10_000); // the mini-program's request timeout
  });
});
