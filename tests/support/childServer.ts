import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { withTimeout } from './waitFor.ts';

/**
 * COSTUDIO_TEST_SERVER_MAIN points the suite at another build of the server, e.g. a deliberately
 * broken copy, to check that the tests catch what they claim to catch.
 */
const SERVER_MAIN = process.env.COSTUDIO_TEST_SERVER_MAIN ?? fileURLToPath(new URL('../../server/src/main.ts', import.meta.url));
const SERVER_PACKAGE = fileURLToPath(new URL('../../server/package.json', import.meta.url));
// Node runs main.ts itself with tsx as a loader. The tsx CLI would put a wrapper process in
// between, and SIGKILL on the wrapper would leave the real server running.
const TSX_LOADER = pathToFileURL(createRequire(SERVER_PACKAGE).resolve('tsx')).href;

export interface ChildExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** The relay as a separate OS process, so tests can SIGKILL or SIGTERM it like an operator would. */
export interface ChildServer {
  readonly pid: number;
  readonly port: number;
  /** 'http://127.0.0.1:PORT' */
  readonly httpUrl: string;
  /** 'ws://127.0.0.1:PORT/sync' */
  readonly syncUrl: string;
  /** Every structured log line printed so far (stdout lines that parse as JSON objects). */
  readonly logs: ReadonlyArray<Record<string, unknown>>;
  /** Everything printed on stderr so far. */
  stderr(): string;
  /** Settles when the process has exited. */
  readonly exited: Promise<ChildExit>;
  kill(signal: NodeJS.Signals): void;
}

export interface SpawnServerOptions {
  dataDir: string;
  /** Extra environment variables (PORT defaults to 0, HOST to 127.0.0.1). */
  env?: Record<string, string>;
  /** How long to wait for the 'listening' log line. */
  startTimeoutMs?: number;
}

/** Spawns `node --import tsx server/src/main.ts` and resolves once it logs that it is listening. */
export async function spawnServer(options: SpawnServerOptions): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, SERVER_MAIN], {
    // Suites that predate share links run open; a test that wants links passes REQUIRE_LINKS=true.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', REQUIRE_LINKS: 'false', DATA_DIR: options.dataDir, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  let pending = '';
  let onListening: ((port: number) => void) | undefined;
  const listening = new Promise<number>((resolve) => {
    onListening = resolve;
  });
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const entry = parseJsonLine(line);
      if (!entry) continue;
      logs.push(entry);
      if (entry.msg === 'listening' && typeof entry.port === 'number') onListening?.(entry.port);
    }
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = exitOf(child);
  const early = exited.then((exit) => {
    throw new Error(`Server exited before listening (code ${exit.code}, signal ${exit.signal}):\n${stderr}`);
  });
  let port: number;
  try {
    port = await withTimeout(Promise.race([listening, early]), options.startTimeoutMs ?? 20_000, 'the server to listen');
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const httpUrl = `http://127.0.0.1:${port}`;
  return {
    pid: child.pid ?? -1,
    port,
    httpUrl,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    logs,
    stderr: () => stderr,
    exited,
    kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}

function exitOf(child: ChildProcess): Promise<ChildExit> {
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

function parseJsonLine(line: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
