#!/usr/bin/env -S npx tsx
/**
 * Costudio admin command line: export and import boards straight from the SQLite database,
 * beside a running server or with it stopped (docs/operations.md, "Board backups"), and move
 * the whole database to PostgreSQL (docs/operations.md, "PostgreSQL").
 *
 *   pnpm --filter @costudio/server admin list
 *   pnpm --filter @costudio/server admin export <boardId> [file]
 *   pnpm --filter @costudio/server admin import <file>
 *   DATABASE_URL=postgres://… pnpm --filter @costudio/server admin to-postgres
 *   pnpm --filter @costudio/server admin delete-board <boardId> --confirm <boardId>
 *   pnpm --filter @costudio/server admin audit-export [--format jsonl|csv] [--board <id>] [--since <date>]
 *
 * DATA_DIR selects the database as for the server. Exit codes: 0 done, 1 failed, 2 bad usage.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isValidBoardId } from '@costudio/shared';
import Database from 'better-sqlite3';
import { exportBoardFile } from '../boardFile/boardFile.ts';
import { BoardFileError, importBoardFile } from '../boardFile/importBoardFile.ts';
import { DEFAULTS } from '../config.ts';
import { BoardDeletion, NO_ROOMS } from '../dataProtection/BoardDeletion.ts';
import { createLogger } from '../log.ts';
import type { AuditAction, AuditEntry } from '../storage/AuditStore.ts';
import { copySqliteToPostgres } from '../storage/postgres/copySqliteToPostgres.ts';
import { PostgresStorage } from '../storage/postgres/PostgresStorage.ts';
import { SqliteAuditStore } from '../storage/SqliteAuditStore.ts';
import { SqliteBoardStore } from '../storage/SqliteBoardStore.ts';
import type { SqliteDatabaseOptions } from '../storage/SqliteDatabase.ts';
import { DATABASE_FILE } from '../storage/SqliteDatabase.ts';
import { SqliteStorage } from '../storage/SqliteStorage.ts';
import type { Storage } from '../storage/Storage.ts';
import { readStoredBoard, storeAsNewBoard } from './storedBoards.ts';

const USAGE = `Costudio admin: export and import boards.

Usage:
  admin list                      board ids in the database, one per line
  admin export <boardId> [file]   write the board as JSON to file (or stdout)
  admin import <file>             store the JSON export as a new board; prints its id
  admin to-postgres               copy the whole SQLite database into the empty PostgreSQL
                                  database at DATABASE_URL (boards, versions, links, private rooms,
                                  tombstones, retention, the audit log)
  admin delete-board <boardId> --confirm <boardId>
                                  delete the board for good: content, versions, links,
                                  private rooms; no byte of it is left in the data directory
                                  (with DATABASE_URL: deleted from PostgreSQL and vacuumed; see
                                  docs/privacy.md for what PostgreSQL still holds).
                                  Stop the server first, or use the facilitator's API, which
                                  also closes the board's open sockets. Safe to run again.
  admin audit-export [--format jsonl|csv] [--board <boardId>] [--since <date>]
                                  the audit log (who did what, never content) on stdout,
                                  as JSON lines (default) or CSV, oldest first

Environment: DATA_DIR (default ./data), the server's data directory; DATABASE_URL for to-postgres,
and, when set, delete-board and audit-export act on that PostgreSQL database instead of DATA_DIR.
`;

class UsageError extends Error {}

async function main(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  const dataDir = resolve(process.env.DATA_DIR?.trim() || DEFAULTS.dataDir);
  if (command === 'list') return listBoards(dataDir);
  if (command === 'to-postgres') return toPostgres(dataDir);
  if (command === 'delete-board') return deleteBoardCommand(dataDir, rest);
  if (command === 'audit-export') return auditExportCommand(dataDir, rest);
  if (command !== 'export' && command !== 'import') throw new UsageError(`Unknown command: ${command}`);
  const store = SqliteBoardStore.open(dataDir, { checkpointIntervalMs: 60_000 });
  try {
    const code = command === 'export' ? await exportCommand(store, rest) : await importCommand(store, rest);
    // Set before closing: in a process this short, the store's checkpoint thread may let the
    // event loop empty before close() settles, and Node then exits with process.exitCode.
    process.exitCode = code;
    return code;
  } finally {
    await store.close();
  }
}

function listBoards(dataDir: string): number {
  const file = join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) {
    process.stderr.write(`No database at ${file}\n`);
    return 1;
  }
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT board_id FROM snapshots UNION SELECT board_id FROM updates ORDER BY board_id').all() as {
      board_id: string;
    }[];
    for (const row of rows) process.stdout.write(`${row.board_id}\n`);
  } finally {
    db.close();
  }
  return 0;
}

async function toPostgres(dataDir: string): Promise<number> {
  const url = process.env.DATABASE_URL?.trim();
  if (!url) throw new UsageError('to-postgres needs DATABASE_URL=postgres://…');
  const file = join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) {
    process.stderr.write(`No database at ${file}\n`);
    return 1;
  }
  const counts = await copySqliteToPostgres(file, url);
  process.stderr.write(
    `Copied ${counts.snapshots} snapshots, ${counts.updates} log rows, ${counts.quarantinedUpdates} quarantined rows, ` +
      `${counts.versions} versions, ${counts.links} links, ${counts.privateRooms} private rooms, ` +
      `${counts.deletedBoards} deleted-board tombstones and ${counts.auditEntries} audit entries from ${file}\n`,
  );
  return 0;
}

async function exportCommand(store: SqliteBoardStore, args: readonly string[]): Promise<number> {
  const [boardId, file] = args;
  if (boardId === undefined || !isValidBoardId(boardId)) throw new UsageError('export needs a board id');
  const doc = await readStoredBoard(store, boardId);
  if (!doc) {
    process.stderr.write(`No board ${boardId} in ${store.file}\n`);
    return 1;
  }
  const json = `${JSON.stringify(exportBoardFile(doc), null, 2)}\n`;
  doc.destroy();
  await auditOperator(store.file, boardId, 'board-exported');
  if (file === undefined) process.stdout.write(json);
  else {
    await writeFile(file, json);
    process.stderr.write(`Exported board ${boardId} to ${file}\n`);
  }
  return 0;
}

async function deleteBoardCommand(dataDir: string, args: readonly string[]): Promise<number> {
  const [boardId, flag, confirm] = args;
  if (boardId === undefined || !isValidBoardId(boardId)) throw new UsageError('delete-board needs a board id');
  if (flag !== '--confirm' || confirm !== boardId) {
    throw new UsageError('delete-board needs --confirm followed by the same board id: deleting cannot be undone');
  }
  const opened = await openAdminStorage(dataDir, { checkpointIntervalMs: 60_000 });
  if (opened === null) return 1;
  const { storage, where } = opened;
  try {
    const known = (await storage.boards.hasBoard(boardId)) || (await storage.boards.isDeleted(boardId));
    if (!known) {
      process.stderr.write(`No board ${boardId} in ${where}\n`);
      process.exitCode = 1;
      return 1;
    }
    const logger = createLogger('warn', (line) => process.stderr.write(`${line}\n`));
    const result = await new BoardDeletion(storage, NO_ROOMS, logger).delete(boardId);
    await storage.audit.append({
      boardId,
      action: 'board-deleted',
      actor: 'operator',
      linkId: null,
      access: null,
      details: { via: 'cli', privateRooms: result.privateRooms },
    });
    process.stderr.write(
      process.env.DATABASE_URL?.trim()
        ? `Deleted board ${boardId} and ${result.privateRooms} private rooms from PostgreSQL and vacuumed its tables; ` +
            'freed bytes and the WAL still hold it until reused or recycled (docs/privacy.md)\n'
        : `Deleted board ${boardId} and ${result.privateRooms} private rooms; nothing of it is left in ${dataDir}\n`,
    );
    process.exitCode = 0;
    return 0;
  } finally {
    await storage.close();
  }
}

async function auditExportCommand(dataDir: string, args: readonly string[]): Promise<number> {
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (!flag || !['--format', '--board', '--since'].includes(flag) || value === undefined) {
      throw new UsageError(`audit-export does not understand ${flag ?? ''}`);
    }
    options.set(flag, value);
  }
  const format = options.get('--format') ?? 'jsonl';
  if (format !== 'jsonl' && format !== 'csv') throw new UsageError('--format is jsonl or csv');
  const sinceText = options.get('--since');
  const since = sinceText === undefined ? 0 : Date.parse(sinceText);
  if (Number.isNaN(since)) throw new UsageError('--since needs a date, e.g. 2026-01-31 or 2026-01-31T09:00:00Z');
  const opened = await openAdminStorage(dataDir, { backgroundCheckpoints: false });
  if (opened === null) return 1;
  const { storage } = opened;
  try {
    const board = options.get('--board');
    const entries = (
      board === undefined ? await storage.audit.listAll(since) : await storage.audit.listForBoard(board, Number.MAX_SAFE_INTEGER)
    ).filter((entry) => entry.at >= since);
    process.stdout.write(
      format === 'csv' ? auditCsv(entries) : entries.map((entry) => `${JSON.stringify(auditRecord(entry))}\n`).join(''),
    );
    return 0;
  } finally {
    await storage.close();
  }
}

/**
 * The deployment's storage for delete-board and audit-export: PostgreSQL at DATABASE_URL when it
 * is set (as the server decides), else DATA_DIR's SQLite file; null (said on stderr) when that
 * file does not exist.
 */
