import type pg from 'pg';
import {
  BoardExistsError,
  type BoardStore,
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
      await lockBoards(
        client,
        batch.map((entry) => entry.boardId),
      );
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

  async createBoard(boardId: string, snapshot: Snapshot): Promise<void> {
    await this.database.transaction(async (client) => {
      await lockBoards(client, [boardId]);
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

  async close(): Promise<void> {
    if (this.ownsDatabase) await this.database.close();
  }
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
