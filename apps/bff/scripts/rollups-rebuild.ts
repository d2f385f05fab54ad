/**
 * `npm run rollups:rebuild [-- --db data/db]`: recounts every dashboard rollup from raw data,
 * prints the drift it found (stored vs recount) and replaces the counters. Exit code 2 when
 * there was drift, so a nightly job can alert on it.
 */
import { arg, openToolDb, progressBar } from './dashboard-db';

async function main() {
  const db = await openToolDb({ dbPath: arg('db', process.env.EMBEDDED_DB_PATH ?? 'data/db') });
  try {
    const bar = progressBar();
    const report = await db.container.rollups.rebuild((stage, n) => bar(stage, n, n));
    process.stderr.write('\n');
    console.log(
      JSON.stringify({
        database: db.where,
        documents: report.documents,
        ledgers: report.ledgers,
        driftCount: report.driftCount,
        tookMs: report.tookMs,
      }),
    );
    for (const d of report.drift)
      console.log(`drift ${d.doc} ${d.field} ${d.metric}: stored ${d.stored}, recount ${d.recount}`);
    process.exitCode = report.driftCount > 0 ? 2 : 0;
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
