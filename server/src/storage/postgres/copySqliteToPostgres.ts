import type Database from 'better-sqlite3';
import type pg from 'pg';
import { SqliteAuditStore } from '../SqliteAuditStore.ts';
import { SqliteBoardStore } from '../SqliteBoardStore.ts';
import { SqliteDatabase } from '../SqliteDatabase.ts';
import { SqliteHistoryStore } from '../SqliteHistoryStore.ts';
import { SqliteLinkStore } from '../SqliteLinkStore.ts';
import { SqlitePrivateRoomStore } from '../SqlitePrivateRoomStore.ts';
import { PostgresDatabase } from './PostgresDatabase.ts';

/** How many rows of each table were copied. */
export interface CopyCounts {
  readonly snapshots: number;
  readonly updates: number;
  readonly quarantinedUpdates: number;
  readonly versions: number;
  readonly links: number;
  readonly privateRooms: number;
  /** Tombstones of deleted boards, so none comes back under its id. */
  readonly deletedBoards: number;
  readonly boardsOpened: number;
  readonly retentions: number;
  readonly auditEntries: number;
}

/**
 * SQLite numbers each board's log rows on its own; PostgreSQL numbers them from one sequence
 * (its key). So the copy renumbers them 1, 2, … board after board, each board's rows (log and
 * quarantined alike) in their order, and moves each snapshot's `through_seq` to the new number
 * of the last row it covers (below the board's first row when it covers none of those left).
 */
const RENUMBER = `
CREATE TEMP TABLE copied_seqs AS
  SELECT board_id, seq, quarantined, row_number() OVER (ORDER BY board_id, seq, quarantined) AS n
  FROM (SELECT board_id, seq, 0 AS quarantined FROM updates
        UNION ALL SELECT board_id, seq, 1 FROM quarantined_updates);
CREATE INDEX temp.copied_seqs_by_row ON copied_seqs (board_id, seq, quarantined);`;

const RENUMBERED_SNAPSHOTS = `(SELECT s.board_id, s.data, coalesce(
    (SELECT max(c.n) FROM copied_seqs c WHERE c.board_id = s.board_id AND c.seq <= s.through_seq),
    (SELECT min(c.n) - 1 FROM copied_seqs c WHERE c.board_id = s.board_id),
    0) AS through_seq, s.updated_at, s.encoding, s.schema_version FROM snapshots s)`;

const renumbered = (table: string, quarantined: 0 | 1, columns: string) =>
  `(SELECT c.n AS seq, ${columns} FROM ${table} r JOIN copied_seqs c
     ON c.board_id = r.board_id AND c.seq = r.seq AND c.quarantined = ${quarantined})`;

/**
 * Each table, with its columns in the same order on both sides and their PostgreSQL types;
 * `from`: what to read instead of the table itself.
 */
const TABLES: readonly { name: string; count: string; columns: readonly string[]; types: readonly string[]; from?: string }[] = [
  {
    name: 'snapshots',
    count: 'snapshots',
    columns: ['board_id', 'data', 'through_seq', 'updated_at', 'encoding', 'schema_version'],
    types: ['text', 'bytea', 'bigint', 'bigint', 'smallint', 'integer'],
    from: RENUMBERED_SNAPSHOTS,
  },
  {
    name: 'updates',
    count: 'updates',
    columns: ['seq', 'board_id', 'data'],
    types: ['bigint', 'text', 'bytea'],
    from: renumbered('updates', 0, 'r.board_id, r.data'),
  },
  {
    name: 'quarantined_updates',
    count: 'quarantinedUpdates',
    columns: ['seq', 'board_id', 'data', 'reason', 'quarantined_at'],
    types: ['bigint', 'text', 'bytea', 'text', 'bigint'],
    from: renumbered('quarantined_updates', 1, 'r.board_id, r.data, r.reason, r.quarantined_at'),
  },
  {
    name: 'board_versions',
    count: 'versions',
    columns: ['id', 'board_id', 'created_at', 'kind', 'name', 'note_count', 'data', 'encoding'],
    types: ['bigint', 'text', 'bigint', 'text', 'text', 'integer', 'bytea', 'smallint'],
  },
  {
    name: 'share_links',
    count: 'links',
    columns: ['id', 'board_id', 'access', 'label', 'created_at', 'expires_at', 'revoked_at', 'code'],
    types: ['text', 'text', 'text', 'text', 'bigint', 'bigint', 'bigint', 'text'],
  },
  {
    name: 'private_rooms',
    count: 'privateRooms',
    columns: ['room_id', 'board_id', 'created_at', 'link_id'],
    types: ['text', 'text', 'bigint', 'text'],
  },
  { name: 'deleted_boards', count: 'deletedBoards', columns: ['board_id', 'deleted_at'], types: ['text', 'bigint'] },
  { name: 'board_opened', count: 'boardsOpened', columns: ['board_id', 'opened_at'], types: ['text', 'bigint'] },
  // SQLite's 0/1 reads as PostgreSQL's boolean.
  { name: 'board_retention', count: 'retentions', columns: ['board_id', 'keep', 'days'], types: ['text', 'boolean', 'integer'] },
  {
    name: 'audit_log',
    count: 'auditEntries',
    columns: ['id', 'at', 'board_id', 'action', 'actor', 'link_id', 'access', 'details'],
    types: ['bigint', 'bigint', 'text', 'text', 'text', 'text', 'text', 'text'],
  },
];

