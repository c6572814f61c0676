import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../../tests/support/waitFor.ts';
import { DATABASE_FILE, SqliteDatabase, WAL_SIZE_LIMIT } from './SqliteDatabase.ts';

const dirs: string[] = [];
const open: SqliteDatabase[] = [];
afterEach(async () => {
  for (const database of open.splice(0)) await database.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function openDatabase(options: ConstructorParameters<typeof SqliteDatabase>[1] = {}): SqliteDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'costudio-db-'));
  dirs.push(dir);
  const database = SqliteDatabase.openInDir(dir, options);
  open.push(database);
  database.db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
  return database;
}

/** Writes `rows` rows of 16 KiB, one transaction each, as the commit queue does. */
function write(database: SqliteDatabase, rows: number): void {
  const insert = database.db.prepare('INSERT INTO t (data) VALUES (?)');
  for (let i = 0; i < rows; i++) insert.run(Buffer.alloc(16 * 1024, i));
}

const walSize = (database: SqliteDatabase) => (existsSync(`${database.file}-wal`) ? statSync(`${database.file}-wal`).size : 0);

describe('SqliteDatabase', () => {
  it('bounds the WAL: a size limit after checkpoints, and hands free pages back to the file system', () => {
    const database = openDatabase({ backgroundCheckpoints: false });
    expect(database.db.pragma('journal_size_limit', { simple: true })).toBe(WAL_SIZE_LIMIT);
    expect(database.db.pragma('auto_vacuum', { simple: true })).toBe(2); // INCREMENTAL
    expect(database.db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('truncates the WAL to nothing once writes have stopped for a checkpoint interval', async () => {
    const database = openDatabase({ checkpointIntervalMs: 20 });
    write(database, 64);
    expect(walSize(database)).toBeGreaterThan(1024 * 1024);
    await waitFor(() => walSize(database) === 0, { timeoutMs: 10_000, intervalMs: 10, what: 'the WAL to be truncated' });
    expect(database.db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 64 });
  });

  it('runs the checkpoint thread only while writes keep the WAL large, and stops it once idle', async () => {
    const database = openDatabase({ checkpointIntervalMs: 20 });
    write(database, 4);
    // A few edits, then quiet: checkpointed on the main connection, no thread started.
    await waitFor(() => walSize(database) === 0, { timeoutMs: 10_000, intervalMs: 5, what: 'a small WAL to be emptied' });
    expect(database.checkpointThreadRunning).toBe(false);
    write(database, 128);
    await waitFor(() => database.checkpointThreadRunning, { timeoutMs: 10_000, intervalMs: 5, what: 'the thread to start' });
    await waitFor(() => walSize(database) === 0, { timeoutMs: 10_000, intervalMs: 10, what: 'the thread to empty the WAL' });
    await waitFor(() => !database.checkpointThreadRunning, { timeoutMs: 10_000, intervalMs: 10, what: 'the thread to stop' });
    expect(database.db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 132 });
  });

  it('gives the pages of deleted rows back while idle', async () => {
    const database = openDatabase({ checkpointIntervalMs: 20 });
    write(database, 64);
    database.db.exec('DELETE FROM t');
    await waitFor(() => walSize(database) === 0 && database.db.pragma('freelist_count', { simple: true }) === 0, {
      timeoutMs: 10_000,
      intervalMs: 10,
      what: 'free pages to be vacuumed',
    });
    expect(statSync(database.file).size).toBeLessThan(64 * 1024);
  });

  it('leaves one complete database file on close: no -wal, no -shm, every row in the file', async () => {
    const database = openDatabase({ checkpointIntervalMs: 60_000 });
    write(database, 64);
    database.db.exec('DELETE FROM t WHERE id > 32');
    await database.close();
    expect(readdirSync(join(database.file, '..'))).toEqual([DATABASE_FILE]);
    // A copy of that one file alone, as a backup taken after the stop would be.
    const copyFile = join(database.file, '..', 'copy.sqlite');
    copyFileSync(database.file, copyFile);
    const copy = new Database(copyFile, { readonly: true });
    try {
      expect(copy.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 32 });
      expect(copy.pragma('freelist_count', { simple: true })).toBe(0);
    } finally {
      copy.close();
    }
  });

  it('answers ping while open and refuses once closed', async () => {
    const database = openDatabase({ backgroundCheckpoints: false });
    expect(() => database.ping()).not.toThrow();
    await database.close();
    expect(() => database.ping()).toThrow('the SQLite database is closed');
  });
});
