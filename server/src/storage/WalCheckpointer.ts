import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Plain CommonJS so the worker runs the same under tsx, vitest and plain node.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
// No busy wait: a checkpoint that meets the writer gives up at once and runs again next tick.
const db = new Database(workerData.file, { timeout: 0 });
let lastLog = -1;
const tick = () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    // Nothing written for a whole interval and everything copied: give the WAL's disk space
    // back (TRUNCATE) and any free pages (incremental vacuum), so an idle server's data
    // directory is its database file.
    const idle = result && result.log > 0 && result.log === lastLog && result.checkpointed === result.log;
    lastLog = result ? result.log : -1;
    if (idle) {
      db.pragma('incremental_vacuum');
      db.pragma('wal_checkpoint(TRUNCATE)');
      lastLog = 0;
    }
  } catch { /* busy or closing: try again next time */ }
};
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'close') return;
  clearInterval(timer);
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
  db.close();
  parentPort.close();
});
`;

/**
 * Copies the WAL back into the database file from a worker thread. A checkpoint fsyncs and can
 * take tens of milliseconds; on the main thread it would stall every room's relay each time the
 * WAL filled up, which is exactly what the fan-out p99 measures. PASSIVE checkpoints never block
 * the writer, and the writer only checkpoints itself when this falls far behind (see
 * SqliteDatabase). Once the WAL has been idle for an interval, it is truncated to nothing.
 *
 * A thread costs about 18 MiB of RSS. Kept: checkpoints on the main connection would put their
 * page copies and fsyncs in the relay's event loop, and the fan-out analysis in bench/RESULTS.md
 * found single fsyncs of 10 ms there already decide p99 in a crowded room.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private exited: Promise<void>;

  constructor(file: string, intervalMs: number, onUnexpectedExit: () => void) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, intervalMs } });
    let closing = false;
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', () => {
        if (!closing) onUnexpectedExit();
        resolve();
      });
    });
    this.worker.on('error', () => {});
    this.close = async () => {
      closing = true;
      // While idle the worker must not keep the process alive, but while closing it must:
      // otherwise a short-lived process (the admin CLI) exits before the last checkpoint.
      this.worker.ref();
      this.worker.postMessage('close');
      await this.exited;
    };
    this.worker.unref();
  }

  /** Runs a last checkpoint and stops the worker. */
  close: () => Promise<void>;
}
