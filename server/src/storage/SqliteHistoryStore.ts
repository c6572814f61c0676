import type Database from 'better-sqlite3';
import type { Snapshot } from './BoardStore.ts';
import type { BoardVersion, HistoryStore, VersionKind, VersionToSave } from './HistoryStore.ts';
import { type SqliteDatabase, StoreConnection } from './SqliteDatabase.ts';

// Its own table, created if missing: an older Costudio opening the file simply ignores it, so
// the storage version (PRAGMA user_version, owned by SqliteBoardStore) need not change.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS board_versions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  board_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  name TEXT,
  note_count INTEGER NOT NULL,
  data BLOB NOT NULL,
  encoding INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS board_versions_by_board ON board_versions (board_id, id);
`;

interface VersionRow {
  id: number;
  board_id: string;
  created_at: number;
  kind: string;
  name: string | null;
  note_count: number;
}

const KINDS: readonly VersionKind[] = ['auto', 'last-leave', 'named', 'before-restore'];

/**
 * HistoryStore in the same SQLite file as the boards (`DATA_DIR/costudio.sqlite`, shared through
 * SqliteStorage): a version is one row inserted in one transaction, and compaction of the board
 * tables never touches it.
 */
export class SqliteHistoryStore implements HistoryStore {
  private readonly db: Database.Database;
  private readonly connection: StoreConnection;
  private readonly insert: Database.Statement<[string, number, string, string | null, number, Uint8Array, number]>;
  private readonly selectList: Database.Statement<[string], VersionRow>;
  private readonly selectOne: Database.Statement<[string, number], VersionRow & { data: Buffer; encoding: number }>;
  private readonly deleteAll: Database.Statement<[string]>;
  private readonly replaceContent: Database.Statement<[Uint8Array, number, number, string, number]>;

  /** On a file path the store opens (and closes) a connection of its own; see StoreConnection. */
  constructor(source: string | SqliteDatabase) {
    this.connection = new StoreConnection(source, (db) => {
      db.exec(SCHEMA);
    });
    this.db = this.connection.db;
    this.insert = this.db.prepare(
      'INSERT INTO board_versions (board_id, created_at, kind, name, note_count, data, encoding) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.selectList = this.db.prepare(
      'SELECT id, board_id, created_at, kind, name, note_count FROM board_versions WHERE board_id = ? ORDER BY id DESC',
    );
    this.selectOne = this.db.prepare(
      'SELECT id, board_id, created_at, kind, name, note_count, data, encoding FROM board_versions WHERE board_id = ? AND id = ?',
    );
    this.deleteAll = this.db.prepare('DELETE FROM board_versions WHERE board_id = ?');
    this.replaceContent = this.db.prepare(
      'UPDATE board_versions SET data = ?, encoding = ?, note_count = ? WHERE board_id = ? AND id = ?',
    );
  }

  async save(version: VersionToSave): Promise<BoardVersion> {
    const createdAt = version.createdAt ?? Date.now();
    const { boardId, kind, name, noteCount, snapshot } = version;
    const result = this.insert.run(boardId, createdAt, kind, name, noteCount, snapshot.data, snapshot.encoding === 'v2' ? 2 : 1);
    return { id: Number(result.lastInsertRowid), boardId, createdAt, kind, name, noteCount };
  }

  async list(boardId: string): Promise<BoardVersion[]> {
    return this.selectList.all(boardId).map(toVersion);
  }

  async get(boardId: string, id: number): Promise<{ version: BoardVersion; snapshot: Snapshot } | null> {
    const row = this.selectOne.get(boardId, id);
    if (!row) return null;
    return { version: toVersion(row), snapshot: { data: row.data, encoding: row.encoding === 2 ? 'v2' : 'v1' } };
  }

  async rewrite(boardId: string, id: number, snapshot: Snapshot, noteCount: number): Promise<boolean> {
    const encoding = snapshot.encoding === 'v2' ? 2 : 1;
    return this.replaceContent.run(snapshot.data, encoding, noteCount, boardId, id).changes > 0;
  }

  async deleteBoard(boardId: string): Promise<void> {
    this.deleteAll.run(boardId);
  }

  async close(): Promise<void> {
    await this.connection.release();
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
