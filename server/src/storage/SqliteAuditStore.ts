import type Database from 'better-sqlite3';
import {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditEntry,
  type AuditEntryToAppend,
  type AuditRow,
  type AuditStore,
  auditEntryFromRow,
} from './AuditStore.ts';
import { type SqliteDatabase, StoreConnection } from './SqliteDatabase.ts';

// Its own table, created if missing (like board_versions); the triggers make it append-only
// for every writer of the file, not only this class.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  board_id TEXT NOT NULL,
  action TEXT NOT NULL,
  actor TEXT NOT NULL,
  link_id TEXT,
  access TEXT,
  details TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_log_by_board ON audit_log (board_id, id);
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'costudio: the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'costudio: the audit log is append-only'); END;
`;

/** AuditStore in an `audit_log` table of the board database. */
export class SqliteAuditStore implements AuditStore {
  private readonly connection: StoreConnection;
  private readonly insert: Database.Statement<[number, string, string, string, string | null, string | null, string]>;
  private readonly selectBoard: Database.Statement<[string, number], AuditRow>;
  private readonly selectSince: Database.Statement<[number], AuditRow>;

  /** On a file path the store opens (and closes) a connection of its own; see StoreConnection. */
  constructor(source: string | SqliteDatabase) {
    this.connection = new StoreConnection(source, (db) => {
      db.exec(SCHEMA);
    });
    const db = this.connection.db;
    this.insert = db.prepare(
      'INSERT INTO audit_log (at, board_id, action, actor, link_id, access, details) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.selectBoard = db.prepare(
      'SELECT * FROM (SELECT * FROM audit_log WHERE board_id = ? ORDER BY id DESC LIMIT ?) ORDER BY id',
    );
    this.selectSince = db.prepare('SELECT * FROM audit_log WHERE at >= ? ORDER BY id');
  }

  async append(entry: AuditEntryToAppend): Promise<AuditEntry> {
    const at = entry.at ?? Date.now();
    const details = JSON.stringify(entry.details);
    const result = this.insert.run(at, entry.boardId, entry.action, entry.actor, entry.linkId, entry.access, details);
    return { ...entry, id: Number(result.lastInsertRowid), at };
  }

  async listForBoard(boardId: string, limit = 1_000): Promise<AuditEntry[]> {
    return this.selectBoard.all(boardId, limit).map(auditEntryFromRow);
  }

  async listAll(since = 0): Promise<AuditEntry[]> {
    return this.selectSince.all(since).map(auditEntryFromRow);
  }

  async close(): Promise<void> {
    await this.connection.release();
  }
}

/** Whether a string is an action this version knows. */
export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
