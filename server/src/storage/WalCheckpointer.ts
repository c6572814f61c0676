import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Plain CommonJS so the worker runs the same under tsx, vitest and plain node.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or closing: try again next time */ }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'close') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/**
 * Copies the WAL back into the database file from a worker thread. A checkpoint fsyncs and can
 * take tens of milliseconds; on the main thread it would stall every room's relay each time the
 * WAL filled up, which is exactly what the fan-out p99 measures. PASSIVE checkpoints never block
 * the writer, and the writer never checkpoints itself (`wal_autocheckpoint = 0`) while this runs.
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
