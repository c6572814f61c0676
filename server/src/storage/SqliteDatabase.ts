import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { WalCheckpointer } from './WalCheckpointer.ts';

/**
 * NORMAL: in WAL mode a commit survives the process being killed (the WAL is in the OS page
 * cache), but the last commits may be lost if the machine loses power. FULL fsyncs each commit
 * and survives power loss too, at the cost of a disk flush per group commit.
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
      this.db.pragma('journal_mode = WAL');
      this.db.pragma(`synchronous = ${options.synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
      this.db.pragma('busy_timeout = 5000');
      if (options.backgroundCheckpoints !== false) this.db.pragma('wal_autocheckpoint = 0');
      // A WAL that grew during a burst is cut back once it has been checkpointed.
      this.db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
      if (options.maxPageCount !== undefined) this.db.pragma(`max_page_count = ${Math.floor(options.maxPageCount)}`);
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.checkpointer =
      options.backgroundCheckpoints === false || file === ':memory:'
        ? null
        : new WalCheckpointer(file, options.checkpointIntervalMs ?? 1000, () => {
            // Without the worker the WAL would grow forever: let SQLite checkpoint on commit again.
            if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
          });
  }

  /**
   * Runs a store's schema set-up. If it fails on a connection the store opened for itself, the
   * connection is closed before the error goes on, so a refused file is not left open.
   */
  setUp(owned: boolean, setUp: (db: Database.Database) => void): void {
    try {
      setUp(this.db);
    } catch (error) {
      if (owned) void this.close();
      throw error;
    }
  }

  /** Stops the checkpoint thread after a last checkpoint, then closes; repeated calls wait for the first. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.checkpointer?.close();
      // The last connection to close checkpoints what is left and removes the WAL.
      this.db.close();
    })();
    return this.closing;
  }
}
