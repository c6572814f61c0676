/** The SQL of SqliteBoardStore's board-log statements, on its path of every edit. */

/**
 * Appends one log row and returns its `seq`. A board's rows are numbered on their own: one past
 * the highest number the board has used, whether the row is still in the log, folded into its
 * snapshot (`through_seq`) or quarantined, so no number is ever reused (a snapshot's
 * `through_seq` would otherwise swallow a newer update). SQLite runs one writer at a time, so
 * the number read is the latest. Numbering per board is what keeps a commit to one page: the
 * table is keyed `(board_id, seq)`, with no rowid index and no AUTOINCREMENT counter to write.
 * Binds the board id four times, then the update.
 */
export const INSERT_UPDATE = `INSERT INTO updates (board_id, seq, data) VALUES (?, 1 + max(
         coalesce((SELECT max(seq) FROM updates WHERE board_id = ?), 0),
         coalesce((SELECT through_seq FROM snapshots WHERE board_id = ?), 0),
         coalesce((SELECT max(seq) FROM quarantined_updates WHERE board_id = ?), 0)), ?)
       RETURNING seq`;

export const SELECT_DELETED = 'SELECT EXISTS (SELECT 1 FROM deleted_boards WHERE board_id = ?) AS found';

/** A snapshot never replaces one that covers more (see BoardStore.compact). */
export const UPSERT_SNAPSHOT = `INSERT INTO snapshots (board_id, data, through_seq, updated_at, encoding, schema_version) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (board_id) DO UPDATE SET data = excluded.data, through_seq = excluded.through_seq,
         updated_at = excluded.updated_at, encoding = excluded.encoding, schema_version = excluded.schema_version
       WHERE excluded.through_seq >= snapshots.through_seq`;

export const DELETE_LOG_THROUGH = 'DELETE FROM updates WHERE board_id = ? AND seq <= ?';
