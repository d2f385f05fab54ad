import { loadConfig, ConfigError } from './config';
import { createLogger } from './logger';
import { batchedStdout } from './log-sink';
import { startServer } from './server';

/** Process entry: refuse bad config, boot, and shut down gracefully on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`复工通 BFF refused to start.\n${err.message}`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL, batchedStdout());
  const server = await startServer(config, logger);
  logger.info({ url: server.url }, 'server.listening');
  console.log(`BFF listening on ${server.url} (API ${server.url}/api, docs ${server.url}/api/openapi.json)`);

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'server.stopping');
    server.stop().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'server.stop.failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  console.error('复工通 BFF failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
