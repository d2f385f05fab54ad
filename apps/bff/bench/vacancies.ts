/**
 * `npm run bench:vacancies [-- --vacancies 30000 --seekers 200000 --queries 400 --runs 3]`
 * (not part of npm test).
 *
 * A Ningbo-size 动态空岗信息库 in an in-memory embedded database: ≥ 30,000 open vacancies (plus
 * a tenth as many full, withdrawn or stale ones that search must skip) and ≥ 200,000 job seekers,
 * written with bulk inserts. Then many random searches through the whole app (auth, query
 * validation, the real route and service) as a worker's phone sends them: industry, wage floor
 * and region filters, nearest first from a point. Each run prints p50 / p95 / p99 ms beside the
 * host's stolen CPU and a bare baseline (one vacancy read by id through the same app: auth,
 * routing and an `_id` lookup), so a slow search shows apart from a slow machine. The
 * daily digest over the same city has its own bench, `bench:digest`.
 */
import { inProcessApp } from './in-process-app';
import { arg, openToolDb } from '../scripts/dashboard-db';
import { COUNTIES, generateCity, INDUSTRIES, near, pick, rnd } from './labour-city';
import { describeHostCpu, describeMachine, readHostCpu } from './host-cpu';
import { percentile, timedSorted } from './proc';

const VACANCIES = Number(arg('vacancies', '30000'));
const SEEKERS = Number(arg('seekers', '200000'));
const QUERIES = Number(arg('queries', '400'));
const RUNS = Number(arg('runs', '3'));
const closed = Math.ceil(VACANCIES / 10);

/** A worker's search: nearest first from where they stand, most with industry, wage or region. */
function randomQuery(): Record<string, string> {
  const county = pick(COUNTIES);
  const [lng, lat] = near(county);
  const q: Record<string, string> = { near: `${lng},${lat}`, withinKm: String(pick([10, 20, 30, 50])) };
  if (rnd() < 0.8) q.industry = pick(INDUSTRIES);
  // Up to 8,900 yuan: the top floors match few vacancies, so the geo scan must pass over many.
  if (rnd() < 0.6) q.wage = String(4000 + Math.floor(rnd() * 50) * 100);
  if (rnd() < 0.5) q.region = rnd() < 0.7 ? county[0] : '3302';
  return q;
}

async function main() {
  const db = await openToolDb({ inMemory: true });
  console.log(await generateCity(db, VACANCIES, SEEKERS, Date.now()));

  const { http, auth } = inProcessApp(db.connection, ['worker']);
  const some = await db.connection
    .collection('labour_vacancies')
    .find({}, { projection: { _id: 1 } })
    .limit(200)
    .toArray();
  const search = async (q: Record<string, string>) => {
    const res = await http.get('/api/labour/vacancies').query(q).set(auth);
    if (res.status !== 200) throw new Error(`search ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.items as { distanceM: number | null; status: string; stale: boolean }[];
  };
  const byId = async (i: number) => {
    const res = await http.get(`/api/labour/vacancies/${String(some[i % some.length]._id)}`).set(auth);
    if (res.status !== 200) throw new Error(`get ${res.status}`);
  };
  const fmt = (xs: number[]) =>
    [50, 95, 99].map((p) => percentile(xs, p).toFixed(1)).join(' / ') + ' ms (p50 / p95 / p99)';

  // Not timed: the first requests compile the code paths and warm the connection pool.
  await timedSorted(50, () => search(randomQuery()));
  await timedSorted(50, byId);
  let found = 0;
  let badOrder = 0;
  const runs: { search: number[]; bare: number[]; host: string }[] = [];
  for (let r = 1; r <= RUNS; r += 1) {
    const queries = Array.from({ length: QUERIES }, randomQuery);
    const host0 = readHostCpu();
    const times = await timedSorted(QUERIES, async (i) => {
      const items = await search(queries[i]);
      found += items.length;
      // What a user would notice: a far one above a near one, or a closed/stale one shown at all.
      for (let k = 0; k < items.length; k += 1)
        if (
          items[k].status !== 'open' ||
          items[k].stale ||
          (k > 0 && (items[k].distanceM ?? 0) < (items[k - 1].distanceM ?? 0))
        )
          badOrder += 1;
    });
    const bare = await timedSorted(QUERIES, byId);
    const host = describeHostCpu(host0, readHostCpu()).replace('during the rush', 'during the run');
    runs.push({ search: times, bare, host });
    console.log(`run ${r}: search ${fmt(times)}; bare baseline (one vacancy by id) ${fmt(bare)}; ${host}`);
  }
  const all = runs.flatMap((r) => r.search).sort((a, b) => a - b);
  const bareAll = runs.flatMap((r) => r.bare).sort((a, b) => a - b);
  console.log(
    `all runs: ${all.length} searches, ${(found / all.length).toFixed(1)} vacancies per answer, ${badOrder} out of order or not live`,
  );
  console.log(`search ${fmt(all)}; bare baseline ${fmt(bareAll)}`);
  console.log(describeMachine());
  console.log(
    `| ${VACANCIES} open (+${closed} closed/stale) | ${SEEKERS} | ${RUNS} × ${QUERIES} | ${fmt(all)} | ${fmt(bareAll)} | ${runs.map((r) => r.host.match(/([\d.]+)% stolen/)?.[1] ?? '?').join(', ')} % |`,
  );
  await db.close();
  process.exit(badOrder === 0 && percentile(all, 95) <= 50 ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
