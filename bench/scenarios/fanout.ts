import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { delay } from '../lib/delay.ts';
import { connectMany, type RawSyncClient } from '../lib/RawSyncClient.ts';
import type { ServerProcess } from '../lib/serverProcess.ts';

/** Where the clients of a room connect, and which of them write and which measure (a Deployment). */
export interface FanoutTarget {
  readonly servers: readonly ServerProcess[];
  roomUrl(room: string, client: number): string;
  writes(client: number): boolean;
  measures(client: number): boolean;
}

import { percentile } from '../lib/stats.ts';

export interface FanoutOptions {
  rooms: number;
  clientsPerRoom: number;
  updatesPerSecondPerRoom: number;
  /** Updates sent during the warm-up are relayed but not measured. */
  warmupMs: number;
  measureMs: number;
}

export interface FanoutResult {
  rooms: number;
  clientsPerRoom: number;
  updatesSent: number;
  /** Receipts expected in the measured window: for each update, the measuring clients other than its writer. */
  expectedReceipts: number;
  receipts: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Worst round's p99 event-loop delay of the load generator. */
  loadGeneratorDelayP99Ms: number;
  /** Main-thread CPU of the server children in the measured window, summed, per update sent (µs). */
  serverCpuUsPerUpdate: number;
  persist: PersistStats | null;
}

/** Every update is one Y.Map entry per writer, overwritten each time: `probe:<clientID>:<measured 0|1>:<sentAt>;`. */
const PROBE_MAP = 'bench';
const PROBE_MARK = 'probe:';
const PROBE_MARK_BYTES = Buffer.from(PROBE_MARK, 'latin1');
const PROBE_END = ';'.charCodeAt(0);
/** Receipts still missing this long after the last send count as lost. */
const DRAIN_TIMEOUT_MS = 5_000;

/**
 * Fan-out latency: in each room, clients take turns writing (round robin) at a fixed rate per
 * room; each update carries its send time (performance.now() of this process) in a Y.Map
 * entry, and every other client in the room records now − sentAt when the frame carrying it
 * arrives. All clients live in this one process, so they share one clock.
 */
export async function runFanout(target: FanoutTarget, options: FanoutOptions, label: string): Promise<FanoutRound> {
  const { rooms, clientsPerRoom } = options;
  // Each room's first client (on the first instance) creates the board before the others join:
  // instances that load a new board at the same moment both try to create it, and one refuses it.
  const clients = await connectMany(
    (i) => target.roomUrl(`${label}-${Math.floor(i / clientsPerRoom)}`, i % clientsPerRoom),
    rooms * clientsPerRoom,
    50,
    (i) => i % clientsPerRoom === 0,
  );
  const seats = Array.from({ length: clientsPerRoom }, (_, c) => c);
  const writerSeats = seats.filter((c) => target.writes(c));
  const measuringSeats = seats.filter((c) => target.measures(c)).length;
  const roomClients = Array.from({ length: rooms }, (_, r) => clients.slice(r * clientsPerRoom, (r + 1) * clientsPerRoom));
  const latencies: number[] = [];
  let receipts = 0;
  clients.forEach((client, i) => {
    if (!target.measures(i % clientsPerRoom)) return;
    observeProbes(client, (latencyMs) => {
      latencies.push(latencyMs);
      receipts++;
    });
  });

  let updatesSent = 0;
  let expectedReceipts = 0;
  let measuring = false;
  const intervalMs = 1000 / options.updatesPerSecondPerRoom;
  const timers: NodeJS.Timeout[] = [];
  const starters: NodeJS.Timeout[] = [];
  roomClients.forEach((members, r) => {
    let turn = 0;
    // Stagger the rooms over one interval so sends are spread evenly, not in bursts.
    starters.push(
      setTimeout(
        () => {
          timers.push(
            setInterval(() => {
              const seat = writerSeats[turn++ % writerSeats.length] as number;
              if (measuring) {
                updatesSent++;
                expectedReceipts += measuringSeats - (target.measures(seat) ? 1 : 0);
              }
              writeProbe(members[seat] as RawSyncClient, measuring);
            }, intervalMs),
          );
        },
        (r * intervalMs) / rooms,
      ),
    );
  });

  await delay(options.warmupMs);
  // The load generator's own event-loop delay: a late timer or a late socket read shows up in
  // every latency sample, so a round disturbed by other work on the machine is visible.
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const cpuAtStart = serverCpuMs(target.servers);
  measuring = true;
  await delay(options.measureMs);
  measuring = false;
  const cpuMs = serverCpuMs(target.servers) - cpuAtStart;
  loopDelay.disable();
  for (const timer of [...starters, ...timers]) clearTimeout(timer);
  const drainUntil = performance.now() + DRAIN_TIMEOUT_MS;
  while (receipts < expectedReceipts && performance.now() < drainUntil) await delay(50);
  await Promise.all(clients.map((client) => client.close()));

  return {
    rooms,
    clientsPerRoom,
    updatesSent,
    expectedReceipts,
    receipts,
    latencies,
    loadGeneratorDelayP99Ms: loopDelay.percentile(99) / 1e6,
    serverCpuMs: cpuMs,
    persist: await persistStats(target.servers),
  };
}

