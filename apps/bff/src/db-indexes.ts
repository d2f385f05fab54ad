import { loadConfig, ConfigError } from './config';
import { createLogger } from './logger';
import { systemClock } from './clock';
import { buildContainer } from './container';
import { connectDatabase, missingIndexes, syncIndexes } from './db/connect';

/**
 * Process entry of `npm run db:indexes` (production: `node apps/bff/dist/db-indexes.js`): builds
 * the collections and indexes of this version on MONGODB_URI, once per deployment and before
 * its instances start, which then only check them (DB_INDEXES=check, the production default).
 * Reads the same environment as the BFF; exits 0 when every declared index exists afterwards.
 */
async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`复工通 db:indexes refused to start.\n${err.message}\n`);
      return 78; // EX_CONFIG
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  if (!config.MONGODB_URI) {
    // The embedded database belongs to the one BFF process that runs it; that process builds its own.
    logger.error('db.indexes.no_uri: set MONGODB_URI (an embedded database is indexed by its BFF at boot)');
    return 78;
  }
  const connection = await connectDatabase(config.MONGODB_URI);
  try {
    // Registers every model on the connection, exactly as a serving instance would.
    buildContainer({ config, connection, logger, clock: systemClock });
    const started = Date.now();
    await syncIndexes(connection);
    const missing = await missingIndexes(connection);
    if (missing.length > 0) {
      logger.error({ missing }, 'db.indexes.incomplete');
      return 1;
    }
    logger.info(
      { collections: Object.keys(connection.models).length, tookMs: Date.now() - started },
      'db.indexes.ready',
    );
    return 0;
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`复工通 db:indexes failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
