import { performance } from 'node:perf_hooks';
import { delay } from '../lib/delay.ts';
import { connectMany, type RawSyncClient } from '../lib/RawSyncClient.ts';
import type { MemorySample, ServerProcess } from '../lib/serverProcess.ts';

export interface IdleMemoryOptions {
  /** Idle connections per server instance. */
  connections: number;
  rooms: number;
}

/** Where a room's clients connect (a Deployment): client `i` of a room goes to instance `i % servers.length`. */
export interface IdleTarget {
  readonly servers: readonly ServerProcess[];
  roomUrl(room: string, client: number): string;
}

export interface IdleMemoryResult {
  /** Idle connections per instance. */
  connections: number;
  instances: number;
  rooms: number;
  /** From opening the first of all instances' connections until the last completed its sync. */
  allSyncedMs: number;
  /** One per instance. */
  before: MemorySample[];
  after: MemorySample[];
  /** Mean over the instances of (RSS after − RSS before) / connections, bytes. */
  rssPerConnection: number;
  heapPerConnection: number;
}

/** Lets the server finish any deferred work (timers, allocations after handshakes) before measuring. */
const SETTLE_MS = 1_500;
/** Handshakes in flight at once, as before the time-to-synced figure existed. */
const CONCURRENCY = 100;

/**
 * Server memory per idle connection, and how long `connections` clients take to connect and
 * sync. One holder connection per room and instance loads the rooms first, so the figure is the
 * cost of a connection, not of a room; then `connections` synced clients per instance are spread
 * over the rooms and sit idle. RSS before and after, each after a forced GC in the server.
 */
export async function runIdleMemory(target: IdleTarget, options: IdleMemoryOptions): Promise<IdleMemoryResult> {
  const instances = target.servers.length;
  // Client i: instance i % instances, room ⌊i / instances⌋ mod rooms, so every instance has every room.
  const url = (i: number) => target.roomUrl(`idle-${Math.floor(i / instances) % options.rooms}`, i);
  // The first instance's holders create the boards before the others load them (as in fan-out).
  const holders = await connectMany(url, options.rooms * instances, CONCURRENCY, (i) => i % instances === 0);
  await delay(SETTLE_MS);
  const before = await memoryOf(target.servers);
  let idle: RawSyncClient[] = [];
  try {
    const startedAt = performance.now();
    idle = await connectMany(url, options.connections * instances, CONCURRENCY);
    const allSyncedMs = performance.now() - startedAt;
    await delay(SETTLE_MS);
    const after = await memoryOf(target.servers);
    const perConnection = (pick: (sample: MemorySample) => number) =>
      after.reduce((sum, sample, i) => sum + pick(sample) - pick(before[i] as MemorySample), 0) / instances / options.connections;
    return {
      connections: options.connections,
      instances,
      rooms: options.rooms,
      allSyncedMs,
      before,
      after,
      rssPerConnection: perConnection((s) => s.rss),
      heapPerConnection: perConnection((s) => s.heapUsed),
    };
  } finally {
    for (const client of [...idle, ...holders]) client.terminate();
  }
}

async function memoryOf(servers: readonly ServerProcess[]): Promise<MemorySample[]> {
  const samples: MemorySample[] = [];
  for (const server of servers) samples.push(await server.memory());
  return samples;
}

/**
 * How many times the idle connections of one instance several instances hold at the same RSS
 * per instance: each instance of `cluster` is allowed the RSS `single` reached, and holds
 * connections in proportion to its own per-connection cost above its own starting RSS (a linear
 * extrapolation from the measured load). 3.0 for three instances that cost what one does.
 */
export function capacityRatio(single: IdleMemoryResult, cluster: IdleMemoryResult): number {
  const budget = single.after[0]?.rss ?? Number.NaN;
  let held = 0;
  cluster.after.forEach((after, i) => {
    const before = cluster.before[i]?.rss ?? Number.NaN;
    const perConnection = (after.rss - before) / cluster.connections;
    held += (budget - before) / perConnection;
  });
  return held / single.connections;
}
