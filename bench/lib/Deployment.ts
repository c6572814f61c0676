import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REDIS_TEST_URL, uniqueRedisPrefix } from '../../tests/support/redisTest.ts';
import { createTestDatabase } from '../../tests/support/storageContracts/postgresPlace.ts';
import { ServerProcess } from './serverProcess.ts';
import type { Setup } from './setups.ts';

export interface DeploymentOptions {
  /** When set, each child runs with --cpu-prof and writes its profile under this directory. */
  cpuProfileDir?: string | undefined;
}

/**
 * One setup running: its server children, and for PostgreSQL a fresh database (on the test
 * server tests/support uses, dropped on stop) and for Redis a channel prefix of its own on the
 * tests' Redis database, so tests running beside the bench neither disturb it nor hear it.
 *
 * With several instances, client `i` of a room connects to instance `i % instances`; the writers
 * are the clients on the first instance (A) and the readers those on the others (B, C), so every
 * measured update crosses from one instance to another through Redis.
 */
export class Deployment {
  private constructor(
    readonly setup: Setup,
    readonly servers: readonly ServerProcess[],
    private readonly cleanUp: () => Promise<void>,
  ) {}

  static async start(setup: Setup, options: DeploymentOptions = {}): Promise<Deployment> {
    const dirs: string[] = [];
    const servers: ServerProcess[] = [];
    const database = setup.postgres ? await createTestDatabase() : null;
    const cleanUp = async () => {
      await Promise.all(servers.map((server) => server.stop()));
      await database?.drop();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    };
    const env = {
      ...setup.env,
      ...(database ? { DATABASE_URL: database.url } : {}),
      ...(setup.redis ? { REDIS_URL: REDIS_TEST_URL, REDIS_PREFIX: uniqueRedisPrefix() } : {}),
    };
    try {
      // One after the other: the first instance migrates the database, the others find it done.
      for (let i = 0; i < setup.instances; i++) {
        const dataDir = mkdtempSync(path.join(os.tmpdir(), `costudio-bench-${setup.id}-`));
        dirs.push(dataDir);
        const cpuProfileDir = options.cpuProfileDir ? path.join(options.cpuProfileDir, `${setup.id}-${i}`) : undefined;
        const server = await ServerProcess.start(setup.kind, { dataDir, env, ...(cpuProfileDir ? { cpuProfileDir } : {}) });
        servers.push(server);
        checkSettings(setup, server);
      }
    } catch (error) {
      await cleanUp();
      throw error;
    }
    return new Deployment(setup, servers, cleanUp);
  }

  /** The URL client `client` (its index within the room) connects to. */
  roomUrl(room: string, client: number): string {
    return (this.servers[client % this.servers.length] as ServerProcess).roomUrl(room);
  }

  /** Whether client `client` of a room writes in the fan-out. */
  writes(client: number): boolean {
    return this.servers.length === 1 || client % this.servers.length === 0;
  }

  /** Whether client `client` of a room records the latency of what it receives. */
  measures(client: number): boolean {
    return this.servers.length === 1 || client % this.servers.length !== 0;
  }

  /** The children's last output, for error reports. */
  recentOutput(): string {
    return this.servers.map((server) => server.recentOutput().trim()).join('\n');
  }

  /** Stops every child, drops the database, removes the data directories. */
  stop(): Promise<void> {
    return this.cleanUp();
  }
}

function checkSettings(setup: Setup, server: ServerProcess): void {
  for (const [key, wanted] of Object.entries(setup.expect ?? {})) {
    const actual = server.settings?.[key as keyof typeof server.settings];
    if (actual !== wanted)
      throw new Error(`${setup.label}: the server runs with ${key} = ${String(actual)}, the setup asked for ${String(wanted)}`);
  }
}

/** Starts `setup`, runs `use`, and always stops it; a failure carries the children's last output. */
export async function withDeployment<T>(
  setup: Setup,
  options: DeploymentOptions,
  use: (deployment: Deployment) => Promise<T>,
): Promise<T> {
  const deployment = await Deployment.start(setup, options);
  try {
    return await use(deployment);
  } catch (error) {
    const output = deployment.recentOutput();
    if (output && error instanceof Error) error.message += `\n  server output:\n${output.slice(-2000)}`;
    throw error;
  } finally {
    await deployment.stop();
  }
}
