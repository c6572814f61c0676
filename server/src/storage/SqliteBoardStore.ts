import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import {
  BoardDeletedError,
  BoardExistsError,
  type BoardStore,
  type RetentionPolicy,
  type Snapshot,
  type StoredBoard,
  type StoredUpdate,
  type UpdateToStore,
} from './BoardStore.ts';
import { DATABASE_FILE, type SqliteDatabase, type SqliteDatabaseOptions, StoreConnection } from './SqliteDatabase.ts';

/** The store's options are the database's: it opens its own connection when given a file path. */
export type SqliteBoardStoreOptions = SqliteDatabaseOptions;
// Re-exported for the tools and tests that open a board store by path.
export { DATABASE_FILE, type SqliteSynchronous } from './SqliteDatabase.ts';

const STORAGE_SCHEMA_VERSION = 4;

/**
 * Appends one log row and returns its `seq`. A board's rows are numbered on their own: one past
 * the highest number the board has used, whether the row is still in the log, folded into its
 * snapshot (`through_seq`) or quarantined, so no number is ever reused (a snapshot's
 * `through_seq` would otherwise swallow a newer update). SQLite runs one writer at a time, so
 * the number read is the latest. Numbering per board is what keeps a commit to one page: the
 * table is keyed `(board_id, seq)`, with no rowid index and no AUTOINCREMENT counter to write.
 * Binds the board id four times, then the update.
 */
const INSERT_UPDATE = `INSERT INTO updates (board_id, seq, data) VALUES (?, 1 + max(
         coalesce((SELECT max(seq) FROM updates WHERE board_id = ?), 0),
         coalesce((SELECT through_seq FROM snapshots WHERE board_id = ?), 0),
         coalesce((SELECT max(seq) FROM quarantined_updates WHERE board_id = ?), 0)), ?)
       RETURNING seq`;

const SELECT_DELETED = 'SELECT EXISTS (SELECT 1 FROM deleted_boards WHERE board_id = ?) AS found';

/** A snapshot never replaces one that covers more (see BoardStore.compact). */
const UPSERT_SNAPSHOT = `INSERT INTO snapshots (board_id, data, through_seq, updated_at, encoding, schema_version) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (board_id) DO UPDATE SET data = excluded.data, through_seq = excluded.through_seq,
         updated_at = excluded.updated_at, encoding = excluded.encoding, schema_version = excluded.schema_version
       WHERE excluded.through_seq >= snapshots.through_seq`;

const DELETE_LOG_THROUGH = 'DELETE FROM updates WHERE board_id = ? AND seq <= ?';

// The log is keyed (board_id, seq) without a rowid, so appending a row writes one page (a
// rowid table needs its index and AUTOINCREMENT's counter too: three pages a commit). A board's
// rows are numbered on their own and never reuse a number; see INSERT_UPDATE.
const UPDATES_TABLE = `CREATE TABLE IF NOT EXISTS updates (
  board_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (board_id, seq)
) WITHOUT ROWID`;