async function openAdminStorage(
  dataDir: string,
  sqliteOptions: SqliteDatabaseOptions,
): Promise<{ storage: Storage; where: string } | null> {
  const url = process.env.DATABASE_URL?.trim();
  if (url) return { storage: await PostgresStorage.open(url, { poolSize: 1 }), where: 'the PostgreSQL database' };
  if (!existsSync(join(dataDir, DATABASE_FILE))) {
    process.stderr.write(`No database at ${join(dataDir, DATABASE_FILE)}\n`);
    return null;
  }
  const storage = SqliteStorage.open(dataDir, sqliteOptions);
  return { storage, where: storage.file };
}

/** One exported entry, with its time also in ISO 8601 for people reading it. */
function auditRecord(entry: AuditEntry) {
  return { ...entry, time: new Date(entry.at).toISOString() };
}

const CSV_COLUMNS = ['id', 'time', 'at', 'boardId', 'action', 'actor', 'linkId', 'access', 'details'] as const;

function auditCsv(entries: readonly AuditEntry[]): string {
  const cell = (value: unknown) => {
    const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
    // Quoted always, and a leading formula character defused, so a spreadsheet opens it safely.
    return `"${(/^[=+\-@]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
  };
  const lines = entries.map((entry) => {
    const record = auditRecord(entry);
    return CSV_COLUMNS.map((column) => cell(record[column])).join(',');
  });
  return `${[CSV_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}

/** Records what the operator did in the audit log, on a connection of its own to the same file. */
async function auditOperator(file: string, boardId: string, action: AuditAction): Promise<void> {
  const audit = new SqliteAuditStore(file);
  try {
    await audit.append({ boardId, action, actor: 'operator', linkId: null, access: null, details: { via: 'cli' } });
  } finally {
    await audit.close();
  }
}

async function importCommand(store: SqliteBoardStore, args: readonly string[]): Promise<number> {
  const [file] = args;
  if (file === undefined) throw new UsageError('import needs a file');
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    process.stderr.write(`Cannot read ${file}: ${error instanceof SyntaxError ? 'it is not valid JSON' : String(error)}\n`);
    return 1;
  }
  try {
    const imported = importBoardFile(parsed);
    const id = await storeAsNewBoard(store, imported.doc);
    imported.doc.destroy();
    for (const line of imported.skipped) process.stderr.write(`Skipped ${line}\n`);
    process.stderr.write(`Imported "${imported.title}" with ${imported.notes} notes as board ${id} (/b/${id})\n`);
    await auditOperator(store.file, id, 'board-imported');
    process.stdout.write(`${id}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof BoardFileError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    process.stderr.write(`Failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
