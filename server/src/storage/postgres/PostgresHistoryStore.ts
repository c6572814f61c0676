import { BoardDeletedError, type Snapshot } from '../BoardStore.ts';
import type { BoardVersion, HistoryStore, VersionKind, VersionToSave } from '../HistoryStore.ts';
import { PostgresDatabase, type PostgresDatabaseOptions } from './PostgresDatabase.ts';

interface VersionRow {
  id: number;
  board_id: string;
  created_at: number;
  kind: string;
  name: string | null;
  note_count: number;
}

const KINDS: readonly VersionKind[] = ['auto', 'last-leave', 'named', 'before-restore'];
const COLUMNS = 'id, board_id, created_at, kind, name, note_count';

/**
 * HistoryStore in the `board_versions` table, beside the boards; compaction never touches it.
 * `save` refuses a board with a tombstone (BoardDeletedError).
 */
export class PostgresHistoryStore implements HistoryStore {
  /** Connects to `url` on a pool of its own, which `close` ends. */
  static async open(url: string, options: PostgresDatabaseOptions = {}): Promise<PostgresHistoryStore> {
    return new PostgresHistoryStore(await PostgresDatabase.open(url, options), true);
  }

  /** On a shared database (a PostgresStorage's), whoever opened it closes it. */
  constructor(
    private readonly database: PostgresDatabase,
    private readonly ownsDatabase = false,
  ) {}

  async save(version: VersionToSave): Promise<BoardVersion> {
    const createdAt = version.createdAt ?? Date.now();
    const { boardId, kind, name, noteCount, snapshot } = version;
    // Never for a deleted board: another instance may still hold its room and save a version
    // when its last socket leaves, after this board's versions were deleted.
    const { rows } = await this.database.pool.query<{ id: number }>(
      `INSERT INTO board_versions (board_id, created_at, kind, name, note_count, data, encoding)
       SELECT $1::text, $2::bigint, $3::text, $4::text, $5::integer, $6::bytea, $7::smallint
       WHERE NOT EXISTS (SELECT 1 FROM deleted_boards WHERE board_id = $1::text)
       RETURNING id`,
      [boardId, createdAt, kind, name, noteCount, snapshot.data, snapshot.encoding === 'v2' ? 2 : 1],
    );
    const row = rows[0];
    if (!row) throw new BoardDeletedError(boardId);
    return { id: row.id, boardId, createdAt, kind, name, noteCount };
  }

  async list(boardId: string): Promise<BoardVersion[]> {
    const { rows } = await this.database.pool.query<VersionRow>(
      `SELECT ${COLUMNS} FROM board_versions WHERE board_id = $1 ORDER BY id DESC`,
      [boardId],
    );
    return rows.map(toVersion);
  }

  async get(boardId: string, id: number): Promise<{ version: BoardVersion; snapshot: Snapshot } | null> {
    // An id past int8's range matches nothing; asking PostgreSQL would fail the cast instead.
    if (!Number.isSafeInteger(id)) return null;
    const { rows } = await this.database.pool.query<VersionRow & { data: Buffer; encoding: number }>(
      `SELECT ${COLUMNS}, data, encoding FROM board_versions WHERE board_id = $1 AND id = $2`,
      [boardId, id],
    );
    const row = rows[0];
    if (!row) return null;
    return { version: toVersion(row), snapshot: { data: row.data, encoding: row.encoding === 2 ? 'v2' : 'v1' } };
  }

  /**
   * Replaces one version's content and note count, keeping its id, time, kind and name (erasing
   * contributions from history). False when the board has no such version.
   */
  async rewrite(boardId: string, id: number, snapshot: Snapshot, noteCount: number): Promise<boolean> {
    if (!Number.isSafeInteger(id)) return false;
    const { rowCount } = await this.database.pool.query(
      'UPDATE board_versions SET data = $1, encoding = $2, note_count = $3 WHERE board_id = $4 AND id = $5',
      [snapshot.data, snapshot.encoding === 'v2' ? 2 : 1, noteCount, boardId, id],
    );
    return (rowCount ?? 0) > 0;
  }

  /** Deletes every version of the board (the board is being deleted). */
  async deleteBoard(boardId: string): Promise<void> {
    await this.database.pool.query('DELETE FROM board_versions WHERE board_id = $1', [boardId]);
  }

  async close(): Promise<void> {
    if (this.ownsDatabase) await this.database.close();
  }
}

function toVersion(row: VersionRow): BoardVersion {
  return {
    id: row.id,
    boardId: row.board_id,
    createdAt: row.created_at,
    kind: (KINDS as readonly string[]).includes(row.kind) ? (row.kind as VersionKind) : 'auto',
    name: row.name,
    noteCount: row.note_count,
  };
}
