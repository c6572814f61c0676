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

  async record(boardId: string, roomId: string): Promise<void> {
    await this.database.pool.query(
      'INSERT INTO private_rooms (board_id, room_id, created_at) VALUES ($1, $2, $3) ON CONFLICT (room_id) DO NOTHING',
      [boardId, roomId, Date.now()],
    );
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
