import path from 'node:path';
import pino from 'pino';
import type { Connection } from 'mongoose';
import { loadConfig } from '../src/config';
import { connectDatabase, syncIndexes } from '../src/db/connect';
import { buildContainer, type Container } from '../src/container';
import { systemClock } from '../src/clock';

/** A database and a container for the command-line tools (seed:demo, rollups:rebuild, the bench). */
export interface ToolDb {
  connection: Connection;
  container: Container;
  where: string;
  close(): Promise<void>;
}

/**
 * Opens MONGODB_URI when set, otherwise the embedded database: in memory for the benchmark, or
 * the folder `npm start` uses (data/db by default; stop the server first — one process owns it).
 */
export async function openToolDb(opts: { inMemory?: boolean; dbPath?: string } = {}): Promise<ToolDb> {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    LOG_LEVEL: 'warn',
  });
  let uri = config.MONGODB_URI;
  let stop: (() => Promise<void>) | null = null;
  let where = 'MONGODB_URI';
  if (!uri) {
    const { startEmbeddedMongo } = await import('@fugong/embedded-mongo');
    const dbPath = path.resolve(opts.dbPath ?? config.EMBEDDED_DB_PATH);
    const embedded = await startEmbeddedMongo(opts.inMemory ? { inMemory: true } : { dbPath });
    uri = embedded.uri.replace(/\/(\?|$)/, '/fugong$1');
    stop = () => embedded.stop();
    where = opts.inMemory ? 'embedded (in memory)' : `embedded (${dbPath})`;
  }
  const connection = await connectDatabase(uri);
  const container = buildContainer({
    config,
    connection,
    logger: pino({ level: 'warn' }),
    clock: systemClock,
  });
  // After the container: modules register their models on the connection as they are built,
  // and syncIndexes creates the indexes of the models registered so far (as server.ts does).
  await syncIndexes(connection);
  return {
    connection,
    container,
    where,
    async close() {
      await connection.close();
      if (stop) await stop();
    },
  };
}

/** A one-line progress bar on stderr, redrawn at most ten times a second. */
export function progressBar(): (stage: string, done: number, total: number) => void {
  let last = 0;
  let lastStage = '';
  return (stage, done, total) => {
    const now = Date.now();
    if (stage === lastStage && now - last < 100 && done < total) return;
    if (stage !== lastStage && lastStage) process.stderr.write('\n');
    last = now;
    lastStage = stage;
    const pct = total > 0 ? Math.min(1, done / total) : 1;
    const bar = '#'.repeat(Math.round(pct * 30)).padEnd(30, '.');
    process.stderr.write(
      `\r[${bar}] ${String(Math.round(pct * 100)).padStart(3)}% ${stage} ${done.toLocaleString('en')}`,
    );
  };
}

/** Reads `--name value` from argv. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
