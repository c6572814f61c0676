import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ServerKind, ServerProcess } from './lib/serverProcess.ts';
import { median } from './lib/stats.ts';
import { type FanoutResult, type FanoutRound, runFanout, summarizeFanout } from './scenarios/fanout.ts';
import { type IdleMemoryResult, runIdleMemory } from './scenarios/idleMemory.ts';
import { type JoinTiming, seedBoard, timeJoin } from './scenarios/join.ts';

export type RelayScenario = 'fanout' | 'join' | 'memory';
export const RELAY_SCENARIOS: readonly RelayScenario[] = ['fanout', 'join', 'memory'];

export interface RelayBenchOptions {
  scenarios: readonly RelayScenario[];
  servers: readonly ServerKind[];
  fanoutWarmupMs: number;
  /** Measured time per fan-out shape and server, split over `fanoutRounds` alternating rounds. */
  fanoutMeasureMs: number;
  fanoutRounds: number;
  joinNotes: number;
  joinRepeats: number;
  idleConnections: number;
  idleRooms: number;
  memoryRounds: number;
  /** Directory for --cpu-prof output of the server children; none when undefined. */
  cpuProfileDir: string | undefined;
  log: (line: string) => void;
}

export interface JoinFigures {
  /** Median time until the client's doc holds every note. */
  medianMs: number;
  /** Median time until the server's sync step 2 arrived (server work + transfer, no client decoding). */
  stateArrivedMedianMs: number;
  samples: JoinTiming[];
  /** Cold joins only: median board load time the relay reports (costudio_room_load_seconds). */
  serverLoadMedianMs?: number;
}

export interface ServerFigures {
  fanoutRooms?: FanoutResult;
  fanoutCrowd?: FanoutResult;
  warmJoin?: JoinFigures;
  coldJoin?: JoinFigures;
  idleMemory?: IdleMemoryResult;
  /** Scenario → error message, when a scenario could not run on this server. */
  errors: Record<string, string>;
}

export type RelayFigures = Partial<Record<ServerKind, ServerFigures>>;

const ROOMS_FANOUT = { rooms: 20, clientsPerRoom: 10, updatesPerSecondPerRoom: 20 };
const CROWD_FANOUT = { rooms: 1, clientsPerRoom: 100, updatesPerSecondPerRoom: 20 };

/**
 * Runs each scenario on each server, every run in a fresh server child (and, for Costudio, a
 * fresh temp DATA_DIR) so no scenario inherits another's memory or load.
 */
export async function runRelayBench(options: RelayBenchOptions): Promise<RelayFigures> {
  const figures: RelayFigures = {};
  for (const kind of options.servers) figures[kind] = { errors: {} };
  for (const scenario of options.scenarios) {
    if (scenario === 'fanout') {
      await fanout(figures, options);
      continue;
    }
    for (const kind of options.servers) {
      const target = figures[kind] as ServerFigures;
      if (scenario !== 'join') continue;
      await guarded(kind, scenario, target, options, (start) => join(kind, start, target, options));
    }
    if (scenario === 'memory') await memory(figures, options);
  }
  return figures;
}

