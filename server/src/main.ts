#!/usr/bin/env -S npx tsx
import { ConfigError, helpText, parseConfig } from './config.ts';
import { createLogger } from './log.ts';
import { startServer } from './startServer.ts';

// pnpm passes a literal `--` through when run as `pnpm … start -- --help`.
const args = process.argv.slice(2).filter((arg) => arg !== '--');
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(helpText());
  process.exit(0);
}
if (args.length > 0) {
  process.stderr.write(`Unknown argument: ${args[0]}\n\n${helpText()}`);
  process.exit(2);
}

let config: ReturnType<typeof parseConfig>;
try {
  config = parseConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`Configuration error: ${error.message}\nRun with --help for the list of settings.\n`);
  process.exit(2);
}

const logger = createLogger(config.logLevel);
process.on('unhandledRejection', (error) => logger.error('unhandled rejection', { error }));
process.on('uncaughtException', (error) => {
  // Every committed update is already on disk, so exiting loses nothing; carrying on might.
  logger.error('uncaught exception; exiting', { error, stack: error.stack });
  process.exit(1);
});

try {
  const server = await startServer({ ...config, logger });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} catch (error) {
  logger.error('could not start', { error });
  process.exit(1);
}
