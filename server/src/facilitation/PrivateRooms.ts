import Database from 'better-sqlite3';

/**
 * Which private-writing rooms each board has, so its facilitators can review and reveal them.
 * A `private_rooms` table beside the link records (same database file).
 */
export class PrivateRooms {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<[string, string, number]>;
  private readonly select: Database.Statement<[string], { room_id: string }>;
  private closed = false;

  constructor(file: string) {
    this.db = new Database(file);
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('busy_timeout = 5000');
      this.db.exec(`CREATE TABLE IF NOT EXISTS private_rooms (
        room_id TEXT PRIMARY KEY,
        board_id TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS private_rooms_board ON private_rooms (board_id, created_at);`);
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.insert = this.db.prepare('INSERT OR IGNORE INTO private_rooms (board_id, room_id, created_at) VALUES (?, ?, ?)');
    this.select = this.db.prepare('SELECT room_id FROM private_rooms WHERE board_id = ? ORDER BY created_at, room_id');
  }

  async record(boardId: string, roomId: string): Promise<void> {
    this.insert.run(boardId, roomId, Date.now());
  }

  async list(boardId: string): Promise<string[]> {
    return this.select.all(boardId).map((row) => row.room_id);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}
