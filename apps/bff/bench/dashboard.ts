/**
 * `npm run bench:dashboard [-- --scales tenth,yuyao --requests 300 --seed 2020]` (not part of npm test).
 *
 * For each scale: generates the city into an in-memory embedded database (timing it and
 * sampling peak RSS of the process, which includes the database), then measures the dashboard
 * summary request end to end through the app (auth, validation, rollup reads, response schema)
 * with a mix of filters — cold (every cache off: the headline) and with the served caches — and
 * the full xlsx export of every enterprise. Prints one JSON line per scale, a Markdown table for
 * docs/benchmarks.md and the Yuyao ÷ tenth ratio.
 */
import os from 'node:os';
import { systemClock } from '../src/clock';
import { generateCity } from '../src/dev/generator/generate-city';
import type { ScaleName } from '../src/dev/generator/city-plan';
import { inProcessApp } from './in-process-app';
import { timedSorted } from './proc';
import { arg, openToolDb, progressBar } from '../scripts/dashboard-db';
import { DashboardService } from '../src/modules/dashboard';

/** The live figures of key projects, supply chain and freight, and 工信局's first page of posts. */
const SIDE_FIGURES = {
  keyProjects: '/api/key-projects/figures',
  supplyChain: '/api/supply-chain/figures',
  supplyBrowse: '/api/supply-chain/posts',
  freight: '/api/freight-passes/figures',
};

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function runScale(scale: ScaleName, seed: number, requests: number) {
  // BENCH_MONGODB_URI (e.g. an embedded server started apart with `npm run db -- --inMemory
  // --port 27099`) keeps the database's heap out of the measured process: in one process the
  // collector walks the whole city's data and its pauses land on the dashboard requests.
  const external = process.env.BENCH_MONGODB_URI;
  if (external) process.env.MONGODB_URI = `${external.replace(/\/+$/, '')}/bench_${scale}_${seed}`;
  const db = await openToolDb({ inMemory: true });
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const t0 = Date.now();
  // --reuse measures again on a city an earlier run left in BENCH_MONGODB_URI (no generator figures then).
  const reuse =
    process.argv.includes('--reuse') && (await db.container.repos.enterprises.estimatedCount()) > 0;
  const city = reuse
    ? {
        enterprises: await db.container.repos.enterprises.estimatedCount(),
        workers: 0,
        rollupDocuments: (await db.container.rollups.repo.allDocs()).length,
        driftBeforeRebuild: 0,
      }
    : await generateCity(db.container, db.connection, systemClock, { scale, seed, progress: progressBar() });
  const generatorSeconds = (Date.now() - t0) / 1000;
  clearInterval(sampler);
  process.stderr.write('\n');

  const { app, http, auth } = inProcessApp(db.connection, ['admin']);
  const filters: Record<string, string>[] = [
    {},
    { size: 'above' },
    { region: '330281:阳明街道' },
    { industry: '塑料制品' },
    { region: '330281:泗门镇', size: 'below' },
  ];
  const first = await http.get('/api/dashboard/summary').set(auth);
  if (first.status !== 200)
    throw new Error(`summary failed: ${first.status} ${JSON.stringify(first.body).slice(0, 300)}`);
  for (let i = 0; i < 20; i += 1)
    await http
      .get('/api/dashboard/summary')
      .query(filters[i % filters.length])
      .set(auth);
  const summary = async (i: number) => {
    const res = await http
      .get('/api/dashboard/summary')
      .query(filters[i % filters.length])
      .set(auth);
    if (res.status !== 200) throw new Error(`summary ${res.status}`);
  };
  // The served configuration: reads reused for 2 s, settled days for 5 min (see docs/dashboard.md).
  const times = await timedSorted(requests, summary);
  // The headline: the same requests through the whole app with every cache off ("cold": each
  // request reads its rollup documents and sums them), then the same at the service, without HTTP.
  const cold = new DashboardService(
    app.container.rollups.repo,
    app.container.enterprises.repos.staff,
    systemClock,
    0,
  );
  const served = app.container.dashboard.services.dashboard;
  app.container.dashboard.services.dashboard = cold;
  const coldHttpTimes = await timedSorted(requests, summary);
  app.container.dashboard.services.dashboard = served;
  const coldTimes = await timedSorted(Math.min(requests, 100), (i) =>
    cold.summary({ ...filters[i % filters.length], days: 14 } as never).then(() => undefined),
  );
  const e0 = Date.now();
  const xlsx = await http
    .get('/api/dashboard/export')
    .query({ format: 'xlsx' })
    .set(auth)
    .buffer(true)
    .parse(((res: NodeJS.ReadableStream, cb: (e: Error | null, b: Buffer) => void) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }) as never);
  const exportSeconds = (Date.now() - e0) / 1000;
  // The figures of the three newer mechanisms (read live, no rollups) and 工信局's list, on the
  // same city: each endpoint's own p50 / p95.
  const side: Record<string, { p50: number; p95: number }> = {};
  for (const [name, url] of Object.entries(SIDE_FIGURES)) {
    const t = await timedSorted(Math.min(requests, 100), async () => {
      const res = await http.get(url).set(auth);
      if (res.status !== 200) throw new Error(`${url} ${res.status}`);
    });
    side[name] = { p50: Math.round(pct(t, 50) * 10) / 10, p95: Math.round(pct(t, 95) * 10) / 10 };
  }
  const s = first.body;
  await db.close();
  return {
    scale,
    enterprises: city.enterprises,
    workers: city.workers,
    rollupDocuments: city.rollupDocuments,
    generatorSeconds: Math.round(generatorSeconds * 10) / 10,
    peakRssMB: Math.round(peak / 1e6),
    coldHttpP50ms: Math.round(pct(coldHttpTimes, 50) * 10) / 10,
    coldHttpP95ms: Math.round(pct(coldHttpTimes, 95) * 10) / 10,
    summaryP50ms: Math.round(pct(times, 50) * 10) / 10,
    summaryP95ms: Math.round(pct(times, 95) * 10) / 10,
    coldP50ms: Math.round(pct(coldTimes, 50) * 10) / 10,
    coldP95ms: Math.round(pct(coldTimes, 95) * 10) / 10,
    exportSeconds: Math.round(exportSeconds * 10) / 10,
    exportMB: Math.round((xlsx.body as Buffer).length / 1e5) / 10,
    generated: {
      keyProjects: 'keyProjects' in city ? city.keyProjects : null,
      supplyPosts: 'supplyPosts' in city ? city.supplyPosts : null,
      supplyMatches: 'supplyMatches' in city ? city.supplyMatches : null,
      freightPasses: 'freightPasses' in city ? city.freightPasses : null,
      freightChecks: 'freightChecks' in city ? city.freightChecks : null,
    },
    side,
    figures: {
      reopenRate: s.reopening.reopenRate,
      returnRate: s.reopening.returnRate,
      bySize: s.reopening.bySize.map(
        (r: { label: string; reopenRate: number; returnRate: number }) =>
          `${r.label} ${r.reopenRate} / ${r.returnRate}`,
      ),
    },
  };
}

