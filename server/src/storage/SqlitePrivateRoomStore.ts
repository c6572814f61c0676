import type Database from 'better-sqlite3';
import type { PrivateRoomStore } from './PrivateRoomStore.ts';
import { type SqliteDatabase, StoreConnection } from './SqliteDatabase.ts';

/** PrivateRoomStore in a `private_rooms` table of the board database. */
export class SqlitePrivateRoomStore implements PrivateRoomStore {
  private readonly db: Database.Database;
  private readonly connection: StoreConnection;
  private readonly insert: Database.Statement<[string, string, number, string | null]>;
  private readonly select: Database.Statement<[string], { room_id: string }>;
  private readonly selectOne: Database.Statement<[string], { room_id: string }>;
  private readonly countLink: Database.Statement<[string, string], { n: number }>;
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
      // Databases from before rooms were counted per link (issue 13) gain the column; their rows count for no link.
      const columns = db.prepare('PRAGMA table_info(private_rooms)').all() as { name: string }[];
      if (!columns.some((column) => column.name === 'link_id')) db.exec('ALTER TABLE private_rooms ADD COLUMN link_id TEXT');
    });
    this.db = this.connection.db;
    this.insert = this.db.prepare(
      'INSERT OR IGNORE INTO private_rooms (board_id, room_id, created_at, link_id) VALUES (?, ?, ?, ?)',
    );
    this.selectOne = this.db.prepare('SELECT room_id FROM private_rooms WHERE room_id = ?');
    this.countLink = this.db.prepare('SELECT COUNT(*) AS n FROM private_rooms WHERE board_id = ? AND link_id = ?');
    this.select = this.db.prepare('SELECT room_id FROM private_rooms WHERE board_id = ? ORDER BY created_at, room_id');
    this.deleteAll = this.db.prepare('DELETE FROM private_rooms WHERE board_id = ?');
  }

  async record(boardId: string, roomId: string, linkId: string | null = null): Promise<void> {
    this.insert.run(boardId, roomId, Date.now(), linkId);
  }

  async has(roomId: string): Promise<boolean> {
    return this.selectOne.get(roomId) !== undefined;
  }

  async countByLink(boardId: string, linkId: string): Promise<number> {
    return this.countLink.get(boardId, linkId)?.n ?? 0;
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
