import { SqliteAuditStore } from './SqliteAuditStore.ts';
import { SqliteBoardStore } from './SqliteBoardStore.ts';
import { SqliteDatabase, type SqliteDatabaseOptions } from './SqliteDatabase.ts';
import { SqliteHistoryStore } from './SqliteHistoryStore.ts';
import { SqliteLinkStore } from './SqliteLinkStore.ts';
import { SqlitePrivateRoomStore } from './SqlitePrivateRoomStore.ts';
import type { Storage } from './Storage.ts';

/**
 * Every store in one SQLite file (`DATA_DIR/costudio.sqlite`) over one connection, so a single
 * copy of the file backs up boards, versions and links together.
 */
export class SqliteStorage implements Storage {
  readonly boards: SqliteBoardStore;
  readonly history: SqliteHistoryStore;
  readonly links: SqliteLinkStore;
  readonly privateRooms: SqlitePrivateRoomStore;
  readonly audit: SqliteAuditStore;
  private closing: Promise<void> | null = null;

  /** Opens (creating it if needed) the database in `dataDir`. */
  static open(dataDir: string, options: SqliteDatabaseOptions = {}): SqliteStorage {
    return new SqliteStorage(SqliteDatabase.openInDir(dataDir, options));
  }

  private constructor(private readonly database: SqliteDatabase) {
    try {
      // The board store first: it owns the file's storage version and refuses a newer file.
      this.boards = new SqliteBoardStore(database);
      this.history = new SqliteHistoryStore(database);
      this.links = new SqliteLinkStore(database);
      this.privateRooms = new SqlitePrivateRoomStore(database);
      this.audit = new SqliteAuditStore(database);
    } catch (error) {
      void database.close();
      throw error;
    }
  }

  get file(): string {
    return this.database.file;
  }

  async ping(): Promise<void> {
    this.database.ping();
  }

  eraseFreedSpace(): Promise<void> {
    return this.database.eraseFreedSpace();
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([
        this.boards.close(),
        this.history.close(),
        this.links.close(),
        this.privateRooms.close(),
        this.audit.close(),
      ]);
      await this.database.close();
    })();
    return this.closing;
  }
}
