import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Plain CommonJS so the worker runs the same under tsx, vitest and plain node.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
// No busy wait: a checkpoint that meets the writer gives up at once and runs again next tick.
const db = new Database(workerData.file, { timeout: 0 });
let lastLog = -1;
let emptyTicks = 0;
const stop = () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
};
const tick = () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    const log = result ? result.log : -1;
    // Nothing written for a whole interval and everything copied: give the WAL's disk space
    // back (TRUNCATE) and any free pages (incremental vacuum).
    if (log > 0 && log === lastLog && result.checkpointed === log) {
      db.pragma('incremental_vacuum');
      db.pragma('wal_checkpoint(TRUNCATE)');
      lastLog = 0;
      return;
    }
    lastLog = log;
    emptyTicks = log === 0 ? emptyTicks + 1 : 0;
    if (emptyTicks >= workerData.idleTicks) {
      parentPort.postMessage('idle');
      stop();
    }
  } catch { /* busy or closing: try again next time */ }
};
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'close') return;
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
  stop();
});
`;

/** A WAL this large (bytes) means sustained writes: checkpoint them from the thread. */
const THREAD_THRESHOLD = 1024 * 1024;
/** The thread stops after this many intervals with an empty WAL (30 s by default). */
const IDLE_TICKS = 30;

export interface WalCheckpointerHooks {
  /** A checkpoint on the main connection, for a small WAL nobody is writing to. */
  checkpointHere(): void;
  /** The thread died: the writer must checkpoint on commit again. */
  onUnexpectedExit(): void;
}

/**
 * Copies the WAL back into the database file without stalling the relay. A checkpoint fsyncs
 * and can take tens of milliseconds; on the main thread it would delay every room's relay each
 * time the WAL filled up, which is exactly what the fan-out p99 measures. So while writes keep
 * coming (the WAL passes 1 MiB), a worker thread runs PASSIVE checkpoints every interval, which
 * never block the writer, and truncates the WAL once it has been idle for an interval.
 *
 * A thread costs about 18 MiB of RSS, so it runs only while it is needed: it stops after 30 idle
 * intervals, and a small WAL that stopped growing (a few edits, then quiet) is checkpointed and
 * truncated on the main connection instead, at a moment when nothing is being written.
 */
export class WalCheckpointer {
  private worker: Worker | null = null;
  private workerExited: Promise<void> = Promise.resolve();
  private lastWalSize = 0;
  private threadFailed = false;
  private closing = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly file: string,
    private readonly intervalMs: number,
    private readonly hooks: WalCheckpointerHooks,
  ) {
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
  }

  /** Whether the checkpoint thread is running now. */
  get threadRunning(): boolean {
    return this.worker !== null;
  }

  /** Stops the thread (after a last checkpoint) if it runs. */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.timer);
    const worker = this.worker;
    if (worker) {
      // While idle the worker must not keep the process alive, but while closing it must:
      // otherwise a short-lived process (the admin CLI) exits before the last checkpoint.
      worker.ref();
      worker.postMessage('close');
    }
    await this.workerExited;
  }

  private tick(): void {
    if (this.worker || this.closing) return;
    const size = walSize(this.file);
    const grown = size !== this.lastWalSize;
    this.lastWalSize = size;
    if (size >= THREAD_THRESHOLD && !this.threadFailed) {
      this.startThread();
    } else if (size > 0 && !grown) {
      try {
        this.hooks.checkpointHere();
      } catch {
        // Busy or failing: the next quiet interval tries again.
      }
      this.lastWalSize = walSize(this.file);
    }
  }

  private startThread(): void {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      // The parent's (`--input-type=module`, loaders) would make this CommonJS source ESM.
      execArgv: [],
      workerData: { file: this.file, driver, intervalMs: this.intervalMs, idleTicks: IDLE_TICKS },
    });
    let idle = false;
    worker.on('message', (message) => {
      if (message === 'idle') idle = true;
    });
    worker.on('error', () => {});
    this.workerExited = new Promise((resolve) => {
      worker.once('exit', () => {
        this.worker = null;
        this.lastWalSize = walSize(this.file);
        if (!idle && !this.closing) {
          this.threadFailed = true;
          this.hooks.onUnexpectedExit();
        }
        resolve();
      });
    });
    worker.unref();
    this.worker = worker;
  }
}

function walSize(file: string): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}
