import type { Storage } from '../Storage.ts';
import { PostgresAuditStore } from './PostgresAuditStore.ts';
import { PostgresBoardStore } from './PostgresBoardStore.ts';
import { PostgresDatabase, type PostgresDatabaseOptions } from './PostgresDatabase.ts';
import { PostgresHistoryStore } from './PostgresHistoryStore.ts';
import { PostgresLinkStore } from './PostgresLinkStore.ts';
import { PostgresPrivateRoomStore } from './PostgresPrivateRoomStore.ts';

/** The tables a board deletion or an erasure deletes from or rewrites. */
const ERASED_TABLES = [
  'snapshots',
  'updates',
  'quarantined_updates',
  'board_versions',
  'share_links',
  'private_rooms',
  'board_opened',
  'board_retention',
];

/**
 * Every store in one PostgreSQL database over one pool, so any number of instances given the
 * same DATABASE_URL serve the same boards, and one `pg_dump` backs up boards, versions, links,
 * private rooms and the audit log together.
 */
export class PostgresStorage implements Storage {
  readonly boards: PostgresBoardStore;
  readonly history: PostgresHistoryStore;
  readonly links: PostgresLinkStore;
  readonly privateRooms: PostgresPrivateRoomStore;
  readonly audit: PostgresAuditStore;

  /** Connects and migrates the schema; rejects (with nothing left open) when either fails. */
  static async open(url: string, options: PostgresDatabaseOptions = {}): Promise<PostgresStorage> {
    return new PostgresStorage(await PostgresDatabase.open(url, options));
  }

  private constructor(private readonly database: PostgresDatabase) {
    this.boards = new PostgresBoardStore(database);
    this.history = new PostgresHistoryStore(database);
    this.links = new PostgresLinkStore(database);
    this.privateRooms = new PostgresPrivateRoomStore(database);
    this.audit = new PostgresAuditStore(database);
  }

  /**
   * Resolves once a trivial query has gone through to PostgreSQL; rejects with a reason a person
   * can read when it cannot (for ops-observe's GET /readyz, which answers 503 with it).
   */
  async ping(): Promise<void> {
    try {
      await this.database.pool.query('SELECT 1');
    } catch (error) {
      throw new Error(`PostgreSQL is unreachable: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * After a deletion or an erasure: a plain VACUUM of the tables that held the deleted rows
   * (and their TOAST tables), so the dead row versions are pruned and their space marked free.
   * This is as far as PostgreSQL goes online, and it is NOT "no byte remains": VACUUM does not
   * zero the space it frees (the bytes stay in the data files until reused), and the WAL keeps
   * the rows as they were written until its segments are recycled after later checkpoints (and
   * for as long as a WAL archive, a replica's copy or a base backup is kept). docs/privacy.md
   * and docs/operations.md say what an operator must add (VACUUM FULL in a quiet moment, WAL
   * and backup retention, encrypted disks). It does not take the exclusive lock VACUUM FULL needs,
   * so the other boards go on being served.
   */
  async eraseFreedSpace(): Promise<void> {
    await this.database.pool.query(`VACUUM ${ERASED_TABLES.join(', ')}`);
  }

  /** Ends the pool once the queries in flight have finished; repeated calls wait for the first. */
  close(): Promise<void> {
    return this.database.close();
  }
}