/** Runs `body` with a starter for fresh children on one temp DATA_DIR; records a failure instead of throwing. */
async function guarded(
  kind: ServerKind,
  scenario: string,
  target: ServerFigures,
  options: RelayBenchOptions,
  body: (start: Starter) => Promise<void>,
): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `costudio-bench-${kind}-`));
  const start = (): Promise<ServerProcess> =>
    ServerProcess.start(kind, {
      dataDir,
      cpuProfileDir: options.cpuProfileDir ? path.join(options.cpuProfileDir, `${kind}-${scenario}`) : undefined,
    });
  try {
    options.log(`${scenario} on ${kind}…`);
    await body(start);
  } catch (error) {
    target.errors[scenario] = error instanceof Error ? error.message : String(error);
    options.log(`  ${scenario} on ${kind} failed: ${target.errors[scenario]}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type Starter = () => Promise<ServerProcess>;

async function withServer<T>(start: Starter, use: (server: ServerProcess) => Promise<T>): Promise<T> {
  const server = await start();
  try {
    return await use(server);
  } catch (error) {
    const output = server.recentOutput().trim();
    if (output && error instanceof Error) error.message += `\n  server output:\n${output.slice(-2000)}`;
    throw error;
  } finally {
    await server.stop();
  }
}

/**
 * Fan-out in rounds that alternate the servers (A B, then B A, …), each a fresh child measuring a
 * share of the time, with samples pooled per server: a burst of load from elsewhere on the
 * machine then lands on both servers rather than on whichever happened to run at the time.
 */
async function fanout(figures: RelayFigures, options: RelayBenchOptions): Promise<void> {
  const shapes = [
    { name: '20×10', shape: ROOMS_FANOUT, label: 'rooms', key: 'fanoutRooms' },
    { name: '1×100', shape: CROWD_FANOUT, label: 'crowd', key: 'fanoutCrowd' },
  ] as const;
  const measureMs = options.fanoutMeasureMs / options.fanoutRounds;
  for (const { name, shape, label, key } of shapes) {
    const rounds = new Map<ServerKind, FanoutRound[]>();
    for (let round = 0; round < options.fanoutRounds; round++) {
      const order = round % 2 === 0 ? options.servers : [...options.servers].reverse();
      for (const kind of order) {
        const target = figures[kind] as ServerFigures;
        if (target.errors[`fanout ${name}`]) continue;
        await guarded(kind, `fanout ${name}`, target, options, (start) =>
          withServer(start, async (server) => {
            const result = await runFanout(server, { ...shape, warmupMs: options.fanoutWarmupMs, measureMs }, label);
            rounds.set(kind, [...(rounds.get(kind) ?? []), result]);
          }),
        );
      }
    }
    for (const [kind, results] of rounds) {
      const summary = summarizeFanout(results);
      (figures[kind] as ServerFigures)[key] = summary;
      options.log(`  ${kind} ${name}: p50 ${summary.p50Ms.toFixed(2)} ms, p99 ${summary.p99Ms.toFixed(2)} ms`);
    }
  }
}

async function join(kind: ServerKind, start: Starter, target: ServerFigures, options: RelayBenchOptions): Promise<void> {
  const board = 'join-board';
  await withServer(start, async (server) => {
    const seeder = await seedBoard(server, board, options.joinNotes);
    const samples: JoinTiming[] = [];
    for (let i = 0; i < options.joinRepeats; i++) samples.push(await timeJoin(server, board, options.joinNotes));
    target.warmJoin = joinFigures(samples);
    options.log(`  warm join: median ${target.warmJoin.medianMs.toFixed(1)} ms`);
    await seeder.close();
  });
  // The reference keeps documents in RAM only: after a restart there is nothing to join.
  if (kind !== 'costudio') return;
  const samples: JoinTiming[] = [];
  const loadMs: number[] = [];
  for (let i = 0; i < options.joinRepeats; i++) {
    const sample = await withServer(start, async (server) => {
      const profile = options.cpuProfileDir ? path.join(options.cpuProfileDir, `costudio-cold-join-${i + 1}.cpuprofile`) : null;
      if (profile) await server.profileStart();
      const timing = await timeJoin(server, board, options.joinNotes);
      if (profile) await server.profileStop(profile);
      // The relay's own account of the load (snapshot + log + migrations), from GET /metrics.
      const seconds = await server.metric('costudio_room_load_seconds_sum');
      if (seconds !== undefined) loadMs.push(seconds * 1000);
      return timing;
    });
    samples.push(sample);
  }
  target.coldJoin = { ...joinFigures(samples), ...(loadMs.length > 0 ? { serverLoadMedianMs: median(loadMs) } : {}) };
  options.log(
    `  cold join: median ${target.coldJoin.medianMs.toFixed(1)} ms (state arrived ${target.coldJoin.stateArrivedMedianMs.toFixed(1)} ms, server load ${target.coldJoin.serverLoadMedianMs?.toFixed(1) ?? '?'} ms)`,
  );
}

function joinFigures(samples: JoinTiming[]): JoinFigures {
  return {
    medianMs: median(samples.map((s) => s.totalMs)),
    stateArrivedMedianMs: median(samples.map((s) => s.stateArrivedMs)),
    samples,
  };
}

/**
 * Idle memory in alternating rounds (A B, B A, …), a fresh child each, averaged per server: one
 * reading of RSS moves by whole allocator chunks, so a single round can be off by a KiB per connection.
 */
async function memory(figures: RelayFigures, options: RelayBenchOptions): Promise<void> {
  const rounds = new Map<ServerKind, IdleMemoryResult[]>();
  for (let round = 0; round < options.memoryRounds; round++) {
    const order = round % 2 === 0 ? options.servers : [...options.servers].reverse();
    for (const kind of order) {
      const target = figures[kind] as ServerFigures;
      if (target.errors.memory) continue;
      await guarded(kind, 'memory', target, options, (start) =>
        withServer(start, async (server) => {
          const result = await runIdleMemory(server, { connections: options.idleConnections, rooms: options.idleRooms });
          rounds.set(kind, [...(rounds.get(kind) ?? []), result]);
        }),
      );
    }
  }
  for (const [kind, results] of rounds) {
    const mean = (pick: (r: IdleMemoryResult) => number) => results.reduce((sum, r) => sum + pick(r), 0) / results.length;
    const summary: IdleMemoryResult = {
      ...(results[results.length - 1] as IdleMemoryResult),
      rssPerConnection: mean((r) => r.rssPerConnection),
      heapPerConnection: mean((r) => r.heapPerConnection),
      rounds: results.map((r) => ({ rssPerConnection: r.rssPerConnection, heapPerConnection: r.heapPerConnection })),
    };
    (figures[kind] as ServerFigures).idleMemory = summary;
    const perRound = results.map((r) => (r.rssPerConnection / 1024).toFixed(1)).join(', ');
    options.log(`  ${kind}: RSS per idle connection ${(summary.rssPerConnection / 1024).toFixed(1)} KiB (rounds: ${perRound})`);
  }
}
