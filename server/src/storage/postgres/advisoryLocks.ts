import type pg from 'pg';

// Transaction-scoped advisory locks, keyed (namespace, key): Costudio's namespaces are chosen
// to stay clear of other applications sharing the database. They are released at commit or
// rollback, and with the connection if it dies, so a crashed instance never holds one.
const MIGRATION_NAMESPACE = 0x0c05_7d10;
const BOARD_NAMESPACE = 0x0c05_7d11;

/** Serialises schema migrations between instances starting at once. */
export async function lockMigrations(client: pg.ClientBase): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1, 0)', [MIGRATION_NAMESPACE]);
}

/**
 * Holds, until the transaction ends, each board's lock, taken in one fixed order (by key) so two
 * batches for overlapping boards never deadlock. Appends take it before drawing sequence
 * numbers, so one board's rows commit in sequence order on every instance: a reader that has
 * seen a row has seen every earlier row of that board, and compaction never deletes a row that
 * was numbered before it but committed after it. Two board ids may share a key (a 32-bit hash);
 * that only makes them wait for each other.
 */
export async function lockBoards(client: pg.ClientBase, boardIds: readonly string[]): Promise<void> {
  await client.query(
    `SELECT pg_advisory_xact_lock($1, keys.key)
       FROM (SELECT DISTINCT hashtext(board_id) AS key FROM unnest($2::text[]) AS board_id ORDER BY key) AS keys`,
    [BOARD_NAMESPACE, [...new Set(boardIds)]],
  );
}
