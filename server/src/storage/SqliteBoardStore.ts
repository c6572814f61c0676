import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  BoardExistsError,
  type BoardStore,
  type Snapshot,
  type StoredBoard,
  type StoredUpdate,
  type UpdateToStore,
} from './BoardStore.ts';
import { WalCheckpointer } from './WalCheckpointer.ts';

/**
 * NORMAL: in WAL mode a commit survives the process being killed (the WAL is in the OS page
 * cache), but the last commits may be lost if the machine loses power. FULL fsyncs each commit
 * and survives power loss too, at the cost of a disk flush per group commit.
 */
export type SqliteSynchronous = 'NORMAL' | 'FULL';

export interface SqliteBoardStoreOptions {
  readonly synchronous?: SqliteSynchronous;
  /**
   * Caps the database size in pages (SQLite `max_page_count`). For tests that need a real
   * "database or disk is full" error; leave unset in production.
   */
  readonly maxPageCount?: number;
  /** How often the background thread checkpoints the WAL. Default 1000 ms. */
  readonly checkpointIntervalMs?: number;
  /**
   * Default true. False leaves checkpoints to SQLite (on commit, every 1000 pages) and starts no
   * thread: for short-lived tools that only read or write a little.
   */
  readonly backgroundCheckpoints?: boolean;
}

export const DATABASE_FILE = 'costudio.sqlite';
const STORAGE_SCHEMA_VERSION = 3;

