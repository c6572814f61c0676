import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

/**
 * The child side of the bench's control channel (Node IPC). Each server under test runs in its
 * own process so its RSS is its own and it never shares an event loop with the load generator.
 */

/**
 * What a Costudio child actually runs with, as its own configuration parser read it: the bench
 * checks it against what a setup asked for, so a renamed or ignored variable fails the run
 * instead of silently measuring the default.
 */
export interface ServerSettings {
  sqliteSynchronous: string;
  storage: 'sqlite' | 'postgres';
  redis: boolean;
}

/** Messages the bench sends to a server child. */
export type ControlRequest =
  | { type: 'memory' }
  | { type: 'stop' }
  | { type: 'profile-start' }
  | { type: 'profile-stop'; file: string };

/** Messages a server child sends back. */
export type ControlReply =
  | { type: 'ready'; port: number; settings?: ServerSettings }
  | { type: 'memory'; rss: number; heapUsed: number; external: number }
  | { type: 'profiling'; started: boolean }
  | { type: 'failed'; message: string };

function reply(message: ControlReply): void {
  process.send?.(message);
}

/**
 * Announces the listening port and serves control requests until told to stop. `memory` runs a
 * full GC first (the child is started with --expose-gc) so garbage does not count as memory held.
 */
export function serveControl(port: number, close: () => Promise<void>, settings?: ServerSettings): void {
  process.on('message', (message: ControlRequest) => {
    if (message.type === 'memory') {
      globalThis.gc?.();
      globalThis.gc?.();
      const usage = process.memoryUsage();
      reply({ type: 'memory', rss: usage.rss, heapUsed: usage.heapUsed, external: usage.external });
    } else if (message.type === 'profile-start') {
      profiler.start().then(() => reply({ type: 'profiling', started: true }));
    } else if (message.type === 'profile-stop') {
      profiler.stop(message.file).then(() => reply({ type: 'profiling', started: false }));
    } else if (message.type === 'stop') {
      // process.exit (not a signal) lets --cpu-prof write its profile.
      close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    }
  });
  // The bench going away (crash, Ctrl-C) must not leave servers behind.
  process.on('disconnect', () => process.exit(0));
  reply(settings ? { type: 'ready', port, settings } : { type: 'ready', port });
}

/**
 * CPU profile of a window the bench chooses (e.g. just one cold join), through the inspector,
 * unlike --cpu-prof which covers the whole process including startup.
 */
const profiler = {
  session: null as Session | null,
  async start(): Promise<void> {
    this.session = new Session();
    this.session.connect();
    await post(this.session, 'Profiler.enable');
    await post(this.session, 'Profiler.setSamplingInterval', { interval: 100 });
    await post(this.session, 'Profiler.start');
  },
  async stop(file: string): Promise<void> {
    if (!this.session) return;
    const { profile } = (await post(this.session, 'Profiler.stop')) as { profile: unknown };
    writeFileSync(file, JSON.stringify(profile));
    this.session.disconnect();
    this.session = null;
  },
};

function post(session: Session, method: string, params?: object): Promise<unknown> {
  return new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))),
  );
}

/** Reports a startup failure to the bench and exits. */
export function failStartup(error: unknown): never {
  reply({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}
