import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Deployment, withDeployment } from './lib/Deployment.ts';
import { ServerProcess } from './lib/serverProcess.ts';
import { SETUPS, type SetupId } from './lib/setups.ts';
import { median } from './lib/stats.ts';
import { type CompatResult, runCompat } from './scenarios/compat.ts';
import { type FanoutResult, runFanout, summarizeFanout } from './scenarios/fanout.ts';
import { type IdleMemoryResult, runIdleMemory } from './scenarios/idleMemory.ts';
import { type JoinTiming, seedBoard, timeJoin } from './scenarios/join.ts';

export type RelayScenario = 'fanout' | 'memory' | 'join' | 'compat';
export const RELAY_SCENARIOS: readonly RelayScenario[] = ['fanout', 'memory', 'join', 'compat'];

/** Setups each scenario runs on (of those selected); the others are not meaningful for it. */
const SCENARIO_SETUPS: Record<RelayScenario, readonly SetupId[]> = {
  fanout: ['reference', 'floor', 'costudio', 'costudio-full', 'costudio-pg', 'costudio-3'],
  // Durability does not change what an idle socket costs; the single PostgreSQL instance is
  // the base the three instances are compared with.
  memory: ['reference', 'floor', 'costudio', 'costudio-pg', 'costudio-3'],
  // The floor keeps no document to join; a joined board is the same on every storage.
  join: ['reference', 'costudio'],
  compat: ['reference', 'costudio'],
};

export interface RelayBenchOptions {
  scenarios: readonly RelayScenario[];
  setups: readonly SetupId[];
  /** Fan-out and idle-memory rounds; each round runs every setup once, in alternating order. */
  rounds: number;
  /**
   * Fan-out goes on past `rounds`, up to this many, until `fanoutSettled` says the spread of its
   * ratios is known (each target's range on one side of it). Equal to `rounds`: no extra rounds.
   */
  maxFanoutRounds: number;
  fanoutSettled?: (figures: RelayFigures) => boolean;
  fanoutWarmupMs: number;
  /** Measured time per fan-out shape, setup and round. */
  fanoutMeasureMs: number;
  joinNotes: number;
  joinRepeats: number;
  /** Idle connections per server instance. */
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
  /** Cold joins only: median board load time the relay reports (costudio_room_load_seconds). */
  serverLoadMedianMs?: number;
}

export type FanoutShape = 'rooms' | 'crowd';

/** Per setup, one entry per round in round order; null where that round failed. */
export type Rounds<T> = Partial<Record<SetupId, Array<T | null>>>;

export interface RelayFigures {
  /** The most rounds any scenario ran. */
  rounds: number;
  fanout: Partial<Record<FanoutShape, Rounds<FanoutResult>>>;
  memory: Rounds<IdleMemoryResult>;
  join: Partial<Record<SetupId, { warm?: JoinFigures; cold?: JoinFigures }>>;
  compat: Partial<Record<SetupId, CompatResult>>;
  /** One line per scenario that failed, so a missing figure is never silent. */
  errors: string[];
}

export const FANOUT_SHAPES: Record<FanoutShape, { name: string; rooms: number; clientsPerRoom: number }> = {
  rooms: { name: '20 rooms × 10', rooms: 20, clientsPerRoom: 10 },
  crowd: { name: '1 room × 100', rooms: 1, clientsPerRoom: 100 },
};
const UPDATES_PER_SECOND_PER_ROOM = 20;

export function setupsFor(scenario: RelayScenario, selected: readonly SetupId[]): SetupId[] {
  return selected.filter((id) => SCENARIO_SETUPS[scenario].includes(id));
}

/** Runs each scenario on each of its setups, every run on fresh server children. */
export async function runRelayBench(options: RelayBenchOptions): Promise<RelayFigures> {
  const figures: RelayFigures = { rounds: options.rounds, fanout: {}, memory: {}, join: {}, compat: {}, errors: [] };
  for (const scenario of options.scenarios) {
    const setups = setupsFor(scenario, options.setups);
    if (scenario === 'fanout') {
      for (const shape of Object.keys(FANOUT_SHAPES) as FanoutShape[]) {
        const { name, ...size } = FANOUT_SHAPES[shape];
        const target = await inRounds(
          `fan-out ${name}`,
          setups,
          figures,
          options,
          (deployment) =>
            runFanout(
              deployment,
              {
                ...size,
                updatesPerSecondPerRoom: UPDATES_PER_SECOND_PER_ROOM,
                warmupMs: options.fanoutWarmupMs,
                measureMs: options.fanoutMeasureMs,
              },
              shape,
            ).then((round) => summarizeFanout([round])),
          (sofar) => options.fanoutSettled?.({ ...figures, fanout: { [shape]: sofar } }) ?? true,
          options.maxFanoutRounds,
        );
        figures.fanout[shape] = target;
      }
    } else if (scenario === 'memory') {
      figures.memory = await inRounds('idle connections', setups, figures, options, (deployment) =>
        runIdleMemory(deployment, { connections: options.idleConnections, rooms: options.idleRooms }),
      );
    } else {
      for (const id of setups) {
        try {
          options.log(`${scenario} on ${SETUPS[id].label}…`);
          if (scenario === 'join') figures.join[id] = await join(id, options);
          else figures.compat[id] = await withDeployment(SETUPS[id], options, (d) => runCompat(d.servers[0] as ServerProcess));
        } catch (error) {
          fail(figures, options, `${SETUPS[id].label} / ${scenario}`, error);
        }
      }
    }
  }
  // Fan-out may have run more rounds than asked for (--max-rounds).
  const lengths = [...Object.values(figures.fanout), figures.memory].flatMap((rounds) =>
    Object.values(rounds ?? {}).map((results) => results?.length ?? 0),
  );
  figures.rounds = Math.max(options.rounds, ...lengths);
  return figures;
}

