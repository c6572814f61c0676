import type { Storage } from '../Storage.ts';
import { PostgresBoardStore } from './PostgresBoardStore.ts';
import { PostgresDatabase, type PostgresDatabaseOptions } from './PostgresDatabase.ts';
import { PostgresHistoryStore } from './PostgresHistoryStore.ts';
import { PostgresLinkStore } from './PostgresLinkStore.ts';
import { PostgresPrivateRoomStore } from './PostgresPrivateRoomStore.ts';

/**
 * Every store in one PostgreSQL database over one pool, so any number of instances given the
 * same DATABASE_URL serve the same boards, and one `pg_dump` backs up boards, versions, links
 * and private rooms together.
 */
export class PostgresStorage implements Storage {
  readonly boards: PostgresBoardStore;
  readonly history: PostgresHistoryStore;
  readonly links: PostgresLinkStore;
  readonly privateRooms: PostgresPrivateRoomStore;

  /** Connects and migrates the schema; rejects (with nothing left open) when either fails. */
  static async open(url: string, options: PostgresDatabaseOptions = {}): Promise<PostgresStorage> {
    return new PostgresStorage(await PostgresDatabase.open(url, options));
  }

  private constructor(private readonly database: PostgresDatabase) {
    this.boards = new PostgresBoardStore(database);
    this.history = new PostgresHistoryStore(database);
    this.links = new PostgresLinkStore(database);
    this.privateRooms = new PostgresPrivateRoomStore(database);
  }

  /** Ends the pool once the queries in flight have finished; repeated calls wait for the first. */
  close(): Promise<void> {
    return this.database.close();
  }
}
