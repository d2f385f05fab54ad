/**
 * Command-line entry: `npm run db -- --port 27017 --dbpath ./data/db`. Prints the connection
 * URI once the server accepts connections and stops cleanly on SIGINT/SIGTERM.
 */
import { parseCliArgs, USAGE } from './cliArgs';
import { startEmbeddedMongo } from './server';

async function main(): Promise<void> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if (parsed.kind === 'help') {
    console.log(USAGE);
    return;
  }
  if (parsed.kind === 'error') {
    console.error(`embedded-mongo: ${parsed.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const server = await startEmbeddedMongo(parsed.options);
  console.log(`embedded-mongo listening on ${server.uri}`);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`embedded-mongo: ${signal} received, shutting down`);
    server.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('embedded-mongo: shutdown failed:', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(`embedded-mongo: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
