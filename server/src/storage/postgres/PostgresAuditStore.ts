import { type AuditEntry, type AuditEntryToAppend, type AuditRow, type AuditStore, auditEntryFromRow } from '../AuditStore.ts';
import { PostgresDatabase, type PostgresDatabaseOptions } from './PostgresDatabase.ts';

const COLUMNS = 'id, at, board_id, action, actor, link_id, access, details';

/**
 * AuditStore in the `audit_log` table (postgresMigrations.ts step 3), beside the boards: its
 * triggers refuse UPDATE, DELETE and TRUNCATE from any role, as SQLite's refuse them from any
 * writer of the file. Ids come from an identity column, so they ascend in the order entries were
 * appended on one instance; entries appended by several instances at once are ordered by id.
 */
export class PostgresAuditStore implements AuditStore {
  /** Connects to `url` on a pool of its own, which `close` ends. */
  static async open(url: string, options: PostgresDatabaseOptions = {}): Promise<PostgresAuditStore> {
    return new PostgresAuditStore(await PostgresDatabase.open(url, options), true);
  }

  /** On a shared database (a PostgresStorage's), whoever opened it closes it. */
  constructor(
    private readonly database: PostgresDatabase,
    private readonly ownsDatabase = false,
  ) {}

  async append(entry: AuditEntryToAppend): Promise<AuditEntry> {
    const at = entry.at ?? Date.now();
    const { rows } = await this.database.pool.query<{ id: number }>(
      `INSERT INTO audit_log (at, board_id, action, actor, link_id, access, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [at, entry.boardId, entry.action, entry.actor, entry.linkId, entry.access, JSON.stringify(entry.details)],
    );
    return { ...entry, id: (rows[0] as { id: number }).id, at };
  }

  async listForBoard(boardId: string, limit = 1_000): Promise<AuditEntry[]> {
    const { rows } = await this.database.pool.query<AuditRow>(
      `SELECT ${COLUMNS} FROM (
         SELECT ${COLUMNS} FROM audit_log WHERE board_id = $1 ORDER BY id DESC LIMIT $2
       ) AS newest ORDER BY id`,
      [boardId, Math.max(0, Math.floor(limit))],
    );
    return rows.map(auditEntryFromRow);
  }

  async listAll(since = 0): Promise<AuditEntry[]> {
    const { rows } = await this.database.pool.query<AuditRow>(`SELECT ${COLUMNS} FROM audit_log WHERE at >= $1 ORDER BY id`, [
      since,
    ]);
    return rows.map(auditEntryFromRow);
  }

  async close(): Promise<void> {
    if (this.ownsDatabase) await this.database.close();
  }
}
