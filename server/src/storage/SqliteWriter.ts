import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { UpdateToStore } from './BoardStore.ts';
import { DELETE_LOG_THROUGH, INSERT_UPDATE, SELECT_DELETED, UPSERT_SNAPSHOT } from './sqliteBoardStatements.ts';

const SQL = {
  insertUpdate: INSERT_UPDATE,
  selectDeleted: SELECT_DELETED,
  upsertSnapshot: UPSERT_SNAPSHOT,
  deleteLogThrough: DELETE_LOG_THROUGH,
};
/** Below this, copying a batch into the message is cheaper than transferring its buffer. */
const TRANSFER_BYTES = 64 * 1024;

// Plain CommonJS so the worker runs the same under tsx, vitest and plain node (as WalCheckpointer's).
// One batch is one transaction: every row of it committed (and, with synchronous=FULL, fsynced)
// or none. The deleted_boards trigger runs here as on any connection, so a board deleted on the
// main connection can never get rows back from this one.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
for (const pragma of workerData.pragmas) db.pragma(pragma);
const insert = db.prepare(workerData.sql.insertUpdate).pluck();
const isDeleted = db.prepare(workerData.sql.selectDeleted);
const upsertSnapshot = db.prepare(workerData.sql.upsertSnapshot);
const deleteLogThrough = db.prepare(workerData.sql.deleteLogThrough);
parentPort.postMessage('ready');
const bufferOf = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const append = db.transaction((boards, ends, bytes) => {
  const seqs = new Float64Array(boards.length);
  let start = 0;
  for (let i = 0; i < boards.length; i++) {
    const end = ends[i];
    const board = boards[i];
    seqs[i] = insert.all(board, board, board, board, bytes.subarray(start, end))[0];
    start = end;
  }
  return seqs;
});
// Run to the end with all(): without a transaction around it, the commit happens as the statement
// finishes, and get() would not report an error there.
const appendOne = (board, bytes) => Float64Array.from(insert.all(board, board, board, board, bytes));
// A room still open when its board was deleted must not write it back.
const compact = db.transaction((m) => {
  if (isDeleted.get(m.boardId).found) return;
  upsertSnapshot.run(m.boardId, bufferOf(m.data), m.throughSeq, m.updatedAt, m.encoding, m.schemaVersion);
  deleteLogThrough.run(m.boardId, m.throughSeq);
});
const failure = (error) => ({ message: error && error.message ? String(error.message) : String(error), code: error && error.code });
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  if (typeof message === 'string') {
    try { db.pragma(message); } catch {}
    return;
  }
  if (message.op === 'compact') {
    try {
      compact(message);
      parentPort.postMessage({ id: message.id });
    } catch (error) {
      parentPort.postMessage({ id: message.id, error: { ...failure(error), deletedBoard: null } });
    }
    return;
  }
  const { id, boards, ends, bytes } = message;
  try {
    // One row is one statement, committed atomically without BEGIN and COMMIT.
    const seqs = boards.length === 1 ? appendOne(boards[0], bufferOf(bytes)) : append(boards, ends, bufferOf(bytes));
    parentPort.postMessage({ id, seqs });
  } catch (error) {
    const { message: text, code } = failure(error);
    let deletedBoard = null;
    if (text.includes('costudio: board deleted')) {
      try { deletedBoard = boards.find((board) => isDeleted.get(board).found) ?? ''; } catch { deletedBoard = ''; }
    }
    parentPort.postMessage({ id, error: { message: text, code, deletedBoard } });
  }
});
`;

/** Why the writer refused a batch; `deletedBoard` when the deleted-boards trigger refused it. */
export class SqliteWriteError extends Error {
  override name = 'SqliteWriteError';
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly deletedBoard: string | null,
  ) {
    super(message);
  }
}

/**
 * The thread stopped with the batch unanswered. `mayHaveCommitted` false: it never opened its
 * connection, so the batch was not written and may be written elsewhere.
 */
export class SqliteWriterStopped extends Error {
  override name = 'SqliteWriterStopped';
  constructor(readonly mayHaveCommitted: boolean) {
    super('The SQLite writer thread stopped');
  }
}

/** A snapshot as the `snapshots` table stores it. */
export interface SnapshotRow {
  readonly data: Uint8Array;
  /** 1: V1, 2: V2. */
  readonly encoding: number;
  readonly schemaVersion: number | null;
}

interface Pending {
  readonly resolve: (seqs: number[]) => void;
  readonly reject: (error: Error) => void;
}

interface WriterReply {
  readonly id: number;
  readonly seqs?: Float64Array;
  readonly error?: { message: string; code: string | undefined; deletedBoard: string | null };
}

/**
 * Appends update rows to a SQLite file from a worker thread with its own connection, so the
 * transaction and its fsync (with `synchronous=FULL`, one per group commit) run beside the
 * relay instead of inside its event loop. A batch is packed into one transferred buffer: no
 * per-update structured clone. Replies come back in order; `append` resolves once the batch is
 * committed on disk. If the thread dies, pending and later batches reject and `alive` turns
 * false, so the store can fall back to writing on its own connection.
 */
export class SqliteWriter {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private exited: Promise<void>;
  private dead = false;
  /** The thread opened its connection: from then on a batch it was sent may have been committed. */
  private ready = false;

  /** `pragmas` are run on the thread's connection as it opens, in order. */
  constructor(file: string, pragmas: readonly string[]) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    // No execArgv: the parent's (`--input-type=module`, loaders) would make this CommonJS source ESM.
    this.worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], workerData: { file, driver, pragmas, sql: SQL } });
    this.worker.on('message', this.onReply);
    this.worker.on('error', () => {});
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', () => {
        this.dead = true;
        this.failPending(new SqliteWriterStopped(this.ready));
        resolve();
      });
    });
    // Idle, the thread must not keep the process alive; with a batch in flight it must.
    this.worker.unref();
  }

  get alive(): boolean {
    return !this.dead;
  }

  /** Commits the batch in one transaction; resolves with each row's seq, in batch order. */
  append(batch: readonly UpdateToStore[]): Promise<number[]> {
    if (this.dead) return Promise.reject(new SqliteWriterStopped(false));
    let total = 0;
    for (let i = 0; i < batch.length; i++) total += (batch[i] as UpdateToStore).update.byteLength;
    const bytes = new Uint8Array(total);
    const ends = new Uint32Array(batch.length);
    const boards = new Array<string>(batch.length);
    let offset = 0;
    for (let i = 0; i < batch.length; i++) {
      const entry = batch[i] as UpdateToStore;
      bytes.set(entry.update, offset);
      offset += entry.update.byteLength;
      ends[i] = offset;
      boards[i] = entry.boardId;
    }
    const transfer = total >= TRANSFER_BYTES ? [bytes.buffer] : [];
    return this.request((id) => this.worker.postMessage({ id, boards, ends, bytes }, transfer));
  }

  /**
   * Replaces the board's snapshot and deletes the log rows it covers, in one transaction; does
   * nothing for a deleted board (see BoardStore.compact).
   */
  async compact(boardId: string, snapshot: SnapshotRow, throughSeq: number, updatedAt: number): Promise<void> {
    if (this.dead) throw new SqliteWriterStopped(false);
    await this.request((id) => this.worker.postMessage({ op: 'compact', id, boardId, ...snapshot, throughSeq, updatedAt }));
  }

  private request(send: (id: number) => void): Promise<number[]> {
    const id = this.nextId++;
    return new Promise<number[]>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      send(id);
    });
  }

  /** Runs a pragma on the thread's connection (e.g. a new `wal_autocheckpoint`). */
  pragma(pragma: string): void {
    if (!this.dead) this.worker.postMessage(pragma);
  }

  /** Lets batches in flight finish, then closes the thread's connection. */
  async close(): Promise<void> {
    if (!this.dead) {
      this.worker.ref();
      this.worker.postMessage('close');
    }
    await this.exited;
  }

  private readonly onReply = (reply: WriterReply | 'ready'): void => {
    if (reply === 'ready') {
      this.ready = true;
      return;
    }
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (reply.error) {
      pending.reject(new SqliteWriteError(reply.error.message, reply.error.code, reply.error.deletedBoard));
      return;
    }
    pending.resolve(reply.seqs ? Array.from(reply.seqs) : []);
  };

  private failPending(error: SqliteWriterStopped): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const { reject } of pending) reject(error);
  }
}
