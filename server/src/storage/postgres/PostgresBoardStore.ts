import type pg from 'pg';
import {
  BoardDeletedError,
  BoardExistsError,
  type BoardStore,
  type RetentionPolicy,
  type Snapshot,
  type StoredBoard,
  type StoredUpdate,
  type UpdateToStore,
} from '../BoardStore.ts';
import { lockBoards } from './advisoryLocks.ts';
import { PostgresDatabase, type PostgresDatabaseOptions } from './PostgresDatabase.ts';

interface SnapshotRow {
  data: Buffer;
  through_seq: number;
  encoding: number;
  schema_version: number | null;
}

// Reads of a snapshot and the rows after it must see one moment: in between, a compaction on
// another instance could move rows into a snapshot the first read did not see.
const CONSISTENT_READ = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY';

/**
 * BoardStore on PostgreSQL: snapshots, the update log and quarantined rows in the tables of
 * postgresMigrations.ts. Every write is one transaction, committed with `synchronous_commit`
 * on before its promise resolves; one board's writes are serialised by its advisory lock
 * (advisoryLocks.ts), so several instances can append to and compact the same board.
 */
export class PostgresBoardStore implements BoardStore {
  /** Connects to `url` on a pool of its own, which `close` ends. */
  static async open(url: string, options: PostgresDatabaseOptions = {}): Promise<PostgresBoardStore> {
    return new PostgresBoardStore(await PostgresDatabase.open(url, options), true);
  }

  /** On a shared database (a PostgresStorage's), whoever opened it closes it. */
  constructor(
    private readonly database: PostgresDatabase,
    private readonly ownsDatabase = false,
  ) {}

  async loadBoard(boardId: string): Promise<StoredBoard> {
    return this.database.transaction(async (client) => {
      const snapshotRow = await selectSnapshot(client, boardId);
      const snapshotSeq = snapshotRow?.through_seq ?? 0;
      const log = await selectLog(client, boardId, snapshotSeq);
      return { snapshot: snapshotRow ? snapshotFromRow(snapshotRow) : null, snapshotSeq, log };
    }, CONSISTENT_READ);
  }

  async readUpdatesSince(boardId: string, afterSeq: number): Promise<StoredUpdate[] | null> {
    return this.database.transaction(async (client) => {
      const { rows } = await client.query<{ through_seq: number }>('SELECT through_seq FROM snapshots WHERE board_id = $1', [
        boardId,
      ]);
      if ((rows[0]?.through_seq ?? 0) > afterSeq) return null;
      return selectLog(client, boardId, afterSeq);
    }, CONSISTENT_READ);
  }

  async appendUpdates(batch: readonly UpdateToStore[]): Promise<number[]> {
    if (batch.length === 0) return [];
    return this.database.transaction(async (client) => {
      const boardIds = batch.map((entry) => entry.boardId);
      await lockBoards(client, boardIds);
      // Under the boards' locks, which deleteBoard takes too: a deleted board gets no new row.
      const deleted = await firstDeleted(client, boardIds);
      if (deleted !== null) throw new BoardDeletedError(deleted);
      // Identity values are drawn in the order the rows are inserted, which ORDER BY fixes.
      const { rows } = await client.query<{ seq: number }>(
        `INSERT INTO updates (board_id, data)
         SELECT board_id, data FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS batch (board_id, data, position)
         ORDER BY position
         RETURNING seq`,
        [batch.map((entry) => entry.boardId), batch.map((entry) => entry.update)],
      );
      // RETURNING promises no order; the numbers ascend in batch order.
      return rows.map((row) => row.seq).sort((a, b) => a - b);
    });
  }

  /** Each commit already waited for its WAL flush (`synchronous_commit = on`). */
  durable(): Promise<void> {
    return Promise.resolve();
  }

