import type { PrivateRoomStore } from '../PrivateRoomStore.ts';
import { PostgresDatabase, type PostgresDatabaseOptions } from './PostgresDatabase.ts';

/** PrivateRoomStore in the `private_rooms` table. */
export class PostgresPrivateRoomStore implements PrivateRoomStore {
  /** Connects to `url` on a pool of its own, which `close` ends. */
  static async open(url: string, options: PostgresDatabaseOptions = {}): Promise<PostgresPrivateRoomStore> {
    return new PostgresPrivateRoomStore(await PostgresDatabase.open(url, options), true);
  }

  /** On a shared database (a PostgresStorage's), whoever opened it closes it. */
  constructor(
    private readonly database: PostgresDatabase,
    private readonly ownsDatabase = false,
  ) {}

  /** `linkId`: the share link that first opened the room (null: none); kept for counting per link. */
  async record(boardId: string, roomId: string, linkId: string | null = null): Promise<void> {
    await this.database.pool.query(
      `INSERT INTO private_rooms (board_id, room_id, created_at, link_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (room_id) DO NOTHING`,
      [boardId, roomId, Date.now(), linkId],
    );
  }

  /** Whether `roomId` was recorded. */
  async has(roomId: string): Promise<boolean> {
    const { rowCount } = await this.database.pool.query('SELECT 1 FROM private_rooms WHERE room_id = $1', [roomId]);
    return (rowCount ?? 0) > 0;
  }

  /** How many of the board's private rooms were first opened through `linkId`. */
  async countByLink(boardId: string, linkId: string): Promise<number> {
    const { rows } = await this.database.pool.query<{ n: number }>(
      'SELECT count(*)::integer AS n FROM private_rooms WHERE board_id = $1 AND link_id = $2',
      [boardId, linkId],
    );
    return rows[0]?.n ?? 0;
  }

  /** Forgets every private room of the board (whose contents the caller deletes from the BoardStore). */
  async deleteForBoard(boardId: string): Promise<void> {
    await this.database.pool.query('DELETE FROM private_rooms WHERE board_id = $1', [boardId]);
  }

  async list(boardId: string): Promise<string[]> {
    const { rows } = await this.database.pool.query<{ room_id: string }>(
      'SELECT room_id FROM private_rooms WHERE board_id = $1 ORDER BY created_at, room_id COLLATE "C"',
      [boardId],
    );
    return rows.map((row) => row.room_id);
  }

  async close(): Promise<void> {
    if (this.ownsDatabase) await this.database.close();
  }
}
