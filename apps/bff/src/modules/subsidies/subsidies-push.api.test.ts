import { startTestApp, type TestApp } from '../../test-support/test-app';
import { type MemoryNotificationSender } from '../notifications/sender';
import { createEnterprise, creditCode, signInAs, type Person } from '../enterprises/testing/fixtures';
import { csv, hires, importFacts, listAction, ROSTER_HEADER, runPolicy } from './testing/fixtures';

/** 政策直通: a firm on a published list hears of it in its inbox and through the sender, once a period. */
let t: TestApp;
let rsj: Person;
let liaisonA: Person;
let liaisonA2: Person;
let liaisonB: Person;
const codeA = creditCode(740_001);
const codeB = creditCode(740_002);
const codeC = creditCode(740_003);

beforeAll(async () => {
  t = await startTestApp();
  const admin = await signInAs(t, ['admin']);
  const firmA = await createEnterprise(t, admin, { creditCode: codeA });
  const firmB = await createEnterprise(t, admin, { creditCode: codeB });
  await createEnterprise(t, admin, { creditCode: codeC });
  rsj = await signInAs(t, ['officer'], { departmentId: 'rsj' });
  liaisonA = await signInAs(t, ['liaison'], { enterpriseId: firmA });
  liaisonA2 = await signInAs(t, ['liaison'], { enterpriseId: firmA });
  liaisonB = await signInAs(t, ['liaison'], { enterpriseId: firmB });
  t.clock.set(new Date('2020-03-16T09:00:00+08:00'));
});
afterAll(() => t.close());

const sender = () => t.container.notifications.sender as MemoryNotificationSender;
const inbox = async (who: Person) =>
  (await t.http.get('/api/notifications/mine').set(who.auth)).body.items.filter(
    (m: { kind: string }) => m.kind === 'subsidy.entitled',
  );
const notices = () => t.connection.db!.collection('subsidy_notices').countDocuments();

async function publishHiring(lines: string[]) {
  expect((await importFacts(t, rsj, 'roster', csv(ROSTER_HEADER, lines))).status).toBe(200);
  const run = await runPolicy(t, rsj, 'hiring');
  expect(run.body.created).toBe(true);
  expect((await listAction(t, rsj, run.body.list.id, 'approve')).status).toBe(200);
  const published = await listAction(t, rsj, run.body.list.id, 'publish');
  expect(published.status).toBe(200);
  return run.body.list.id as string;
}

describe('政策直通 on publication', () => {
  it('when a list is published, then each liaison of each firm on it gets "您可享受 X 元，无需申请" in the inbox and through the sender', async () => {
    await publishHiring([...hires(codeA, 3, 0), ...hires(codeC, 1, 50)]);
    await t.container.notifications.services.notifications.drain();

    for (const who of [liaisonA, liaisonA2]) {
      const [msg] = await inbox(who);
      expect(msg).toMatchObject({
        title: '一次性吸纳就业补贴：您可享受 3,000 元',
        body: '无需申请。新吸纳 3 人 × 1,000 元。公示期内如有异议可在“可享政策”中提出',
      });
    }
    expect(await inbox(liaisonB)).toEqual([]);
    const sent = sender().sent.filter((m) => m.kind === 'subsidy.entitled');
    expect(sent.map((m) => m.workerId).sort()).toEqual([liaisonA.id, liaisonA2.id].sort());
    expect(sent[0]!.page).toBe('pages/subsidies/index');
    // Firm C has no liaison: its announcement is still recorded, with nobody to tell.
    expect(await notices()).toBe(2);
  });

  it('when the facts change and a new list of the same period is published, then only the firm new to it is told', async () => {
    const before = sender().sent.length;
    await publishHiring([...hires(codeA, 5, 0), ...hires(codeB, 2, 100), ...hires(codeC, 1, 50)]);
    await t.container.notifications.services.notifications.drain();

    const fresh = sender().sent.slice(before);
    expect(fresh.map((m) => m.workerId)).toEqual([liaisonB.id]);
    expect(await inbox(liaisonA)).toHaveLength(1);
    expect((await inbox(liaisonB))[0].title).toBe('一次性吸纳就业补贴：您可享受 2,000 元');
    expect(await notices()).toBe(3);
  });

  it('when a publish is refused (already published), then nobody is told again', async () => {
    const lists = (await t.http.get('/api/subsidies/lists').set(rsj.auth)).body.items;
    const current = lists.find((l: { status: string }) => l.status === 'publicity');
    const before = sender().sent.length;
    const again = await listAction(t, rsj, current.id, 'publish');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVALID_TRANSITION');
    await t.container.notifications.services.notifications.drain();
    expect(sender().sent.length).toBe(before);
    expect(await notices()).toBe(3);
  });
});
