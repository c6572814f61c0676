import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { WalCheckpointer } from './WalCheckpointer.ts';
import { WalSync } from './WalSync.ts';

/**
 * NORMAL: in WAL mode a commit survives the process being killed (the WAL is in the OS page
 * cache), but the last commits may be lost if the machine loses power. FULL survives power loss
 * too: every transaction waits for its fsync, except board updates and compactions, which are
 * committed without waiting and then synced off the event loop (`commitUnsynced`, `durable`).
 */
export type SqliteSynchronous = 'NORMAL' | 'FULL';

export interface SqliteDatabaseOptions {
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

/**
 * The WAL's size once a checkpoint has copied it back (SQLite `journal_size_limit`): the file is
 * cut to this when the writer starts over from its beginning, so a burst does not leave a WAL
 * the size of its high-water mark.
 */
export const WAL_SIZE_LIMIT = 4 * 1024 * 1024;

/**
 * With the background thread, the writer checkpoints on commit only past this many pages
 * (≈ 16 MiB). The thread's PASSIVE checkpoints cannot finish while commits keep arriving, and
 * only a finished one lets the WAL start over, so under sustained writes this valve is what
 * bounds the WAL (and its `-shm` index: one 32 KiB block per ~4,000 frames). Idle moments of a
 * second, which real meetings have, leave it to the thread.
 */
const WRITER_CHECKPOINT_PAGES = 4_000;

/**
 * Under FULL, a WAL fsync starts at most this often (ms): under a steady stream of edits one
 * covers several group commits, for "saved" ticks a few milliseconds later (nobody's view waits).
 */
const WAL_SYNC_INTERVAL_MS = 5;

/** The one database file of a data directory: boards, versions, links and private rooms. */
export const DATABASE_FILE = 'costudio.sqlite';

/**
 * One connection to a Costudio SQLite file, with the pragmas every store relies on: the one
 * place that opens it, so WAL mode, the durability setting and who checkpoints are decided
 * once. The stores of a SqliteStorage share one connection (better-sqlite3 is synchronous, so
 * their transactions never interleave); a store opened on its own file path gets its own.
 */
export class SqliteDatabase {
  readonly db: Database.Database;
  private readonly checkpointer: WalCheckpointer | null;
  /** Under FULL, what makes `commitUnsynced` commits survive power loss. */
  private readonly walSync: WalSync | null;
  private readonly syncNow: Database.Statement | null;
  private readonly syncLater: Database.Statement | null;
  private closing: Promise<void> | null = null;

  /** Opens (creating it and its directory if needed) `costudio.sqlite` in `dataDir`. */
  static openInDir(dataDir: string, options: SqliteDatabaseOptions = {}): SqliteDatabase {
    mkdirSync(dataDir, { recursive: true });
    return new SqliteDatabase(join(dataDir, DATABASE_FILE), options);
  }

  constructor(
    readonly file: string,
    options: SqliteDatabaseOptions = {},
  ) {
    this.db = new Database(file);
    try {
      // Before any table exists (a new file): free pages can then be handed back to the file
      // system (`incremental_vacuum`) instead of keeping the file at its high-water mark. An
      // existing file keeps its setting; `VACUUM` with the server stopped converts it.
      if (this.db.pragma('page_count', { simple: true }) === 0) this.db.pragma('auto_vacuum = INCREMENTAL');
      this.db.pragma('journal_mode = WAL');
      for (const pragma of connectionPragmas(options)) this.db.pragma(pragma);
    } catch (error) {
      this.db.close();
      throw error;
    }
    const threads = options.backgroundCheckpoints !== false && file !== ':memory:';
    const full = options.synchronous === 'FULL' && file !== ':memory:';
    this.walSync = full ? new WalSync(file, { minIntervalMs: WAL_SYNC_INTERVAL_MS }) : null;
    this.syncNow = full ? this.db.prepare('PRAGMA synchronous = FULL') : null;
    this.syncLater = full ? this.db.prepare('PRAGMA synchronous = NORMAL') : null;
    this.checkpointer = !threads
      ? null
      : new WalCheckpointer(file, options.checkpointIntervalMs ?? 1000, {
          checkpointHere: () => this.checkpointIdle(),
          onUnexpectedExit: () => {
            // Without the worker the WAL would grow to the safety valve: checkpoint on commit again.
            if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
          },
        });
  }

  /**
   * Runs `write` (one transaction, or one statement) without waiting for the disk: under FULL it
   * commits as NORMAL does, into the WAL in the OS page cache, which survives the process being
   * killed; `durable()` then makes it survive power loss. For the relay's board updates, which
   * are committed before anyone else gets them and acknowledged as saved only once durable, and
   * for compactions, whose loss would leave the log they fold (consistent either way).
   */
  commitUnsynced<T>(write: () => T): T {
    if (!this.syncLater || !this.syncNow) return write();
    this.syncLater.run();
    try {
      return write();
    } finally {
      this.syncNow.run();
    }
  }