const QUARANTINE_TABLE = `CREATE TABLE IF NOT EXISTS quarantined_updates (
  board_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  reason TEXT NOT NULL,
  quarantined_at INTEGER NOT NULL,
  PRIMARY KEY (board_id, seq)
) WITHOUT ROWID`;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS snapshots (
  board_id TEXT PRIMARY KEY,
  data BLOB NOT NULL,
  through_seq INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  encoding INTEGER NOT NULL DEFAULT 1,
  schema_version INTEGER
);
${UPDATES_TABLE};
${QUARANTINE_TABLE};
CREATE TABLE IF NOT EXISTS deleted_boards (
  board_id TEXT PRIMARY KEY,
  deleted_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS board_opened (
  board_id TEXT PRIMARY KEY,
  opened_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS board_retention (
  board_id TEXT PRIMARY KEY,
  keep INTEGER NOT NULL,
  days INTEGER
);
CREATE TRIGGER IF NOT EXISTS no_updates_to_deleted_boards BEFORE INSERT ON updates
WHEN EXISTS (SELECT 1 FROM deleted_boards WHERE board_id = NEW.board_id)
BEGIN SELECT RAISE(ABORT, 'costudio: board deleted'); END;
`;

/** BoardStore on one SQLite file in WAL mode, with every statement prepared once. */
export class SqliteBoardStore implements BoardStore {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly selectSnapshot: Database.Statement<
    [string],
    { data: Buffer; through_seq: number; encoding: number; schema_version: number | null }
  >;
  private readonly selectSnapshotSeq: Database.Statement<[string], { through_seq: number }>;
  private readonly selectLog: Database.Statement<[string, number], { seq: number; data: Buffer }>;
  private readonly insertUpdate: Database.Statement<[string, string, string, string, Uint8Array], number>;
  private readonly insertSnapshot: Database.Statement<[string, Uint8Array, number, number, number, number | null]>;
  private readonly upsertSnapshot: Database.Statement<[string, Uint8Array, number, number, number, number | null]>;
  private readonly deleteLogThrough: Database.Statement<[string, number]>;
  private readonly copyToQuarantine: Database.Statement<[string, number, number, string]>;
  private readonly deleteLogRow: Database.Statement<[number, string]>;
  private readonly selectAnything: Database.Statement<[string, string], { found: number }>;
  private readonly selectDeleted: Database.Statement<[string], { found: number }>;
  private readonly removeBoard: (boardId: string) => void;
  private readonly deleteQuarantined: Database.Statement<[string]>;
  private readonly upsertOpened: Database.Statement<[string, number]>;
  private readonly selectDue: Database.Statement<[number | null, number], { board_id: string }>;
  private readonly upsertRetention: Database.Statement<[string, number, number | null]>;
  private readonly deleteRetention: Database.Statement<[string]>;
  private readonly selectRetention: Database.Statement<
    [string, string],
    { keep: number | null; days: number | null; last_active: number | null }
  >;
  private readonly appendBatch: (batch: readonly UpdateToStore[]) => number[];
  private readonly connection: StoreConnection;

  /** Opens (creating if needed) `costudio.sqlite` in `dataDir`, on a connection of its own. */
  static open(dataDir: string, options: SqliteBoardStoreOptions = {}): SqliteBoardStore {
    mkdirSync(dataDir, { recursive: true });
    return new SqliteBoardStore(join(dataDir, DATABASE_FILE), options);
  }

  /**
   * On a file path the store opens (and closes) a connection of its own with `options`; on a
   * SqliteDatabase (one shared by a SqliteStorage), whoever opened the database closes it.
   */
  constructor(source: string | SqliteDatabase, options: SqliteBoardStoreOptions = {}) {
    const file = typeof source === 'string' ? source : source.file;
    this.connection = new StoreConnection(source, (db) => setUpBoardTables(db, file), options);
    this.file = file;
    this.db = this.connection.db;
    this.selectSnapshot = this.db.prepare('SELECT data, through_seq, encoding, schema_version FROM snapshots WHERE board_id = ?');
    this.selectSnapshotSeq = this.db.prepare('SELECT through_seq FROM snapshots WHERE board_id = ?');
    this.selectLog = this.db.prepare('SELECT seq, data FROM updates WHERE board_id = ? AND seq > ? ORDER BY seq');
    this.insertUpdate = this.db.prepare<[string, string, string, string, Uint8Array], number>(INSERT_UPDATE).pluck();
    this.insertSnapshot = this.db.prepare(
      'INSERT INTO snapshots (board_id, data, through_seq, updated_at, encoding, schema_version) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.upsertSnapshot = this.db.prepare(UPSERT_SNAPSHOT);
    this.deleteLogThrough = this.db.prepare(DELETE_LOG_THROUGH);
    this.copyToQuarantine = this.db.prepare(
      `INSERT OR REPLACE INTO quarantined_updates (seq, board_id, data, reason, quarantined_at)
       SELECT seq, board_id, data, ?, ? FROM updates WHERE seq = ? AND board_id = ?`,
    );
    this.deleteLogRow = this.db.prepare('DELETE FROM updates WHERE seq = ? AND board_id = ?');
    this.selectAnything = this.db.prepare(
      `SELECT EXISTS (SELECT 1 FROM snapshots WHERE board_id = ?)
           OR EXISTS (SELECT 1 FROM updates WHERE board_id = ?) AS found`,
    );
    this.selectDeleted = this.db.prepare(SELECT_DELETED);
    const tombstone = this.db.prepare<[string, number]>(
      'INSERT OR IGNORE INTO deleted_boards (board_id, deleted_at) VALUES (?, ?)',
    );
    const deleteRows = ['snapshots', 'updates', 'quarantined_updates'].map((table) =>
      this.db.prepare<[string]>(`DELETE FROM ${table} WHERE board_id = ?`),
    );
    this.deleteQuarantined = this.db.prepare('DELETE FROM quarantined_updates WHERE board_id = ?');
    this.upsertOpened = this.db.prepare(
      `INSERT INTO board_opened (board_id, opened_at) VALUES (?, ?)
       ON CONFLICT (board_id) DO UPDATE SET opened_at = max(opened_at, excluded.opened_at)`,
    );
    // Retention in days: the board's own, else the default (NULL: kept); `keep` boards never.
    this.selectDue = this.db.prepare(
      `SELECT board_id FROM (
         SELECT s.board_id, max(s.updated_at, coalesce(o.opened_at, 0)) AS active,
                CASE WHEN r.board_id IS NULL THEN ? WHEN r.keep = 1 THEN NULL ELSE r.days END AS days
         FROM snapshots s
         LEFT JOIN board_opened o ON o.board_id = s.board_id
         LEFT JOIN board_retention r ON r.board_id = s.board_id)
       WHERE days IS NOT NULL AND active + days * 86400000 < ? ORDER BY board_id`,
    );
    this.upsertRetention = this.db.prepare(
      `INSERT INTO board_retention (board_id, keep, days) VALUES (?, ?, ?)
       ON CONFLICT (board_id) DO UPDATE SET keep = excluded.keep, days = excluded.days`,
    );
    this.deleteRetention = this.db.prepare('DELETE FROM board_retention WHERE board_id = ?');
    this.selectRetention = this.db.prepare(
      `SELECT r.keep, r.days, (SELECT max(s.updated_at, coalesce(o.opened_at, 0)) FROM snapshots s
         LEFT JOIN board_opened o ON o.board_id = s.board_id WHERE s.board_id = ?) AS last_active
       FROM (SELECT 1) LEFT JOIN board_retention r ON r.board_id = ?`,
    );
    const forgetOpened = this.db.prepare<[string]>('DELETE FROM board_opened WHERE board_id = ?');
    const forgetRetention = this.db.prepare<[string]>('DELETE FROM board_retention WHERE board_id = ?');
    this.removeBoard = this.db.transaction((boardId: string) => {
      tombstone.run(boardId, Date.now());
      forgetOpened.run(boardId);
      forgetRetention.run(boardId);
      for (const statement of deleteRows) statement.run(boardId);
    });
    this.appendBatch = this.db.transaction((batch: readonly UpdateToStore[]) => {
      const seqs = new Array<number>(batch.length);
      for (let i = 0; i < batch.length; i++) {
        const { boardId, update } = batch[i] as UpdateToStore;
        seqs[i] = this.insertUpdate.all(boardId, boardId, boardId, boardId, update)[0] as number;
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
    if (batch.length === 0) return [];
    try {
      // One row is one statement, which SQLite commits atomically on its own: no BEGIN and COMMIT
      // to run (a few µs of CPU on the path of nearly every edit). `all`, not `get`: the commit
      // happens as the statement finishes, and only `all` reports an error there.
      return this.connection.database.commitUnsynced(() => {
        if (batch.length > 1) return this.appendBatch(batch);
        const { boardId, update } = batch[0] as UpdateToStore;
        return this.insertUpdate.all(boardId, boardId, boardId, boardId, update);
      });
    } catch (error) {
      // The trigger on `updates` refused a row of a deleted board; say which.
      if (!(error instanceof Error && error.message.includes('costudio: board deleted'))) throw error;
      const deleted = batch.find((entry) => this.selectDeleted.get(entry.boardId)?.found);
      throw new BoardDeletedError(deleted?.boardId ?? '');
    }
  }

  durable(): Promise<void> {
    return this.connection.database.durable();
  }

  async createBoard(boardId: string, snapshot: Snapshot): Promise<void> {
    this.db.transaction(() => {
      if (this.selectDeleted.get(boardId)?.found) throw new BoardDeletedError(boardId);
      if (this.selectAnything.get(boardId, boardId)?.found) throw new BoardExistsError(boardId);
      this.insertSnapshot.run(boardId, snapshot.data, 0, Date.now(), encodingNumber(snapshot), snapshot.schemaVersion ?? null);
    })();
  }

  async compact(boardId: string, snapshot: Snapshot, throughSeq: number): Promise<void> {
    // Not waited for under FULL: lost to a power cut, it leaves the log it folds, just as before.
    this.connection.database.commitUnsynced(
      this.db.transaction(() => {
        // A room still open when its board was deleted must not write it back.
        if (this.selectDeleted.get(boardId)?.found) return;
        this.upsertSnapshot.run(
          boardId,
          snapshot.data,
          throughSeq,
          Date.now(),
          encodingNumber(snapshot),
          snapshot.schemaVersion ?? null,
        );
        this.deleteLogThrough.run(boardId, throughSeq);
      }),
    );
  }

  async readUpdatesSince(boardId: string, afterSeq: number): Promise<StoredUpdate[] | null> {
    return this.db.transaction((): StoredUpdate[] | null => {
      const snapshotSeq = this.selectSnapshotSeq.get(boardId)?.through_seq ?? 0;
      if (snapshotSeq > afterSeq) return null;
      return this.selectLog.all(boardId, afterSeq).map((row) => ({ seq: row.seq, update: row.data }));
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

  async dropQuarantined(boardId: string): Promise<number> {
    return this.deleteQuarantined.run(boardId).changes;
  }

  async deleteBoard(boardId: string): Promise<void> {
    this.removeBoard(boardId);
  }

  async isDeleted(boardId: string): Promise<boolean> {
    return Boolean(this.selectDeleted.get(boardId)?.found);
  }

  async recordOpened(boardId: string, at: number): Promise<void> {
    this.upsertOpened.run(boardId, at);
  }

  async dueForDeletion(now: number, defaultDays: number | null): Promise<string[]> {
    return this.selectDue.all(defaultDays, now).map((row) => row.board_id);
  }

  async setRetention(boardId: string, policy: RetentionPolicy | null): Promise<void> {
    if (policy === null) this.deleteRetention.run(boardId);
    else if ('keep' in policy) this.upsertRetention.run(boardId, 1, null);
    else this.upsertRetention.run(boardId, 0, policy.days);
  }

  async retentionOf(boardId: string): Promise<{ policy: RetentionPolicy | null; lastActiveAt: number | null }> {
    const row = this.selectRetention.get(boardId, boardId);
    const policy: RetentionPolicy | null =
      row?.keep === 1 ? { keep: true } : row?.keep === 0 && row.days !== null ? { days: row.days } : null;
    return { policy, lastActiveAt: row?.last_active ?? null };
  }

  async close(): Promise<void> {
    await this.connection.release();
  }
}

/**
 * Creates the board tables, or upgrades an older layout in place, under `PRAGMA user_version`;
 * refuses a file written by a newer Costudio rather than misread it.
 */
function setUpBoardTables(db: Database.Database, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > STORAGE_SCHEMA_VERSION) {
    throw new Error(`${file} was written by a newer Costudio (storage version ${version}); refusing to open it`);
  }
  db.transaction(() => {
    // Version 1 had V1 snapshots only; the new column records which encoding a snapshot uses.
    if (version === 1) db.exec('ALTER TABLE snapshots ADD COLUMN encoding INTEGER NOT NULL DEFAULT 1');
    // Version 3 records each snapshot's board schema version; older snapshots stay NULL (unknown).
    if (version === 1 || version === 2) db.exec('ALTER TABLE snapshots ADD COLUMN schema_version INTEGER');
    // Version 4 keys the log and the quarantine by (board_id, seq); rows keep their numbers.
    if (version < 4) rekeyLogTables(db);
    db.exec(SCHEMA);
    db.pragma(`user_version = ${STORAGE_SCHEMA_VERSION}`);
  })();
}

/**
 * Rewrites the version 1–3 `updates` (a rowid table with AUTOINCREMENT and an index) and
 * `quarantined_updates` (keyed by seq alone) as tables keyed (board_id, seq), rows and numbers
 * unchanged. The old tables' trigger and index go with them; SCHEMA creates the trigger again.
 * Their numbers were shared by all boards, so each board's are increasing and its next one,
 * one past the highest it used, is new.
 */
function rekeyLogTables(db: Database.Database): void {
  const exists = db.prepare<[string], { found: number }>(
    "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?) AS found",
  );
  for (const [table, definition, columns] of [
    ['updates', UPDATES_TABLE, 'board_id, seq, data'],
    ['quarantined_updates', QUARANTINE_TABLE, 'board_id, seq, data, reason, quarantined_at'],
  ] as const) {
    if (!exists.get(table)?.found) continue;
    db.exec(`ALTER TABLE ${table} RENAME TO ${table}_v3`);
    db.exec(definition);
    db.exec(`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM ${table}_v3`);
    db.exec(`DROP TABLE ${table}_v3`);
  }
  if (exists.get('sqlite_sequence')?.found) db.exec("DELETE FROM sqlite_sequence WHERE name = 'updates'");
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
