/**
 * `npm run bench:subsidies [-- --firms 27000 --people 400000 --runs 3]` (not part of npm test).
 *
 * A Yuyao-size city for 免申即享: ≥ 27,000 firms and ≥ 400,000 insured people on the 参保
 * roster. The facts are written through the import's own write path (FactRepository.replacePeriod,
 * the whole-period swap) rather than parsed from files, since one file holds at most 20,000 rows.
 * Each run then changes one fact (a firm hires one more person), re-imports the period and times
 * what an official waits for: the hiring run over the roster, the 稳岗返还 run over every firm's
 * premiums, approval and 公示 (with 政策直通's once-per-firm claims). Prints a progress bar on
 * stderr, one JSON line per run and a Markdown row for docs/benchmarks.md, with the host's
 * stolen CPU beside each figure.
 */
import os from 'node:os';
import { Types } from 'mongoose';
import { creditCodeCheckChar, idNumberCheckChar, type EnterpriseInput } from '@fugong/contracts';
import { arg, openToolDb, progressBar } from '../scripts/dashboard-db';
import { describeHostCpu, readHostCpu } from './host-cpu';
import type { Actor } from '../src/auth/actor';

const firms = Number(arg('firms', '27000'));
const people = Number(arg('people', '400000'));
const runs = Number(arg('runs', '3'));
const PERIOD = '2020';
const progress = progressBar();

