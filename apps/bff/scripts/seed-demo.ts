/**
 * `npm run seed:demo -- --scale yuyao|tenth|small [--seed 2020] [--db data/db]`: fills the
 * database with the demo accounts and a generated city, then builds the rollups. Deterministic
 * from --seed. Run it with the server stopped when using the embedded database.
 */
import pino from 'pino';
import { seedDemo } from '../src/dev/seed-demo';
import { generateCity } from '../src/dev/generator/generate-city';
import { SCALES, type ScaleName } from '../src/dev/generator/city-plan';
import { systemClock } from '../src/clock';
import { arg, openToolDb, progressBar } from './dashboard-db';

async function main() {
  const scale = arg('scale', 'small') as ScaleName;
  if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  const seed = Number(arg('seed', '2020'));
  const db = await openToolDb({
    dbPath: arg('db', process.env.EMBEDDED_DB_PATH ?? 'data/db'),
    inMemory: process.argv.includes('--in-memory'),
  });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  const started = Date.now();
  try {
    await seedDemo(db.container, pino({ level: 'warn' }));
    const city = await generateCity(db.container, db.connection, systemClock, {
      scale,
      seed,
      progress: progressBar(),
    });
    peak = Math.max(peak, process.memoryUsage().rss);
    process.stderr.write('\n');
    console.log(
      JSON.stringify({
        scale,
        seed,
        database: db.where,
        ...city,
        seconds: Math.round((Date.now() - started) / 100) / 10,
        peakRssMB: Math.round(peak / 1e6),
      }),
    );
  } finally {
    clearInterval(sampler);
    await db.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
