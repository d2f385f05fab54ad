/**
 * `npm run backup -- --out DIR [--uri mongodb://…/fugong | --dbpath ./data/db]`
 * Dumps the whole database (documents as canonical EJSON, index specs) into DIR.
 */
import { backupDatabase, flags, openTarget } from './lib/dump';

async function main(): Promise<void> {
  const f = flags(process.argv.slice(2));
  if (typeof f.out !== 'string')
    throw new Error('usage: npm run backup -- --out DIR [--uri URI | --dbpath DIR]');
  const target = await openTarget(f);
  try {
    const m = await backupDatabase(target.db, f.out);
    const docs = m.collections.reduce((n, c) => n + c.count, 0);
    console.log(`backup of ${m.database}: ${m.collections.length} collections, ${docs} documents → ${f.out}`);
  } finally {
    await target.close();
  }
}

main().catch((err: unknown) => {
  console.error(`backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
