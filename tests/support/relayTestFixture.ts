import type { SqliteBoardStoreOptions, StartServerOptions } from '@costudio/server';
import { afterEach, vi } from 'vitest';
import { type Harness, startHarness } from './harness.ts';

/**
 * The relay tests' setup (server/src/relay/Relay.test.ts, Room.test.ts): generous timeouts, since they run real
 * servers and sockets on a shared two-core machine, and a harness closed after every test.
 * Call it once at the top of a test file; it returns how to start that test's harness.
 */
export function harnessPerTest(): (options?: StartServerOptions, sqlite?: SqliteBoardStoreOptions) => Promise<Harness> {
  vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });
  let current: Harness | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return async (options = {}, sqlite) => {
    current = await startHarness(options, sqlite);
    return current;
  };
}