const creditCode = (n: number) => {
  const first17 = `91330281MA${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};
const personKey = (n: number) => {
  const first17 = `330281199${String(n).padStart(8, '0')}`.slice(0, 17);
  return first17 + idNumberCheckChar(first17);
};
const officer = (departmentId: string): Actor => ({
  id: new Types.ObjectId().toHexString(),
  roles: ['officer'],
  enterpriseId: null,
  departmentId,
});

/** Deterministic pseudo-random numbers, so every run of the bench builds the same city. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
}

async function main() {
  const db = await openToolDb({ inMemory: true });
  const c = db.container;
  const rnd = lcg(2020);
  const t0 = Date.now();
  const inputs: EnterpriseInput[] = Array.from({ length: firms }, (_, i) => ({
    name: `余姚第${i + 1}号企业有限公司`,
    creditCode: creditCode(i + 1),
    industry: '制造业',
    size: rnd() < 0.1 ? 'above' : 'below',
    regionCode: '330281',
    address: '',
    headcount: 10,
  }));
  for (let i = 0; i < inputs.length; i += 2000) {
    await c.repos.enterprises.bulkUpsert(inputs.slice(i, i + 2000));
    progress('firms', Math.min(i + 2000, firms), firms);
  }
  const ids = [...(await c.repos.enterprises.idsByCreditCodes(inputs.map((e) => e.creditCode))).values()];
  process.stderr.write('\n');

  // 400,000 insured people spread over the firms; ~6 % hired in the window on ≥ 1-year contracts.
  const roster = Array.from({ length: people }, (_, i) => {
    const hired = rnd() < 0.06;
    return {
      enterpriseId: ids[Math.floor(rnd() * ids.length)]!,
      personKey: personKey(i),
      hiredOn: hired ? '2020-02-20' : '2015-06-01',
      contractStart: hired ? '2020-02-20' : '2015-06-01',
      contractEnd: hired ? '2021-02-19' : null,
      insured: rnd() < 0.97,
    };
  });
  const premiums = ids.map((enterpriseId) => {
    const insuredAtStart = 5 + Math.floor(rnd() * 60);
    return {
      enterpriseId,
      sme: rnd() < 0.9,
      insuredAtStart,
      layoffs: Math.floor(rnd() * insuredAtStart * 0.1),
      premiumsPaidFen: 100 * (2_000 + Math.floor(rnd() * 40_000)),
    };
  });
  const setupSeconds = (Date.now() - t0) / 1000;
  const rsj = officer('rsj');
  const results: Record<string, unknown>[] = [];

  for (let run = 1; run <= runs; run += 1) {
    // A changed fact each run: one more new hire, so the run computes (and diffs) afresh.
    roster.push({
      ...roster[0]!,
      personKey: personKey(people + run),
      hiredOn: '2020-02-21',
      contractStart: '2020-02-21',
      contractEnd: '2021-02-20',
      insured: true,
    });
    const cpu0 = readHostCpu();
    const load = os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ');
    // Peak RSS while a stage runs, sampled every 20 ms: what the run itself adds over the city.
    const timed = async <T>(stage: string, f: () => Promise<T>) => {
      progress(`run ${run}: ${stage}`, 0, 1);
      const s = Date.now();
      // With NODE_OPTIONS=--expose-gc the stage starts from collected garbage: its peak is its own.
      (globalThis as { gc?: () => void }).gc?.();
      const rss0 = process.memoryUsage().rss;
      let peak = rss0;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      const cpuS = process.cpuUsage();
      const out = await f();
      clearInterval(sampler);
      const cpu = process.cpuUsage(cpuS);
      peak = Math.max(peak, process.memoryUsage().rss);
      progress(`run ${run}: ${stage}`, 1, 1);
      return {
        out,
        seconds: (Date.now() - s) / 1000,
        rssBeforeMb: Math.round(rss0 / 2 ** 20),
        peakRssMb: Math.round(peak / 2 ** 20),
        cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
      };
    };
    const bar = (stage: string) => (step: string, done: number, total: number) =>
      progress(`run ${run}: ${stage} ${step}`, done, total);
    const imp = await timed('write roster', async () => {
      await c.subsidies.repos.facts.replacePeriod('roster', PERIOD, roster, rsj.id, new Date());
      await c.subsidies.repos.facts.replacePeriod('premiums', PERIOD, premiums, rsj.id, new Date());
    });
    const hiring = await timed('hiring run', () =>
      c.subsidies.run.run(rsj, 'hiring', PERIOD, bar('hiring run')),
    );
    const refund = await timed('稳岗返还 run', () =>
      c.subsidies.run.run(rsj, 'uiRefund', PERIOD, bar('稳岗返还 run')),
    );
    const review = await timed('approve + 公示', async () => {
      // A list whose facts did not change is answered again, already published: nothing to do.
      for (const { list } of [hiring.out, refund.out].filter((r) => r.created)) {
        await c.subsidies.review.approve(rsj, list.id);
        await c.subsidies.review.publish(rsj, list.id);
      }
    });
    const cpu1 = readHostCpu();
    process.stderr.write('\n');
    const total = hiring.seconds + refund.seconds + review.seconds;
    const result = {
      run,
      firms,
      insured: roster.length,
      importWriteSeconds: imp.seconds,
      hiringRunSeconds: hiring.seconds,
      hiringFirms: hiring.out.list.count,
      hiringRssBeforeMb: hiring.rssBeforeMb,
      hiringPeakRssMb: hiring.peakRssMb,
      hiringCpuSeconds: hiring.cpuSeconds,
      refundRunSeconds: refund.seconds,
      refundFirms: refund.out.list.count,
      refundPeakRssMb: refund.peakRssMb,
      approvePublishSeconds: review.seconds,
      runsToPublishedSeconds: Number(total.toFixed(1)),
      withinTarget: total <= 60,
      diffAgainstPublished: hiring.out.list.diff
        ? { added: hiring.out.list.diff.added.length, changed: hiring.out.list.diff.changed.length }
        : null,
      loadAverage: load,
      hostCpu: describeHostCpu(cpu0, cpu1).replace('during the rush', 'during the run'),
      rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
    };
    results.push(result);
    console.log(JSON.stringify(result));
  }
  console.log(`\nsetup (firms + fact generation): ${setupSeconds.toFixed(1)} s, database: ${db.where}`);
  console.log(
    '| run | firms / insured | write facts (s) | hiring run (s) | 稳岗返还 run (s) | approve + 公示 (s) | run → 公示 total (s) | host CPU |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results)
    console.log(
      `| ${r.run} | ${Number(r.firms).toLocaleString('en')} / ${Number(r.insured).toLocaleString('en')} | ${Number(r.importWriteSeconds).toFixed(1)} | ${Number(r.hiringRunSeconds).toFixed(1)} | ${Number(r.refundRunSeconds).toFixed(1)} | ${Number(r.approvePublishSeconds).toFixed(1)} | **${r.runsToPublishedSeconds}** | ${String(r.hostCpu).replace('host CPU during the run: ', '')} |`,
    );
  await db.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
