/**
 * The child side of the bench's control channel (Node IPC). Each server under test runs in its
 * own process so its RSS is its own and it never shares an event loop with the load generator.
 */

/** Messages the bench sends to a server child. */
export type ControlRequest = { type: 'memory' } | { type: 'stop' };

/** Messages a server child sends back. */
export type ControlReply =
  | { type: 'ready'; port: number }
  | { type: 'memory'; rss: number; heapUsed: number; external: number }
  | { type: 'failed'; message: string };

function reply(message: ControlReply): void {
  process.send?.(message);
}

/**
 * Announces the listening port and serves control requests until told to stop. `memory` runs a
 * full GC first (the child is started with --expose-gc) so garbage does not count as memory held.
 */
export function serveControl(port: number, close: () => Promise<void>): void {
  process.on('message', (message: ControlRequest) => {
    if (message.type === 'memory') {
      globalThis.gc?.();
      globalThis.gc?.();
      const usage = process.memoryUsage();
      reply({ type: 'memory', rss: usage.rss, heapUsed: usage.heapUsed, external: usage.external });
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
  reply({ type: 'ready', port });
}

/** Reports a startup failure to the bench and exits. */
export function failStartup(error: unknown): never {
  reply({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}
