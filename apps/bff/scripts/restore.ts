/**
 * `npm run restore -- --from DIR [--drop] [--uri mongodb://…/fugong | --dbpath ./data/db]`
 * Rebuilds every collection of a backup (documents, options, indexes). Refuses to overwrite
 * existing collections unless --drop is given.
 */
import { flags, openTarget, restoreDatabase } from './lib/dump';

async function main(): Promise<void> {
  const f = flags(process.argv.slice(2));
  if (typeof f.from !== 'string')
    throw new Error('usage: npm run restore -- --from DIR [--drop] [--uri URI | --dbpath DIR]');
  const target = await openTarget(f);
  try {
    const m = await restoreDatabase(target.db, f.from, { drop: f.drop === true });
    const docs = m.collections.reduce((n, c) => n + c.count, 0);
    console.log(
      `restored ${m.collections.length} collections, ${docs} documents from ${f.from} into ${target.db.databaseName}`,
    );
  } finally {
    await target.close();
  }
}

main().catch((err: unknown) => {
  console.error(`restore failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