async function main() {
  const scales = arg('scales', 'tenth,yuyao').split(',') as ScaleName[];
  const seed = Number(arg('seed', '2020'));
  const requests = Number(arg('requests', '300'));
  const rows = [];
  for (const scale of scales) {
    const row = await runScale(scale, seed, requests);
    console.log(JSON.stringify(row));
    rows.push(row);
  }
  console.log(
    `\ndatabase: ${process.env.BENCH_MONGODB_URI ? 'embedded, separate process' : 'embedded, in the measured process'}`,
  );
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 1e9)} GB, Node ${process.version}`,
  );
  console.log(
    `load average: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')} (1, 5, 15 min)`,
  );
  console.log(
    '| scale | enterprises | workers | generator s | peak RSS MB | **cold** summary p50 / p95 ms (HTTP, no cache) | cold, at the service | cached summary p50 / p95 ms (HTTP, served config) | xlsx export s (MB) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows)
    console.log(
      `| ${r.scale} | ${r.enterprises} | ${r.workers} | ${r.generatorSeconds} | ${r.peakRssMB} | ${r.coldHttpP50ms} / ${r.coldHttpP95ms} | ${r.coldP50ms} / ${r.coldP95ms} | ${r.summaryP50ms} / ${r.summaryP95ms} | ${r.exportSeconds} (${r.exportMB}) |`,
    );
  console.log('\n| scale | generated | key projects · supply · 工信局 list · freight figures, p50 / p95 |');
  console.log('| --- | --- | --- |');
  for (const r of rows)
    console.log(
      `| ${r.scale} | projects ${r.generated.keyProjects}, posts ${r.generated.supplyPosts}, matches ${r.generated.supplyMatches}, passes ${r.generated.freightPasses}, checks ${r.generated.freightChecks} | ` +
        Object.entries(r.side)
          .map(([k, v]) => `${k} ${v.p50} / ${v.p95} ms`)
          .join(' · ') +
        ' |',
    );
  const tenth = rows.find((r) => r.scale === 'tenth');
  const yuyao = rows.find((r) => r.scale === 'yuyao');
  if (tenth && yuyao) {
    const x = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '—');
    console.log(
      `Yuyao ÷ tenth, key projects / supply / 工信局 list / freight figures p95: ${Object.keys(SIDE_FIGURES)
        .map((k) => x(yuyao.side[k].p95, tenth.side[k].p95) + '×')
        .join(' / ')}`,
    );
    console.log(
      `Yuyao ÷ tenth, cold HTTP: p50 ${x(yuyao.coldHttpP50ms, tenth.coldHttpP50ms)}×, p95 ${x(yuyao.coldHttpP95ms, tenth.coldHttpP95ms)}× (target ≤ 1.5×; p95 target ≤ 50 ms); cached: p95 ${x(yuyao.summaryP95ms, tenth.summaryP95ms)}×`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
