/**
 * The board-table statements run on both the relay's connection (SqliteBoardStore) and the writer
 * thread's (SqliteWriter), written once so the two never drift apart.
 */
export const INSERT_UPDATE = 'INSERT INTO updates (board_id, data) VALUES (?, ?)';

export const SELECT_DELETED = 'SELECT EXISTS (SELECT 1 FROM deleted_boards WHERE board_id = ?) AS found';

/** A snapshot never replaces one that covers more (see BoardStore.compact). */
export const UPSERT_SNAPSHOT = `INSERT INTO snapshots (board_id, data, through_seq, updated_at, encoding, schema_version) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (board_id) DO UPDATE SET data = excluded.data, through_seq = excluded.through_seq,
         updated_at = excluded.updated_at, encoding = excluded.encoding, schema_version = excluded.schema_version
       WHERE excluded.through_seq >= snapshots.through_seq`;

export const DELETE_LOG_THROUGH = 'DELETE FROM updates WHERE board_id = ? AND seq <= ?';