function serverCpuMs(servers: readonly ServerProcess[]): number {
  return servers.reduce((total, server) => total + server.mainThreadCpuMs(), 0);
}

/** The raw outcome of one fan-out run; rounds of the same shape are pooled by `summarizeFanout`. */
export interface FanoutRound {
  rooms: number;
  clientsPerRoom: number;
  updatesSent: number;
  expectedReceipts: number;
  receipts: number;
  latencies: number[];
  loadGeneratorDelayP99Ms: number;
  /** Main-thread CPU of the server children during the measured window, summed (ms). */
  serverCpuMs: number;
  /** Costudio only: its group commits in this round (from GET /metrics). */
  persist: PersistStats | null;
}

export interface PersistStats {
  commits: number;
  /** Commits that took longer than 10 ms (a WAL checkpoint's fsync, a slow disk). */
  over10ms: number;
  totalMs: number;
}

/** Sums costudio_persist_seconds over the servers' /metrics; null for servers without it. */
async function persistStats(servers: readonly ServerProcess[]): Promise<PersistStats | null> {
  const total: PersistStats = { commits: 0, over10ms: 0, totalMs: 0 };
  for (const server of servers) {
    if (server.kind !== 'costudio') return null;
    const commits = await server.metric('costudio_persist_seconds_count');
    const within10ms = await server.metric('costudio_persist_seconds_bucket{le="0.01"}');
    const seconds = await server.metric('costudio_persist_seconds_sum');
    if (commits === undefined || within10ms === undefined || seconds === undefined) return null;
    total.commits += commits;
    total.over10ms += commits - within10ms;
    total.totalMs += seconds * 1000;
  }
  return total;
}

/** Pools the samples of several rounds of one shape into one set of figures. */
export function summarizeFanout(rounds: readonly FanoutRound[]): FanoutResult {
  const latencies = rounds.flatMap((round) => round.latencies);
  const sum = (pick: (round: FanoutRound) => number) => rounds.reduce((total, round) => total + pick(round), 0);
  const updatesSent = sum((r) => r.updatesSent);
  return {
    rooms: rounds[0]?.rooms ?? 0,
    clientsPerRoom: rounds[0]?.clientsPerRoom ?? 0,
    updatesSent,
    expectedReceipts: sum((r) => r.expectedReceipts),
    receipts: sum((r) => r.receipts),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.reduce((max, value) => Math.max(max, value), 0),
    loadGeneratorDelayP99Ms: Math.max(...rounds.map((r) => r.loadGeneratorDelayP99Ms)),
    serverCpuUsPerUpdate: (sum((r) => r.serverCpuMs) * 1000) / Math.max(1, updatesSent),
    persist: rounds.some((r) => r.persist)
      ? {
          commits: sum((r) => r.persist?.commits ?? 0),
          over10ms: sum((r) => r.persist?.over10ms ?? 0),
          totalMs: sum((r) => r.persist?.totalMs ?? 0),
        }
      : null,
  };
}

function writeProbe(writer: RawSyncClient, measured: boolean): void {
  const probes = writer.doc.getMap<string>(PROBE_MAP);
  // The update is sent synchronously from the doc's update handler, right after this line.
  const id = writer.doc.clientID;
  probes.set(String(id), `${PROBE_MARK}${id}:${measured ? 1 : 0}:${performance.now().toFixed(4)};`);
}

/**
 * Records a latency for every measured probe in a frame, straight from the frame's bytes: Yjs
 * writes a string map value as plain UTF-8 inside the update. Receivers do not apply the
 * update to a Y.Doc: with 99 receivers in one process, each frame's Yjs work would delay every
 * later receiver's timestamp and add the same client-side cost to both servers' figures.
 */
function observeProbes(client: RawSyncClient, record: (latencyMs: number) => void): void {
  const ownId = String(client.doc.clientID);
  client.tapFrames((frame, receivedAt) => {
    for (let at = frame.indexOf(PROBE_MARK_BYTES); at !== -1; at = frame.indexOf(PROBE_MARK_BYTES, at + 1)) {
      const start = at + PROBE_MARK_BYTES.length;
      const end = frame.indexOf(PROBE_END, start);
      if (end === -1) continue;
      const [writer, measured, sentAt] = frame.toString('latin1', start, end).split(':');
      // The reference relay echoes an update to its sender too; that is not fan-out.
      if (measured === '1' && writer !== ownId) record(receivedAt - Number(sentAt));
    }
    return true;
  });
}
