import type { AuditStore } from './AuditStore.ts';
import type { BoardStore } from './BoardStore.ts';
import type { HistoryStore } from './HistoryStore.ts';
import type { LinkStore } from './LinkStore.ts';
import type { PrivateRoomStore } from './PrivateRoomStore.ts';
import type { PostgresDatabaseOptions } from './postgres/PostgresDatabase.ts';
import type { SqliteDatabaseOptions } from './SqliteDatabase.ts';

/**
 * Everything the server keeps, from one backend chosen once (openStorage): the stores are
 * handed out together so they live in one place (one SQLite file, or one PostgreSQL
 * database shared by every instance) and one backup or one deletion reaches all of them.
 */
export interface Storage {
  readonly boards: BoardStore;
  /** Saved versions; null where none are kept (a custom board store given on its own). */
  readonly history: HistoryStore | null;
  readonly links: LinkStore;
  readonly privateRooms: PrivateRoomStore;
  /**
   * Resolves once a trivial query has gone through to the backend; rejects, with a reason a
   * person can read, when it cannot (GET /readyz answers 503 with it).
   */
  ping(): Promise<void>;
  /** What facilitators and operators did (issue 15): append-only. */
  readonly audit: AuditStore;
  /**
   * Makes deletions final on disk: after it resolves, no byte of deleted rows remains in any
   * file of the storage (SQLite: zeroed pages and a truncated WAL; PostgreSQL: VACUUM of the
   * tables written). Called after a board is deleted or contributions are erased.
   */
  eraseFreedSpace(): Promise<void>;
  /** Closes every store this storage opened, after their last writes. */
  close(): Promise<void>;
}

/**
 * Which backend, from configuration: SQLite in a data directory (the default, needing no
 * service), or PostgreSQL at a `postgres://` URL (DATABASE_URL), for several instances.
 */
export type StorageConfig =
  | ({ readonly kind: 'sqlite'; readonly dataDir: string } & SqliteDatabaseOptions)
  | ({ readonly kind: 'postgres'; readonly url: string } & PostgresDatabaseOptions);
