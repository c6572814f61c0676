import fs, { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openFiles } from '../../../tests/support/openFiles.ts';
import { WalSync } from './WalSync.ts';

/** A SQLite file in WAL mode with one committed row; the connection is the caller's to close. */
function walDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE IF NOT EXISTS rows (n INTEGER)');
  db.prepare('INSERT INTO rows VALUES (1)').run();
  return db;
}

/** Counts the real fdatasync and fsync calls WalSync makes (they still run). */
function countSyncs() {
  return { datasync: vi.spyOn(fs, 'fdatasync'), sync: vi.spyOn(fs, 'fsync') };
}

describe('WalSync', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'costudio-walsync-'));
    file = join(dir, 'costudio.sqlite');
  });

  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('covers every caller waiting when a sync starts with that one sync, in the order they called', async () => {
    const db = walDatabase(file);
    const walSync = new WalSync(file);
    const syncs = countSyncs();
    const order: string[] = [];
    const first = walSync.sync().then(() => order.push('first'));
    // These arrive while the first sync runs: it may have started before their writes, so
    // they share the next one.
    db.prepare('INSERT INTO rows VALUES (2)').run();
    const second = walSync.sync().then(() => order.push('second'));
    const third = walSync.sync().then(() => order.push('third'));
    await Promise.all([first, second, third]);
    expect(order).toEqual(['first', 'second', 'third']);
    expect(syncs.datasync).toHaveBeenCalledTimes(2);
    await walSync.close();
    db.close();
  });

  it('under a steady stream of commits, starts a sync no sooner than minIntervalMs after the last, covering all who asked meanwhile', async () => {
    const db = walDatabase(file);
    const walSync = new WalSync(file, { minIntervalMs: 200 });
    const syncs = countSyncs();
    const asked: Promise<void>[] = [];
    for (let i = 0; i < 10; i++) {
      db.prepare('INSERT INTO rows VALUES (?)').run(i);
      asked.push(walSync.sync());
      // Each sync on its own would have ended by the next commit.
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await Promise.all(asked);
    // The first at once, the nine others together once the interval had passed.
    expect(syncs.datasync).toHaveBeenCalledTimes(2);
    await walSync.close();
    db.close();
  });

  it("syncs the WAL's directory once, when it first opens the WAL", async () => {
    const db = walDatabase(file);
    const walSync = new WalSync(file);
    const syncs = countSyncs();
    await walSync.sync();
    await walSync.sync();
    expect(syncs.sync).toHaveBeenCalledTimes(1);
    expect(syncs.datasync).toHaveBeenCalledTimes(2);
    await walSync.close();
    db.close();
  });

  it('syncs the database file when there is no WAL (every connection closed, SQLite removed it)', async () => {
    walDatabase(file).close();
    const walSync = new WalSync(file);
    const syncs = countSyncs();
    await walSync.sync();
    expect(syncs.datasync).not.toHaveBeenCalled();
    expect(syncs.sync).toHaveBeenCalledTimes(1);
    await walSync.close();
  });

  it('follows a WAL that was removed and made anew, rather than syncing the removed one', async () => {
    const walSync = new WalSync(file, { relinkCheckMs: 0 });
    walDatabase(file).close();
    const db = walDatabase(file);
    await walSync.sync();
    db.close();
    const again = walDatabase(file);
    await walSync.sync();
    // SQLite's own connection has the new WAL open too; nothing may hold the removed one.
    expect(openFiles().filter((name) => name.endsWith('costudio.sqlite-wal (deleted)'))).toEqual([]);
    await walSync.close();
    again.close();
  });

  it('refuses to sync once closed, and lets go of the WAL', async () => {
    const db = walDatabase(file);
    const walSync = new WalSync(file);
    await walSync.sync();
    await walSync.close();
    await expect(walSync.sync()).rejects.toThrow(/closed/);
    db.close();
    expect(openFiles().some((name) => name.includes('costudio.sqlite-wal'))).toBe(false);
  });
});
