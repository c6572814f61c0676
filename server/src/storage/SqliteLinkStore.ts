import { ACCESS_LEVELS, type Access } from '@costudio/shared';
import type Database from 'better-sqlite3';
import { generateJoinCode } from './joinCode.ts';
import type { LinkStore, ShareLink } from './LinkStore.ts';
import { type SqliteDatabase, StoreConnection } from './SqliteDatabase.ts';

interface LinkRow {
  id: string;
  board_id: string;
  access: string;
  label: string;
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
  code: string | null;
}

/**
 * Link records in a `share_links` table. It lives in the board database (SqliteStorage) so one
 * backup holds boards and their links; any other file works too.
 */
export class SqliteLinkStore implements LinkStore {
  private readonly db: Database.Database;
  private readonly connection: StoreConnection;
  private readonly insert: Database.Statement<[string, string, string, string, number, number | null, string]>;
  private readonly selectOne: Database.Statement<[string], LinkRow>;
  private readonly selectByCode: Database.Statement<[string], LinkRow>;
  private readonly selectBoard: Database.Statement<[string], LinkRow>;
  private readonly markRevoked: Database.Statement<[number, string]>;
  private readonly deleteBoardLinks: Database.Statement<[string]>;

  /** On a file path the store opens (and closes) a connection of its own; see StoreConnection. */
  constructor(source: string | SqliteDatabase) {
    this.connection = new StoreConnection(source, (db) => {
      db.exec(`CREATE TABLE IF NOT EXISTS share_links (
          id TEXT PRIMARY KEY,
          board_id TEXT NOT NULL,
          access TEXT NOT NULL,
          label TEXT NOT NULL DEFAULT '',
          created_at INTEGER NOT NULL,
          expires_at INTEGER,
          revoked_at INTEGER
        );
        CREATE INDEX IF NOT EXISTS share_links_board ON share_links (board_id, created_at);`);
      addJoinCodes(db);
    });
    this.db = this.connection.db;
    this.insert = this.db.prepare(
      'INSERT INTO share_links (id, board_id, access, label, created_at, expires_at, code) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.selectOne = this.db.prepare('SELECT * FROM share_links WHERE id = ?');
    this.selectByCode = this.db.prepare('SELECT * FROM share_links WHERE code = ?');
    this.selectBoard = this.db.prepare('SELECT * FROM share_links WHERE board_id = ? ORDER BY created_at, id');
    this.markRevoked = this.db.prepare('UPDATE share_links SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?');
    this.deleteBoardLinks = this.db.prepare('DELETE FROM share_links WHERE board_id = ?');
  }

  async create(link: ShareLink): Promise<void> {
    this.insert.run(link.id, link.boardId, link.access, link.label, link.createdAt, link.expiresAt, link.code);
  }

  async get(linkId: string): Promise<ShareLink | null> {
    const row = this.selectOne.get(linkId);
    return row ? toLink(row) : null;
  }

  async getByCode(code: string): Promise<ShareLink | null> {
    const row = this.selectByCode.get(code);
    return row ? toLink(row) : null;
  }

  async listForBoard(boardId: string): Promise<ShareLink[]> {
    return this.selectBoard.all(boardId).flatMap((row) => toLink(row) ?? []);
  }

  async revoke(linkId: string, at: number): Promise<ShareLink | null> {
    this.markRevoked.run(at, linkId);
    return this.get(linkId);
  }

  async deleteForBoard(boardId: string): Promise<void> {
    this.deleteBoardLinks.run(boardId);
  }

  async close(): Promise<void> {
    await this.connection.release();
  }
}

/**
 * Migration: databases made before join codes get the `code` column, a unique index and a code
 * for every existing link, in one transaction. Idempotent, so it runs on every open.
 */
function addJoinCodes(db: Database.Database): void {
  // Immediate: a server and the links command opening an old database at once must not both add the column.
  db.transaction(() => {
    const columns = db.prepare<[], { name: string }>('PRAGMA table_info(share_links)').all();
    if (!columns.some((column) => column.name === 'code')) db.exec('ALTER TABLE share_links ADD COLUMN code TEXT');
    db.exec('CREATE UNIQUE INDEX IF NOT EXISTS share_links_code ON share_links (code)');
    const missing = db.prepare<[], { id: string }>('SELECT id FROM share_links WHERE code IS NULL').all();
    const taken = db.prepare<[string], { id: string }>('SELECT id FROM share_links WHERE code = ?');
    const setCode = db.prepare<[string, string]>('UPDATE share_links SET code = ? WHERE id = ?');
    for (const { id } of missing) {
      let code = generateJoinCode();
      while (taken.get(code)) code = generateJoinCode();
      setCode.run(code, id);
    }
  }).immediate();
}

/** A row with an access level this version does not know, or no code yet, is treated as no link at all. */
function toLink(row: LinkRow): ShareLink | null {
  if (!ACCESS_LEVELS.includes(row.access as Access) || row.code === null) return null;
  return {
    id: row.id,
    boardId: row.board_id,
    access: row.access as Access,
    label: row.label,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    code: row.code,
  };
}
