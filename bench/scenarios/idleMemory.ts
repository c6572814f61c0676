import { delay } from '../lib/delay.ts';
import { connectMany, type RawSyncClient } from '../lib/RawSyncClient.ts';
import type { MemorySample, ServerProcess } from '../lib/serverProcess.ts';

export interface IdleMemoryOptions {
  connections: number;
  rooms: number;
}

export interface IdleMemoryResult {
  connections: number;
  rooms: number;
  before: MemorySample;
  after: MemorySample;
  /** (RSS after − RSS before) / connections, bytes. */
  rssPerConnection: number;
  heapPerConnection: number;
  /** When averaged over rounds: each round's figures. */
  rounds?: Array<{ rssPerConnection: number; heapPerConnection: number }>;
}

/** Lets the server finish any deferred work (timers, allocations after handshakes) before measuring. */
const SETTLE_MS = 1_500;

/**
 * Server memory per idle connection. One holder connection per room loads the rooms first, so
 * the figure is the cost of a connection, not of a room; then `connections` synced clients are
 * spread over the rooms and sit idle. RSS before and after, each after a forced GC in the server.
 */
export async function runIdleMemory(server: ServerProcess, options: IdleMemoryOptions): Promise<IdleMemoryResult> {
  const room = (i: number) => server.roomUrl(`idle-${i % options.rooms}`);
  const holders = await connectMany(room, options.rooms);
  await delay(SETTLE_MS);
  const before = await server.memory();
  let idle: RawSyncClient[] = [];
  try {
    idle = await connectMany(room, options.connections, 100);
    await delay(SETTLE_MS);
    const after = await server.memory();
    return {
      connections: options.connections,
      rooms: options.rooms,
      before,
      after,
      rssPerConnection: (after.rss - before.rss) / options.connections,
      heapPerConnection: (after.heapUsed - before.heapUsed) / options.connections,
    };
  } finally {
    for (const client of [...idle, ...holders]) client.terminate();
  }
}