  async createBoard(boardId: string, snapshot: Snapshot): Promise<void> {
    await this.database.transaction(async (client) => {
      await lockBoards(client, [boardId]);
      if ((await firstDeleted(client, [boardId])) !== null) throw new BoardDeletedError(boardId);
      if (await boardExists(client, boardId)) throw new BoardExistsError(boardId);
      await client.query(
        `INSERT INTO snapshots (board_id, data, through_seq, updated_at, encoding, schema_version)
         VALUES ($1, $2, 0, $3, $4, $5)`,
        [boardId, snapshot.data, Date.now(), encodingNumber(snapshot), snapshot.schemaVersion ?? null],
      );
    });
  }

  async compact(boardId: string, snapshot: Snapshot, throughSeq: number): Promise<void> {
    await this.database.transaction(async (client) => {
      await lockBoards(client, [boardId]);
      // A room still open when its board was deleted (here or on another instance) must not write it back.
      if ((await firstDeleted(client, [boardId])) !== null) return;
      await client.query(
        `INSERT INTO snapshots (board_id, data, through_seq, updated_at, encoding, schema_version)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (board_id) DO UPDATE SET data = excluded.data, through_seq = excluded.through_seq,
           updated_at = excluded.updated_at, encoding = excluded.encoding, schema_version = excluded.schema_version
         WHERE excluded.through_seq >= snapshots.through_seq`,
        [boardId, snapshot.data, throughSeq, Date.now(), encodingNumber(snapshot), snapshot.schemaVersion ?? null],
      );
      await client.query('DELETE FROM updates WHERE board_id = $1 AND seq <= $2', [boardId, throughSeq]);
    });
  }

  async quarantine(boardId: string, seq: number, reason: string): Promise<void> {
    // One statement: the row leaves the log and enters quarantine atomically.
    await this.database.pool.query(
      `WITH moved AS (DELETE FROM updates WHERE seq = $1 AND board_id = $2 RETURNING seq, board_id, data)
       INSERT INTO quarantined_updates (seq, board_id, data, reason, quarantined_at)
       SELECT seq, board_id, data, $3, $4 FROM moved
       ON CONFLICT (seq) DO UPDATE SET reason = excluded.reason, quarantined_at = excluded.quarantined_at`,
      [seq, boardId, reason, Date.now()],
    );
  }

  /** Deletes the board's quarantined rows (they may hold erased text); how many there were. */
  async dropQuarantined(boardId: string): Promise<number> {
    const { rowCount } = await this.database.pool.query('DELETE FROM quarantined_updates WHERE board_id = $1', [boardId]);
    return rowCount ?? 0;
  }

  async hasBoard(boardId: string): Promise<boolean> {
    return boardExists(this.database.pool, boardId);
  }

  /**
   * Tombstone first, then every row of the board, in one transaction under the board's lock, so
   * an append or compaction on any instance either finished before or sees the tombstone.
   */
  async deleteBoard(boardId: string): Promise<void> {
    await this.database.transaction(async (client) => {
      await lockBoards(client, [boardId]);
      await client.query('INSERT INTO deleted_boards (board_id, deleted_at) VALUES ($1, $2) ON CONFLICT (board_id) DO NOTHING', [
        boardId,
        Date.now(),
      ]);
      for (const table of ['board_opened', 'board_retention', 'snapshots', 'updates', 'quarantined_updates']) {
        await client.query(`DELETE FROM ${table} WHERE board_id = $1`, [boardId]);
      }
    });
  }

  async isDeleted(boardId: string): Promise<boolean> {
    return (await firstDeleted(this.database.pool, [boardId])) !== null;
  }

  async recordOpened(boardId: string, at: number): Promise<void> {
    await this.database.pool.query(
      `INSERT INTO board_opened (board_id, opened_at) VALUES ($1, $2)
       ON CONFLICT (board_id) DO UPDATE SET opened_at = greatest(board_opened.opened_at, excluded.opened_at)`,
      [boardId, at],
    );
  }

