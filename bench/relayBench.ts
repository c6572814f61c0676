import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ServerKind, ServerProcess } from './lib/serverProcess.ts';
import { median } from './lib/stats.ts';
import { type FanoutOptions, type FanoutResult, runFanout } from './scenarios/fanout.ts';
import { type IdleMemoryResult, runIdleMemory } from './scenarios/idleMemory.ts';
import { type JoinTiming, seedBoard, timeJoin } from './scenarios/join.ts';

export type RelayScenario = 'fanout' | 'join' | 'memory';
export const RELAY_SCENARIOS: readonly RelayScenario[] = ['fanout', 'join', 'memory'];

export interface RelayBenchOptions {
  scenarios: readonly RelayScenario[];
  servers: readonly ServerKind[];
  fanoutWarmupMs: number;
  fanoutMeasureMs: number;
  joinNotes: number;
  joinRepeats: number;
  idleConnections: number;
  idleRooms: number;
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
 * Runs each scenario on each server, one after the other, every scenario in a fresh server child
 * (and, for Costudio, a fresh temp DATA_DIR) so no scenario inherits another's memory or load.
 */
export async function runRelayBench(options: RelayBenchOptions): Promise<RelayFigures> {
  const figures: RelayFigures = {};
  for (const kind of options.servers) figures[kind] = { errors: {} };
  for (const scenario of options.scenarios) {
    for (const kind of options.servers) {
      const target = figures[kind] as ServerFigures;
      const dataDir = mkdtempSync(path.join(os.tmpdir(), `costudio-bench-${kind}-`));
      const start = (): Promise<ServerProcess> =>
        ServerProcess.start(kind, {
          dataDir,
          cpuProfileDir: options.cpuProfileDir ? path.join(options.cpuProfileDir, `${kind}-${scenario}`) : undefined,
        });
      try {
        options.log(`${scenario} on ${kind}…`);
        if (scenario === 'fanout') await fanout(start, target, options);
        else if (scenario === 'join') await join(kind, start, target, options);
        else await memory(start, target, options);
      } catch (error) {
        target.errors[scenario] = error instanceof Error ? error.message : String(error);
        options.log(`  ${scenario} on ${kind} failed: ${target.errors[scenario]}`);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  }
  return figures;
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

async function fanout(start: Starter, target: ServerFigures, options: RelayBenchOptions): Promise<void> {
  const timing: Pick<FanoutOptions, 'warmupMs' | 'measureMs'> = {
    warmupMs: options.fanoutWarmupMs,
    measureMs: options.fanoutMeasureMs,
  };
  await withServer(start, async (server) => {
    target.fanoutRooms = await runFanout(server, { ...ROOMS_FANOUT, ...timing }, 'rooms');
    options.log(`  20×10: p50 ${target.fanoutRooms.p50Ms.toFixed(2)} ms, p99 ${target.fanoutRooms.p99Ms.toFixed(2)} ms`);
  });
  await withServer(start, async (server) => {
    target.fanoutCrowd = await runFanout(server, { ...CROWD_FANOUT, ...timing }, 'crowd');
    options.log(`  1×100: p50 ${target.fanoutCrowd.p50Ms.toFixed(2)} ms, p99 ${target.fanoutCrowd.p99Ms.toFixed(2)} ms`);
  });
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
  for (let i = 0; i < options.joinRepeats; i++) {
    samples.push(await withServer(start, (server) => timeJoin(server, board, options.joinNotes)));
  }
  target.coldJoin = joinFigures(samples);
  options.log(`  cold join: median ${target.coldJoin.medianMs.toFixed(1)} ms`);
}

function joinFigures(samples: JoinTiming[]): JoinFigures {
  return {
    medianMs: median(samples.map((s) => s.totalMs)),
    stateArrivedMedianMs: median(samples.map((s) => s.stateArrivedMs)),
    samples,
  };
}

async function memory(start: Starter, target: ServerFigures, options: RelayBenchOptions): Promise<void> {
  await withServer(start, async (server) => {
    target.idleMemory = await runIdleMemory(server, { connections: options.idleConnections, rooms: options.idleRooms });
    options.log(`  RSS per idle connection: ${(target.idleMemory.rssPerConnection / 1024).toFixed(1)} KiB`);
  });
}
