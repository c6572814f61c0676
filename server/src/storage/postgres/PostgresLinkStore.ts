import { ACCESS_LEVELS, type Access } from '@costudio/shared';
import type { LinkStore, ShareLink } from '../LinkStore.ts';
import { PostgresDatabase, type PostgresDatabaseOptions } from './PostgresDatabase.ts';

interface LinkRow {
  id: string;
  board_id: string;
  access: string;
  label: string;
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
  code: string;
}

/** LinkStore in the `share_links` table; join codes are unique by constraint. */
export class PostgresLinkStore implements LinkStore {
  /** Connects to `url` on a pool of its own, which `close` ends. */
  static async open(url: string, options: PostgresDatabaseOptions = {}): Promise<PostgresLinkStore> {
    return new PostgresLinkStore(await PostgresDatabase.open(url, options), true);
  }

  /** On a shared database (a PostgresStorage's), whoever opened it closes it. */
  constructor(
    private readonly database: PostgresDatabase,
    private readonly ownsDatabase = false,
  ) {}

  async create(link: ShareLink): Promise<void> {
    await this.database.pool.query(
      `INSERT INTO share_links (id, board_id, access, label, created_at, expires_at, code)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [link.id, link.boardId, link.access, link.label, link.createdAt, link.expiresAt, link.code],
    );
  }

  async get(linkId: string): Promise<ShareLink | null> {
    return this.one('SELECT * FROM share_links WHERE id = $1', [linkId]);
  }

  async getByCode(code: string): Promise<ShareLink | null> {
    return this.one('SELECT * FROM share_links WHERE code = $1', [code]);
  }

  async listForBoard(boardId: string): Promise<ShareLink[]> {
    // COLLATE "C": the same tie-break order as SQLite's, whatever the database's locale.
    const { rows } = await this.database.pool.query<LinkRow>(
      'SELECT * FROM share_links WHERE board_id = $1 ORDER BY created_at, id COLLATE "C"',
      [boardId],
    );
    return rows.flatMap((row) => toLink(row) ?? []);
  }

  async revoke(linkId: string, at: number): Promise<ShareLink | null> {
    return this.one('UPDATE share_links SET revoked_at = coalesce(revoked_at, $1) WHERE id = $2 RETURNING *', [at, linkId]);
  }

  /** Deletes every link of the board, and so its join codes (the board is being deleted). */
  async deleteForBoard(boardId: string): Promise<void> {
    await this.database.pool.query('DELETE FROM share_links WHERE board_id = $1', [boardId]);
  }

  async close(): Promise<void> {
    if (this.ownsDatabase) await this.database.close();
  }

  private async one(sql: string, values: unknown[]): Promise<ShareLink | null> {
    const { rows } = await this.database.pool.query<LinkRow>(sql, values);
    return rows[0] ? toLink(rows[0]) : null;
  }
}

/** A row with an access level this version does not know is treated as no link at all. */
function toLink(row: LinkRow): ShareLink | null {
  if (!ACCESS_LEVELS.includes(row.access as Access)) return null;
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