  async dueForDeletion(now: number, defaultDays: number | null): Promise<string[]> {
    // Retention in days: the board's own, else the default (NULL: kept); `keep` boards never.
    // Ordered by code point, as SQLite orders text, whatever the database's collation.
    const { rows } = await this.database.pool.query<{ board_id: string }>(
      `SELECT board_id FROM (
         SELECT s.board_id, greatest(s.updated_at, coalesce(o.opened_at, 0)) AS active,
                CASE WHEN r.board_id IS NULL THEN $1::integer WHEN r.keep THEN NULL ELSE r.days END AS days
         FROM snapshots s
         LEFT JOIN board_opened o ON o.board_id = s.board_id
         LEFT JOIN board_retention r ON r.board_id = s.board_id) AS boards
       WHERE days IS NOT NULL AND active + days::bigint * 86400000 < $2
       ORDER BY board_id COLLATE "C"`,
      [defaultDays, now],
    );
    return rows.map((row) => row.board_id);
  }

  async setRetention(boardId: string, policy: RetentionPolicy | null): Promise<void> {
    if (policy === null) {
      await this.database.pool.query('DELETE FROM board_retention WHERE board_id = $1', [boardId]);
      return;
    }
    const [keep, days] = 'keep' in policy ? [true, null] : [false, policy.days];
    await this.database.pool.query(
      `INSERT INTO board_retention (board_id, keep, days) VALUES ($1, $2, $3)
       ON CONFLICT (board_id) DO UPDATE SET keep = excluded.keep, days = excluded.days`,
      [boardId, keep, days],
    );
  }

  async retentionOf(boardId: string): Promise<{ policy: RetentionPolicy | null; lastActiveAt: number | null }> {
    const { rows } = await this.database.pool.query<{ keep: boolean | null; days: number | null; last_active: number | null }>(
      `SELECT r.keep, r.days,
              (SELECT greatest(s.updated_at, coalesce(o.opened_at, 0)) FROM snapshots s
               LEFT JOIN board_opened o ON o.board_id = s.board_id WHERE s.board_id = $1) AS last_active
       FROM (SELECT 1) AS one LEFT JOIN board_retention r ON r.board_id = $1`,
      [boardId],
    );
    const row = rows[0];
    const policy: RetentionPolicy | null =
      row?.keep === true ? { keep: true } : row?.keep === false && row.days !== null ? { days: row.days } : null;
    return { policy, lastActiveAt: row?.last_active ?? null };
  }

  async close(): Promise<void> {
    if (this.ownsDatabase) await this.database.close();
  }
}

/** The first of `boardIds` that has a tombstone, or null. */
async function firstDeleted(queryable: pg.ClientBase | pg.Pool, boardIds: readonly string[]): Promise<string | null> {
  const { rows } = await queryable.query<{ board_id: string }>(
    'SELECT board_id FROM deleted_boards WHERE board_id = ANY($1::text[]) LIMIT 1',
    [[...new Set(boardIds)]],
  );
  return rows[0]?.board_id ?? null;
}

async function selectSnapshot(client: pg.ClientBase, boardId: string): Promise<SnapshotRow | undefined> {
  const { rows } = await client.query<SnapshotRow>(
    'SELECT data, through_seq, encoding, schema_version FROM snapshots WHERE board_id = $1',
    [boardId],
  );
  return rows[0];
}

async function selectLog(client: pg.ClientBase, boardId: string, afterSeq: number): Promise<StoredUpdate[]> {
  const { rows } = await client.query<{ seq: number; data: Buffer }>(
    'SELECT seq, data FROM updates WHERE board_id = $1 AND seq > $2 ORDER BY seq',
    [boardId, afterSeq],
  );
  return rows.map((row) => ({ seq: row.seq, update: row.data }));
}

async function boardExists(queryable: pg.ClientBase | pg.Pool, boardId: string): Promise<boolean> {
  const { rows } = await queryable.query<{ found: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM snapshots WHERE board_id = $1)
         OR EXISTS (SELECT 1 FROM updates WHERE board_id = $1) AS found`,
    [boardId],
  );
  return rows[0]?.found === true;
}

function encodingNumber(snapshot: Snapshot): number {
  return snapshot.encoding === 'v2' ? 2 : 1;
}

function snapshotFromRow(row: SnapshotRow): Snapshot {
  const encoding = row.encoding === 2 ? 'v2' : 'v1';
  return row.schema_version === null
    ? { data: row.data, encoding }
    : { data: row.data, encoding, schemaVersion: row.schema_version };
}
