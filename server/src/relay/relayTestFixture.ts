import { MESSAGE_SYNC } from '@costudio/shared';
import * as encoding from 'lib0/encoding';
import { afterEach, vi } from 'vitest';
import type { StartServerOptions } from '../startServer.ts';
import type { SqliteBoardStoreOptions } from '../storage/SqliteBoardStore.ts';
import { type Harness, startHarness } from '../testing/harness.ts';

/**
 * The relay tests' setup (Relay.test.ts, Room.test.ts): generous timeouts, since they run real
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

/** A y-websocket sync message (MESSAGE_SYNC) of one step `type` (0, 1 or 2) carrying `payload`. */
export function syncFrame(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}