const CHUNK_ROWS = 500;

/**
 * Moves a deployment from SQLite to PostgreSQL: copies every row of the SQLite database `file`
 * (upgraded in place to the current layout first) into the PostgreSQL database at `url`, keeping
 * each board's log rows in their order (renumbered, see RENUMBER), version ids, join codes,
 * tombstones of deleted boards, retention settings and the audit log with its ids, in one
 * PostgreSQL transaction read from one SQLite snapshot. Refuses a target that already holds any
 * Costudio data, so nothing is mixed or overwritten. Afterwards new sequence numbers start above
 * every copied one, and each snapshot's `through_seq` is below its board's first row left, so no
 * snapshot can cover a new update.
 */
export async function copySqliteToPostgres(file: string, url: string): Promise<CopyCounts> {
  const sqlite = openSqlite(file);
  try {
    const target = await PostgresDatabase.open(url, { poolSize: 1 });
    try {
      return await target.transaction(async (client) => {
        await refuseNonEmpty(client);
        sqlite.db.exec('BEGIN'); // one read snapshot, even beside a server still writing
        try {
          sqlite.db.exec(RENUMBER);
          const counts: Record<string, number> = {};
          for (const table of TABLES) counts[table.count] = await copyTable(sqlite.db, client, table);
          await continueNumbering(sqlite.db, client);
          return counts as unknown as CopyCounts;
        } finally {
          sqlite.db.exec('COMMIT');
        }
      });
    } finally {
      await target.close();
    }
  } finally {
    await sqlite.close();
  }
}

/** Opens the file and brings its tables up to the current layout, as the server would. */
function openSqlite(file: string): SqliteDatabase {
  const database = new SqliteDatabase(file, { backgroundCheckpoints: false });
  try {
    // Each store creates or upgrades its tables; on a shared database, closing it is a no-op.
    new SqliteBoardStore(database);
    new SqliteHistoryStore(database);
    new SqliteLinkStore(database);
    new SqlitePrivateRoomStore(database);
    new SqliteAuditStore(database);
    return database;
  } catch (error) {
    void database.close();
    throw error;
  }
}

async function refuseNonEmpty(client: pg.PoolClient): Promise<void> {
  const probes = TABLES.map((table) => `EXISTS (SELECT 1 FROM ${table.name})`).join(' OR ');
  const { rows } = await client.query<{ found: boolean }>(`SELECT ${probes} AS found`);
  if (rows[0]?.found) throw new Error('The PostgreSQL database already holds Costudio data; copy only into an empty one');
}

async function copyTable(db: Database.Database, client: pg.PoolClient, table: (typeof TABLES)[number]): Promise<number> {
  // A column that SQLite file lacks (added by a later layout) is left to its default.
  const present = new Set((db.prepare(`PRAGMA table_info(${table.name})`).all() as { name: string }[]).map((c) => c.name));
  const kept = table.columns.flatMap((column, i) => (present.has(column) ? [{ column, type: table.types[i] }] : []));
  const columns = kept.map((entry) => entry.column).join(', ');
  const unnest = kept.map((entry, i) => `$${i + 1}::${entry.type}[]`).join(', ');
  // Identity columns take the stored numbers as they are.
  const sql = `INSERT INTO ${table.name} (${columns}) OVERRIDING SYSTEM VALUE SELECT * FROM unnest(${unnest})`;
  let copied = 0;
  let chunk: unknown[][] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    const values = kept.map((_, i) => chunk.map((row) => row[i] ?? null));
    await client.query(sql, values);
    copied += chunk.length;
    chunk = [];
  };
  const rows = db
    .prepare(`SELECT ${columns} FROM ${table.from ?? table.name}`)
    .raw()
    .iterate() as IterableIterator<unknown[]>;
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length >= CHUNK_ROWS) await flush();
  }
  await flush();
  return copied;
}

/**
 * Sets the identity sequences past every number copied: log rows' (renumbered, so every
 * `through_seq` is at most the highest), version ids and audit ids, deleted ones included.
 */
async function continueNumbering(db: Database.Database, client: pg.PoolClient): Promise<void> {
  const used = (name: string) =>
    (db.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').get(name) as { seq: number } | undefined)?.seq ?? 0;
  const seq = (db.prepare('SELECT max(n) AS n FROM copied_seqs').get() as { n: number | null }).n ?? 0;
  const versionId = Math.max(
    used('board_versions'),
    (db.prepare('SELECT max(id) AS n FROM board_versions').get() as { n: number | null }).n ?? 0,
  );
  if (seq > 0) await client.query(`SELECT setval(pg_get_serial_sequence('updates', 'seq'), $1)`, [seq]);
  if (versionId > 0) await client.query(`SELECT setval(pg_get_serial_sequence('board_versions', 'id'), $1)`, [versionId]);
  const auditId = Math.max(
    used('audit_log'),
    (db.prepare('SELECT max(id) AS n FROM audit_log').get() as { n: number | null }).n ?? 0,
  );
  if (auditId > 0) await client.query(`SELECT setval(pg_get_serial_sequence('audit_log', 'id'), $1)`, [auditId]);
}