  /**
   * Resolves once everything committed on this file so far survives power loss, if the setting
   * promises that (FULL: one `fdatasync` of the WAL for every caller waiting, in libuv's thread
   * pool); at once under NORMAL, which promises only to survive the process being killed.
   */
  durable(): Promise<void> {
    return this.walSync ? this.walSync.sync() : Promise.resolve();
  }

  /** Whether the background checkpoint thread is running now (it runs only while writes keep coming). */
  get checkpointThreadRunning(): boolean {
    return this.checkpointer?.threadRunning ?? false;
  }

  /**
   * Hands free pages back and empties the WAL: for quiet moments and the last close. In a quiet
   * moment it must not wait on another process (the admin CLI) in the relay's thread: it gives
   * up at once when busy, and the next quiet moment tries again.
   */
  private checkpointIdle(wait = false): void {
    if (!wait) this.db.pragma('busy_timeout = 0');
    try {
      this.db.pragma('incremental_vacuum');
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      if (!wait) this.db.pragma('busy_timeout = 5000');
    }
  }

  /** Reads the file's header through this connection; throws when the file cannot be read. */
  ping(): void {
    if (!this.db.open) throw new Error('the SQLite database is closed');
    this.db.pragma('user_version', { simple: true });
  }

  /**
   * After a deletion: copies the WAL into the file and truncates it to nothing, so the old page
   * images it held (with deleted content, written before the deletion) are gone too; the
   * deleted rows themselves are already zeroed in the file by `secure_delete`. Retries while a
   * reader holds the WAL, for up to `timeoutMs`; rejects if it could not.
   */
  async eraseFreedSpace(timeoutMs = 5_000): Promise<void> {
    if (this.file === ':memory:') return;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
      if (result?.busy === 0) return;
      if (Date.now() >= deadline) throw new Error('The WAL could not be truncated: a reader held it too long');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /**
   * Stops the checkpoint thread, then leaves one whole database file: free pages handed back,
   * the WAL copied in and truncated (TRUNCATE, so even if another process still holds the file
   * open the WAL is empty), and the connection closed, which removes `-wal` and `-shm`.
   * Repeated calls wait for the first.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.walSync?.close();
      await this.checkpointer?.close();
      if (this.file !== ':memory:' && !this.db.readonly) {
        try {
          this.checkpointIdle(true);
        } catch {
          // Busy (another process is writing) or the disk is failing: closing still checkpoints
          // what it can, and nothing committed is lost either way.
        }
      }
      this.db.close();
    })();
    return this.closing;
  }
}

/** What the connection sets beyond WAL mode. */
function connectionPragmas(options: SqliteDatabaseOptions): string[] {
  const pragmas = [
    `synchronous = ${options.synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`,
    'busy_timeout = 5000',
    // Deleted and overwritten rows are zeroed in place, free pages included, so a deleted board
    // or an erased note leaves no bytes in the file (issue 15). It costs a write of each freed
    // page, which compaction pays; cheaper than a VACUUM (a full rewrite) after every deletion.
    'secure_delete = ON',
    `journal_size_limit = ${WAL_SIZE_LIMIT}`,
  ];
  if (options.backgroundCheckpoints !== false) pragmas.push(`wal_autocheckpoint = ${WRITER_CHECKPOINT_PAGES}`);
  if (options.maxPageCount !== undefined) pragmas.push(`max_page_count = ${Math.floor(options.maxPageCount)}`);
  return pragmas;
}

/**
 * A store's hold on a database: the shared connection it was given (its opener closes it), or
 * on a file path a connection of its own, which `release` closes. `setUp` creates the store's
 * tables; if it fails on a connection of the store's own, that connection is closed first, so
 * a refused file is not left open.
 */
export class StoreConnection {
  readonly db: Database.Database;
  readonly file: string;
  readonly database: SqliteDatabase;
  private readonly owned: boolean;

  constructor(
    source: string | SqliteDatabase,
    setUp: (db: Database.Database) => void,
    options: SqliteDatabaseOptions = { backgroundCheckpoints: false },
  ) {
    this.owned = typeof source === 'string';
    this.database = typeof source === 'string' ? new SqliteDatabase(source, options) : source;
    this.db = this.database.db;
    this.file = this.database.file;
    try {
      setUp(this.db);
    } catch (error) {
      if (this.owned) void this.database.close();
      throw error;
    }
  }

  release(): Promise<void> {
    return this.owned ? this.database.close() : Promise.resolve();
  }
}
