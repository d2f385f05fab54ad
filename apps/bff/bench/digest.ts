/**
 * `npm run bench:digest [-- --vacancies 30000 --seekers 200000]` (not part of npm test).
 *
 * The daily digest (一对一推送) at city scale: the same Ningbo-size city as `bench:vacancies`
 * (≥ 30,000 open vacancies confirmed over the last 6 days, ≥ 200,000 seekers registered over
 * the last 30) in an in-memory embedded database, then one run of the digest job through the
 * app's own container, on a clock set after 08:00 China time. Progress (digests claimed so far)
 * is printed while it runs; at the end the run's time, digests and notices queued, beside the
 * host's stolen CPU, then a second run that must find the day done and send nobody anything.
 * Profile it with `node --cpu-prof --import tsx apps/bff/bench/digest.ts`.
 */
import { chinaDay, chinaDayStart } from '@fugong/domain';
import { inProcessApp } from './in-process-app';
import { arg, openToolDb, progressBar } from '../scripts/dashboard-db';
import { generateCity } from './labour-city';
import { describeHostCpu, describeMachine, readHostCpu } from './host-cpu';

const VACANCIES = Number(arg('vacancies', '30000'));
const SEEKERS = Number(arg('seekers', '200000'));
const HOUR_MS = 3_600_000;

async function main() {
  const db = await openToolDb({ inMemory: true });
  // Digests go out from 08:00 China time: a bench started at night runs on this morning's 09:00.
  const real0 = Date.now();
  const base = Math.max(real0, chinaDayStart(chinaDay(new Date(real0))).getTime() + 9 * HOUR_MS);
  const clock = { now: () => new Date(base + (Date.now() - real0)) };
  console.log(await generateCity(db, VACANCIES, SEEKERS, base));
  const { app } = inProcessApp(db.connection, ['worker'], clock);
  const digests = db.connection.collection('labour_digests');
  const outbox = db.connection.collection('notification_outbox');

  const progress = progressBar();
  const ticker = setInterval(() => {
    void digests.estimatedDocumentCount().then((n) => progress('digests claimed', n, SEEKERS));
  }, 2000);
  const host0 = readHostCpu();
  const t0 = process.hrtime.bigint();
  const first = await app.container.labour.services.digest.run();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const host = describeHostCpu(host0, readHostCpu()).replace('during the rush', 'during the run');
  clearInterval(ticker);
  process.stderr.write('\n');
  const queued = await outbox.countDocuments({ kind: { $in: ['labour_digest', 'labour_candidates'] } });
  const unqueued = await digests.countDocuments({ queuedAt: null });
  console.log(`digest run: ${JSON.stringify(first)} in ${seconds.toFixed(1)} s; ${host}`);
  console.log(`${queued} notices queued, ${unqueued} claimed digests not queued`);

  const second = await app.container.labour.services.digest.run();
  const queuedAfter = await outbox.countDocuments({ kind: { $in: ['labour_digest', 'labour_candidates'] } });
  console.log(`second run the same day: ${JSON.stringify(second)}; ${queuedAfter - queued} more notices`);
  console.log(describeMachine());
  console.log(
    `| ${VACANCIES} open | ${SEEKERS} | ${first.seekers} | ${first.digests} | ${seconds.toFixed(1)} s | ${host.match(/([\d.]+)% stolen/)?.[1] ?? '?'} % |`,
  );
  await db.close();
  const ok = queued === first.digests && unqueued === 0 && queuedAfter === queued && seconds <= 120;
  process.exit(ok ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