/**
 * Runs `measure` on every setup, `rounds` times, each time on fresh children, in an order that
 * alternates (A B C, C B A, A B C…), so a burst of load from elsewhere on the machine lands on
 * every setup rather than on whichever ran at the time, and a ratio can be taken within a round.
 */
async function inRounds<T>(
  scenario: string,
  setups: readonly SetupId[],
  figures: RelayFigures,
  options: RelayBenchOptions,
  measure: (deployment: Deployment) => Promise<T>,
  settled: (sofar: Rounds<T>) => boolean = () => true,
  maxRounds = options.rounds,
): Promise<Rounds<T>> {
  const results: Rounds<T> = {};
  for (const id of setups) results[id] = [];
  for (let round = 0; round < Math.max(maxRounds, options.rounds); round++) {
    if (round >= options.rounds && settled(results)) break;
    const order = round % 2 === 0 ? setups : [...setups].reverse();
    for (const id of order) {
      const setup = SETUPS[id];
      options.log(`${scenario}, round ${round + 1}/${round < options.rounds ? options.rounds : maxRounds}: ${setup.label}…`);
      let result: T | null = null;
      try {
        result = await withDeployment(setup, options, measure);
      } catch (error) {
        fail(figures, options, `${setup.label} / ${scenario} round ${round + 1}`, error);
      }
      (results[id] as Array<T | null>)[round] = result;
    }
  }
  return results;
}

function fail(figures: RelayFigures, options: RelayBenchOptions, what: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  figures.errors.push(`${what}: ${message.split('\n')[0]}`);
  options.log(`  ${what} failed: ${message}`);
}

/** Warm joins on a board seeded through the server; for Costudio also cold joins after a restart on the same DATA_DIR. */
async function join(id: SetupId, options: RelayBenchOptions): Promise<{ warm?: JoinFigures; cold?: JoinFigures }> {
  const { kind } = SETUPS[id];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `costudio-bench-join-${id}-`));
  const withServer = async <T>(use: (server: ServerProcess) => Promise<T>): Promise<T> => {
    const server = await ServerProcess.start(kind, { dataDir });
    try {
      return await use(server);
    } finally {
      await server.stop();
    }
  };
  const board = 'join-board';
  try {
    const warm = await withServer(async (server) => {
      const seeder = await seedBoard(server, board, options.joinNotes);
      const samples: JoinTiming[] = [];
      for (let i = 0; i < options.joinRepeats; i++) samples.push(await timeJoin(server, board, options.joinNotes));
      await seeder.close();
      return joinFigures(samples);
    });
    options.log(`  warm join: median ${warm.medianMs.toFixed(1)} ms`);
    // The reference keeps documents in RAM only: after a restart there is nothing to join.
    if (kind !== 'costudio') return { warm };
    const samples: JoinTiming[] = [];
    const loadMs: number[] = [];
    for (let i = 0; i < options.joinRepeats; i++) {
      samples.push(
        await withServer(async (server) => {
          const profile = options.cpuProfileDir
            ? path.join(options.cpuProfileDir, `costudio-cold-join-${i + 1}.cpuprofile`)
            : null;
          if (profile) await server.profileStart();
          const timing = await timeJoin(server, board, options.joinNotes);
          if (profile) await server.profileStop(profile);
          // The relay's own account of the load (snapshot + log + migrations), from GET /metrics.
          const seconds = await server.metric('costudio_room_load_seconds_sum');
          if (seconds !== undefined) loadMs.push(seconds * 1000);
          return timing;
        }),
      );
    }
    const cold = { ...joinFigures(samples), ...(loadMs.length > 0 ? { serverLoadMedianMs: median(loadMs) } : {}) };
    options.log(`  cold join: median ${cold.medianMs.toFixed(1)} ms`);
    return { warm, cold };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function joinFigures(samples: JoinTiming[]): JoinFigures {
  return {
    medianMs: median(samples.map((s) => s.totalMs)),
    stateArrivedMedianMs: median(samples.map((s) => s.stateArrivedMs)),
    samples,
  };
}
