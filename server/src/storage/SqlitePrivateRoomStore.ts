import type Database from 'better-sqlite3';
import type { PrivateRoomStore } from './PrivateRoomStore.ts';
import { type SqliteDatabase, StoreConnection } from './SqliteDatabase.ts';

/** PrivateRoomStore in a `private_rooms` table of the board database. */
export class SqlitePrivateRoomStore implements PrivateRoomStore {
  private readonly db: Database.Database;
  private readonly connection: StoreConnection;
  private readonly insert: Database.Statement<[string, string, number]>;
  private readonly select: Database.Statement<[string], { room_id: string }>;
  private readonly deleteAll: Database.Statement<[string]>;

  /** On a file path the store opens (and closes) a connection of its own; see StoreConnection. */
  constructor(source: string | SqliteDatabase) {
    this.connection = new StoreConnection(source, (db) => {
      db.exec(`CREATE TABLE IF NOT EXISTS private_rooms (
          room_id TEXT PRIMARY KEY,
          board_id TEXT NOT NULL,
          created_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS private_rooms_board ON private_rooms (board_id, created_at);`);
    });
    this.db = this.connection.db;
    this.insert = this.db.prepare('INSERT OR IGNORE INTO private_rooms (board_id, room_id, created_at) VALUES (?, ?, ?)');
    this.select = this.db.prepare('SELECT room_id FROM private_rooms WHERE board_id = ? ORDER BY created_at, room_id');
    this.deleteAll = this.db.prepare('DELETE FROM private_rooms WHERE board_id = ?');
  }

  async record(boardId: string, roomId: string): Promise<void> {
    this.insert.run(boardId, roomId, Date.now());
  }

  async list(boardId: string): Promise<string[]> {
    return this.select.all(boardId).map((row) => row.room_id);
  }

  async deleteForBoard(boardId: string): Promise<void> {
    this.deleteAll.run(boardId);
  }

  async close(): Promise<void> {
    await this.connection.release();
  }
}
