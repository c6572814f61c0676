import type { startServer } from '@costudio/server';
import { startTestRelay, type TestRelay } from './testRelay.ts';

type ServerOptions = NonNullable<Parameters<typeof startServer>[0]>;

/** A relay running inside the test process on a random port, with its own temp data dir. */
export type InProcessServer = TestRelay;

/**
 * Starts the real relay on port 0. Pass `dataDir` to reopen an existing one (a restart);
 * otherwise a fresh temp dir is created and removed by dispose().
 */
export function startInProcessServer(options: ServerOptions = {}): Promise<InProcessServer> {
  return startTestRelay(options);
}