// AUTOINCREMENT matters: without it SQLite may reuse the sequence number of a row deleted by
// compaction, and a snapshot's `through_seq` would then swallow a newer update.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS snapshots (
  board_id TEXT PRIMARY KEY,
  data BLOB NOT NULL,
  through_seq INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  encoding INTEGER NOT NULL DEFAULT 1,
  schema_version INTEGER
);
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  board_id TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_board ON updates (board_id, seq);
CREATE TABLE IF NOT EXISTS quarantined_updates (
  seq INTEGER PRIMARY KEY,
  board_id TEXT NOT NULL,
  data BLOB NOT NULL,
  reason TEXT NOT NULL,
  quarantined_at INTEGER NOT NULL
);
`;

/** BoardStore on one SQLite file in WAL mode, with every statement prepared once. */
export class SqliteBoardStore implements BoardStore {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly selectSnapshot: Database.Statement<
    [string],
    { data: Buffer; through_seq: number; encoding: number; schema_version: number | null }
  >;
  private readonly selectLog: Database.Statement<[string, number], { seq: number; data: Buffer }>;
  private readonly insertUpdate: Database.Statement<[string, Uint8Array]>;
  private readonly insertSnapshot: Database.Statement<[string, Uint8Array, number, number, number, number | null]>;
  private readonly upsertSnapshot: Database.Statement<[string, Uint8Array, number, number, number, number | null]>;
  private readonly deleteLogThrough: Database.Statement<[string, number]>;
  private readonly copyToQuarantine: Database.Statement<[string, number, number, string]>;
  private readonly deleteLogRow: Database.Statement<[number, string]>;
  private readonly selectAnything: Database.Statement<[string, string], { found: number }>;
  private readonly appendBatch: (batch: readonly UpdateToStore[]) => number[];
  private readonly checkpointer: WalCheckpointer | null;
  private closing: Promise<void> | null = null;

  /** Opens (creating if needed) `costudio.sqlite` in `dataDir`. */
  static open(dataDir: string, options: SqliteBoardStoreOptions = {}): SqliteBoardStore {
    mkdirSync(dataDir, { recursive: true });
    return new SqliteBoardStore(join(dataDir, DATABASE_FILE), options);
  }

  constructor(file: string, options: SqliteBoardStoreOptions = {}) {
    this.file = file;
    this.db = new Database(file);
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma(`synchronous = ${options.synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
      this.db.pragma('busy_timeout = 5000');
      if (options.backgroundCheckpoints !== false) this.db.pragma('wal_autocheckpoint = 0');
      // A WAL that grew during a burst is cut back once it has been checkpointed.
      this.db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
      if (options.maxPageCount !== undefined) this.db.pragma(`max_page_count = ${Math.floor(options.maxPageCount)}`);
      const version = this.db.pragma('user_version', { simple: true }) as number;
      if (version > STORAGE_SCHEMA_VERSION) {
        throw new Error(`${file} was written by a newer Costudio (storage version ${version}); refusing to open it`);
      }
      this.db.transaction(() => {
        // Version 1 had V1 snapshots only; the new column records which encoding a snapshot uses.
        if (version === 1) this.db.exec('ALTER TABLE snapshots ADD COLUMN encoding INTEGER NOT NULL DEFAULT 1');
        // Version 3 records each snapshot's board schema version; older snapshots stay NULL (unknown).
        if (version === 1 || version === 2) this.db.exec('ALTER TABLE snapshots ADD COLUMN schema_version INTEGER');
        this.db.exec(SCHEMA);
        this.db.pragma(`user_version = ${STORAGE_SCHEMA_VERSION}`);
      })();
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.selectSnapshot = this.db.prepare('SELECT data, through_seq, encoding, schema_version FROM snapshots WHERE board_id = ?');
    this.selectLog = this.db.prepare('SELECT seq, data FROM updates WHERE board_id = ? AND seq > ? ORDER BY seq');
    this.insertUpdate = this.db.prepare('INSERT INTO updates (board_id, data) VALUES (?, ?)');
    this.insertSnapshot = this.db.prepare(
      'INSERT INTO snapshots (board_id, data, through_seq, updated_at, encoding, schema_version) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.upsertSnapshot = this.db.prepare(
      `INSERT INTO snapshots (board_id, data, through_seq, updated_at, encoding, schema_version) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (board_id) DO UPDATE SET data = excluded.data, through_seq = excluded.through_seq,
         updated_at = excluded.updated_at, encoding = excluded.encoding, schema_version = excluded.schema_version
       WHERE excluded.through_seq >= snapshots.through_seq`,
    );
    this.deleteLogThrough = this.db.prepare('DELETE FROM updates WHERE board_id = ? AND seq <= ?');
    this.copyToQuarantine = this.db.prepare(
      `INSERT OR REPLACE INTO quarantined_updates (seq, board_id, data, reason, quarantined_at)
       SELECT seq, board_id, data, ?, ? FROM updates WHERE seq = ? AND board_id = ?`,
    );
    this.deleteLogRow = this.db.prepare('DELETE FROM updates WHERE seq = ? AND board_id = ?');
    this.selectAnything = this.db.prepare(
      `SELECT EXISTS (SELECT 1 FROM snapshots WHERE board_id = ?)
           OR EXISTS (SELECT 1 FROM updates WHERE board_id = ?) AS found`,
    );
    this.checkpointer =
      options.backgroundCheckpoints === false
        ? null
        : new WalCheckpointer(file, options.checkpointIntervalMs ?? 1000, () => {
            // Without the worker the WAL would grow forever: let SQLite checkpoint on commit again.
            if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
          });
    this.appendBatch = this.db.transaction((batch: readonly UpdateToStore[]) => {
      const seqs = new Array<number>(batch.length);
      for (let i = 0; i < batch.length; i++) {
        const entry = batch[i] as UpdateToStore;
        seqs[i] = Number(this.insertUpdate.run(entry.boardId, entry.update).lastInsertRowid);
      }
      return seqs;
    });
  }

  async loadBoard(boardId: string): Promise<StoredBoard> {
    return this.db.transaction((): StoredBoard => {
      const snapshotRow = this.selectSnapshot.get(boardId);
      const snapshotSeq = snapshotRow?.through_seq ?? 0;
      const log: StoredUpdate[] = this.selectLog.all(boardId, snapshotSeq).map((row) => ({ seq: row.seq, update: row.data }));
      const snapshot: Snapshot | null = snapshotRow ? snapshotFromRow(snapshotRow) : null;
      return { snapshot, snapshotSeq, log };
    })();
  }

  async appendUpdates(batch: readonly UpdateToStore[]): Promise<number[]> {
    return batch.length === 0 ? [] : this.appendBatch(batch);
  }

  async createBoard(boardId: string, snapshot: Snapshot): Promise<void> {
    this.db.transaction(() => {
      if (this.selectAnything.get(boardId, boardId)?.found) throw new BoardExistsError(boardId);
      this.insertSnapshot.run(boardId, snapshot.data, 0, Date.now(), encodingNumber(snapshot), snapshot.schemaVersion ?? null);
    })();
  }

  async compact(boardId: string, snapshot: Snapshot, throughSeq: number): Promise<void> {
    this.db.transaction(() => {
      this.upsertSnapshot.run(
        boardId,
        snapshot.data,
        throughSeq,
        Date.now(),
        encodingNumber(snapshot),
        snapshot.schemaVersion ?? null,
      );
      this.deleteLogThrough.run(boardId, throughSeq);
    })();
  }

  async quarantine(boardId: string, seq: number, reason: string): Promise<void> {
    this.db.transaction(() => {
      this.copyToQuarantine.run(reason, Date.now(), seq, boardId);
      this.deleteLogRow.run(seq, boardId);
    })();
  }

  async hasBoard(boardId: string): Promise<boolean> {
    return Boolean(this.selectAnything.get(boardId, boardId)?.found);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.checkpointer?.close();
      // The last connection to close checkpoints what is left and removes the WAL.
      this.db.close();
    })();
    return this.closing;
  }
}

function encodingNumber(snapshot: Snapshot): number {
  return snapshot.encoding === 'v2' ? 2 : 1;
}

function snapshotFromRow(row: { data: Buffer; encoding: number; schema_version: number | null }): Snapshot {
  const encoding = row.encoding === 2 ? 'v2' : 'v1';
  return row.schema_version === null
    ? { data: row.data, encoding }
    : { data: row.data, encoding, schemaVersion: row.schema_version };
}
