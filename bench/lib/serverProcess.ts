import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ControlReply, ControlRequest, ServerSettings } from '../servers/childControl.ts';

/** The relay programs the bench can run: the reference, the bare forwarder (the floor) and Costudio. */
export type ServerKind = 'reference' | 'floor' | 'costudio';

const BENCH_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

const CHILD_SCRIPTS: Record<ServerKind, string> = {
  reference: path.join(BENCH_DIR, 'servers', 'referenceServer.ts'),
  floor: path.join(BENCH_DIR, 'servers', 'floorServer.ts'),
  costudio: path.join(BENCH_DIR, 'servers', 'costudioServer.ts'),
};

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

export interface ServerProcessOptions {
  /** Costudio's DATA_DIR; reused across a restart for the cold-join figure. */
  dataDir?: string;
  /** When set, the child runs with --cpu-prof and writes its profile here on stop. */
  cpuProfileDir?: string;
  /** Costudio only: the built client to serve instead of client/dist (to compare two builds in one run). */
  clientDir?: string;
  /** Costudio only: environment variables of its configuration (server/src/config.ts), e.g. DATABASE_URL. */
  env?: Readonly<Record<string, string>>;
}

export interface MemorySample {
  /** VmRSS from /proc/<pid>/status, bytes. */
  rss: number;
  heapUsed: number;
  external: number;
}

/** A relay running in its own child process, controlled over IPC. */
export class ServerProcess {
  private exited = false;

  private constructor(
    readonly kind: ServerKind,
    private readonly child: ChildProcess,
    readonly port: number,
    /** The child's last chunks of stdout/stderr, for error reports. */
    private readonly output: string[],
    /** Costudio only: the configuration the child reports it runs with. */
    readonly settings: ServerSettings | undefined,
  ) {
    child.once('exit', () => {
      this.exited = true;
    });
  }

  /** Spawns the child, waits for it to listen and returns it. */
  static async start(kind: ServerKind, options: ServerProcessOptions = {}): Promise<ServerProcess> {
    // BENCH_SERVER_NODE_FLAGS: extra node flags for the server children, for experiments
    // (e.g. "--max-semi-space-size=64"); recorded in the output so a figure is never mistaken.
    const extraFlags = (process.env.BENCH_SERVER_NODE_FLAGS ?? '').split(' ').filter(Boolean);
    const nodeArgs = ['--expose-gc', ...extraFlags, '--import', 'tsx'];
    if (options.cpuProfileDir) {
      mkdirSync(options.cpuProfileDir, { recursive: true });
      nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`);
    }
    // Thousands of sockets need as many file descriptors: raise the soft limit to the hard one
    // before exec'ing node (exec keeps the pid, so /proc/<pid> is the server's own).
    const child = spawn(
      '/bin/sh',
      ['-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"', process.execPath, ...nodeArgs, CHILD_SCRIPTS[kind]],
      {
        cwd: BENCH_DIR,
        env: {
          ...process.env,
          ...options.env,
          BENCH_DATA_DIR: options.dataDir ?? '',
          BENCH_CLIENT_DIR: options.clientDir ?? '',
          NODE_ENV: 'production',
        },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      },
    );
    const output: string[] = [];
    const keep = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.length > 200) output.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const ready = await new Promise<Extract<ControlReply, { type: 'ready' }>>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${kind} server did not start within ${START_TIMEOUT_MS} ms`)),
        START_TIMEOUT_MS,
      );
      child.on('message', (message: ControlReply) => {
        if (message.type === 'ready') {
          clearTimeout(timer);
          resolve(message);
        } else if (message.type === 'failed') {
          clearTimeout(timer);
          reject(new Error(`${kind} server failed to start:\n${message.message}`));
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${kind} server exited with ${code} before listening:\n${output.join('')}`));
      });
    });
    return new ServerProcess(kind, child, ready.port, output, ready.settings);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** ws URL of a room; both relays accept `/sync/<room>`. */
  roomUrl(room: string): string {
    return `ws://127.0.0.1:${this.port}/sync/${room}`;
  }

  /** Memory after a forced GC in the child; RSS is read from /proc like `ps` would. */
  async memory(): Promise<MemorySample> {
    const usage = await this.request({ type: 'memory' }, 'memory');
    return { rss: readVmRss(this.pid), heapUsed: usage.heapUsed, external: usage.external };
  }

  /** Starts sampling the child's CPU (inspector), for `profileStop` to write out. */
  async profileStart(): Promise<void> {
    await this.request({ type: 'profile-start' }, 'profiling');
  }

  /** Writes the CPU profile since `profileStart` to `file` (.cpuprofile, opens in Chrome DevTools). */
  async profileStop(file: string): Promise<void> {
    await this.request({ type: 'profile-stop', file }, 'profiling');
  }

  /**
   * CPU time the child's main thread (its event loop, where a relay's work happens) has run, in
   * ms, from /proc/<pid>/schedstat (nanoseconds; unlike `ps` it counts no other thread and does
   * not advance while the process waits for a core on a busy machine).
   */
  mainThreadCpuMs(): number {
    const [onCpuNs] = readFileSync(`/proc/${this.pid}/schedstat`, 'utf8').split(' ');
    return Number(onCpuNs) / 1e6;
  }

  /** Sum of a Prometheus counter/histogram sample on the server's GET /metrics; undefined when absent. */
  async metric(name: string): Promise<number | undefined> {
    const response = await fetch(`http://127.0.0.1:${this.port}/metrics`);
    if (!response.ok) return undefined;
    const line = (await response.text()).split('\n').find((l) => l.startsWith(`${name} `));
    return line === undefined ? undefined : Number(line.slice(name.length + 1));
  }

  /** Asks the child to close its server and exit; kills it if it does not within the timeout. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send({ type: 'stop' } satisfies ControlRequest);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  /** The child's last lines of stdout/stderr, for error reports. */
  recentOutput(): string {
    return this.output.join('');
  }

  private request<T extends ControlReply['type']>(
    request: ControlRequest,
    replyType: T,
  ): Promise<Extract<ControlReply, { type: T }>> {
    return new Promise((resolve, reject) => {
      const onMessage = (message: ControlReply) => {
        if (message.type !== replyType) return;
        this.child.off('message', onMessage);
        clearTimeout(timer);
        resolve(message as Extract<ControlReply, { type: T }>);
      };
      const timer = setTimeout(() => {
        this.child.off('message', onMessage);
        reject(new Error(`${this.kind} server did not answer ${request.type}`));
      }, 30_000);
      this.child.on('message', onMessage);
      this.child.send(request);
    });
  }
}

/** VmRSS of a process in bytes, from /proc/<pid>/status. */
export function readVmRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match?.[1]) throw new Error(`No VmRSS for pid ${pid}`);
  return Number(match[1]) * 1024;
}

/** This process's soft limit on open files, from /proc/self/limits. */
export function openFileLimit(): number {
  const limits = readFileSync('/proc/self/limits', 'utf8');
  const match = /^Max open files\s+(\d+|unlimited)/m.exec(limits);
  return match?.[1] === undefined || match[1] === 'unlimited' ? Number.POSITIVE_INFINITY : Number(match[1]);
}
