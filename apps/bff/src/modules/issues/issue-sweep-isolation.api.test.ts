import { startTestApp, type TestApp } from '../../test-support/test-app';
import { createEnterprise, signInAs, type Person } from '../enterprises/testing/fixtures';

/**
 * One issue the deadline sweep cannot process must not keep the others from escalating. The
 * failure is planted in the repository's write for one issue (an issue whose stored data the
 * write path chokes on).
 */
let t: TestApp;
let liaison: Person;
let firm: string;
beforeAll(async () => {
  t = await startTestApp();
  const admin = await signInAs(t, ['admin']);
  firm = await createEnterprise(t, admin);
  liaison = await signInAs(t, ['liaison'], { enterpriseId: firm });
});
afterAll(() => t.close());

const urgent = async (description: string) =>
  (
    await t.http
      .post('/api/issues')
      .set(liaison.auth)
      .send({ enterpriseId: firm, category: 'materials', urgency: 'urgent', description })
  ).body.id as string;

describe('deadline sweep with a bad issue', () => {
  it('when one overdue issue throws, then the other is still escalated, and the bad one is counted, retried and quarantined', async () => {
    t.clock.set(new Date('2026-03-06T09:00:00+08:00'));
    const bad = await urgent('原材料断供，急需协调');
    const good = await urgent('物流受阻，急需通行证');
    const repo = t.container.issues.repos.issues;
    const real = repo.markClock.bind(repo);
    const spy = jest.spyOn(repo, 'markClock').mockImplementation(async (id, ...rest) => {
      if (id === bad) throw new TypeError('unreadable issue');
      return real(id, ...rest);
    });
    try {
      t.clock.set(new Date('2026-03-06T13:30:00+08:00')); // both past the 4-hour first response
      expect(await t.container.issues.services.sweep.run()).toEqual({ reminded: 0, escalated: 1 });
      const escalated = (await t.http.get(`/api/issues/${good}`).set(liaison.auth)).body;
      expect(escalated.escalated).toBe(true);
      const failures = t.connection.db!.collection('sweep_failures');
      expect(await failures.findOne({ _id: `issues.sweep|issue:${bad}` as never })).toMatchObject({
        failures: 1,
        lastError: 'TypeError: unreadable issue',
      });
      for (let run = 2; run <= 6; run += 1) await t.container.issues.services.sweep.run();
      // Five failing runs quarantine it; the sixth skips it without trying.
      const doc = await failures.findOne({ _id: `issues.sweep|issue:${bad}` as never });
      expect(doc).toMatchObject({ failures: 5 });
      expect(doc!.quarantinedAt).toBeInstanceOf(Date);
      const counted = (await t.container.metrics.sweepRecords.get()).values
        .filter((v) => v.labels.job === 'issues.sweep')
        .map((v) => [v.labels.outcome, v.value]);
      expect(Object.fromEntries(counted)).toEqual({ failed: 4, quarantined: 1, skipped: 1 });
    } finally {
      spy.mockRestore();
    }
  });
});
