import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFiles } from '../../../tests/support/openFiles.ts';
import { waitFor } from '../../../tests/support/waitFor.ts';
import { BoardDeletedError, BoardExistsError } from './BoardStore.ts';
import { DATABASE_FILE, SqliteBoardStore } from './SqliteBoardStore.ts';
import { isStorageFull } from './storageFull.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('SqliteBoardStore', () => {
  let dir: string;
  let store: SqliteBoardStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'costudio-store-'));
    store = SqliteBoardStore.open(join(dir, 'nested', 'data'));
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the data directory and a WAL-mode database', async () => {
    expect(store.file).toBe(join(dir, 'nested', 'data', DATABASE_FILE));
    const db = new Database(store.file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('returns nothing for a board never written', async () => {
    expect(await store.loadBoard('nope')).toEqual({ snapshot: null, snapshotSeq: 0, log: [] });
    expect(await store.hasBoard('nope')).toBe(false);
  });

  it('appends a batch for several boards and loads each board’s log in order', async () => {
    const seqs = await store.appendUpdates([
      { boardId: 'a', update: bytes(1) },
      { boardId: 'b', update: bytes(2) },
      { boardId: 'a', update: bytes(3) },
    ]);
    expect(seqs).toHaveLength(3);
    expect(seqs[0]).toBeLessThan(seqs[2] as number);
    const a = await store.loadBoard('a');
    expect(a.log.map((row) => [...row.update])).toEqual([[1], [3]]);
    expect(a.log.map((row) => row.seq)).toEqual([seqs[0], seqs[2]]);
    expect(await store.hasBoard('b')).toBe(true);
  });

  it('stores the viewed bytes of a Uint8Array that is a slice of a larger buffer', async () => {
    const big = bytes(9, 9, 4, 5, 6, 9);
    await store.appendUpdates([{ boardId: 'a', update: big.subarray(2, 5) }]);
    expect([...((await store.loadBoard('a')).log[0]?.update ?? [])]).toEqual([4, 5, 6]);
  });

  it('compacts atomically: the snapshot replaces exactly the rows it covers', async () => {
    const [first, second] = await store.appendUpdates([
      { boardId: 'a', update: bytes(1) },
      { boardId: 'a', update: bytes(2) },
    ]);
    await store.compact('a', { data: bytes(7, 7), encoding: 'v2' }, first as number);
    const [third] = await store.appendUpdates([{ boardId: 'a', update: bytes(3) }]);
    const loaded = await store.loadBoard('a');
    expect(loaded.snapshot?.encoding).toBe('v2');
    expect([...(loaded.snapshot?.data ?? [])]).toEqual([7, 7]);
    expect(loaded.snapshotSeq).toBe(first);
    expect(loaded.log.map((row) => row.seq)).toEqual([second, third]);
  });

  it('never lets an older snapshot replace a newer one', async () => {
    const [first, second] = await store.appendUpdates([
      { boardId: 'a', update: bytes(1) },
      { boardId: 'a', update: bytes(2) },
    ]);
    await store.compact('a', { data: bytes(2, 2), encoding: 'v1' }, second as number);
    await store.compact('a', { data: bytes(1, 1), encoding: 'v1' }, first as number);
    const loaded = await store.loadBoard('a');
    expect([...(loaded.snapshot?.data ?? [])]).toEqual([2, 2]);
    expect(loaded.log).toEqual([]);
  });

  it('does not reuse the sequence number of a compacted row', async () => {
    const [seq] = await store.appendUpdates([{ boardId: 'a', update: bytes(1) }]);
    await store.compact('a', { data: bytes(1), encoding: 'v2' }, seq as number);
    const [next] = await store.appendUpdates([{ boardId: 'a', update: bytes(2) }]);
    expect(next).toBeGreaterThan(seq as number);
    expect((await store.loadBoard('a')).log.map((row) => [...row.update])).toEqual([[2]]);
  });

  it('creates a board once and refuses a second creation of the same id', async () => {
    await store.createBoard('new', { data: bytes(5), encoding: 'v2' });
    expect((await store.loadBoard('new')).snapshot).toEqual({ data: Buffer.from([5]), encoding: 'v2' });
    await expect(store.createBoard('new', { data: bytes(6), encoding: 'v2' })).rejects.toBeInstanceOf(BoardExistsError);
    await store.appendUpdates([{ boardId: 'logged', update: bytes(1) }]);
    await expect(store.createBoard('logged', { data: bytes(6), encoding: 'v2' })).rejects.toBeInstanceOf(BoardExistsError);
  });

  it('moves a quarantined row out of the log but keeps its bytes', async () => {
    const [bad, good] = await store.appendUpdates([
      { boardId: 'a', update: bytes(0xff) },
      { boardId: 'a', update: bytes(1) },
    ]);
    await store.quarantine('a', bad as number, 'unreadable');
    expect((await store.loadBoard('a')).log.map((row) => row.seq)).toEqual([good]);
    const db = new Database(store.file, { readonly: true });
    const row = db
      .prepare("SELECT board_id, data, reason FROM quarantined_updates WHERE board_id = 'a' AND seq = ?")
      .get(bad) as {
      board_id: string;
      data: Buffer;
      reason: string;
    };
    db.close();
    expect(row).toEqual({ board_id: 'a', data: Buffer.from([0xff]), reason: 'unreadable' });
  });

  it('keeps committed data across reopening', async () => {
    await store.appendUpdates([{ boardId: 'a', update: bytes(1, 2, 3) }]);
    await store.close();
    store = SqliteBoardStore.open(join(dir, 'nested', 'data'), { synchronous: 'FULL' });
    expect((await store.loadBoard('a')).log.map((row) => [...row.update])).toEqual([[1, 2, 3]]);
  });

  it.each(['NORMAL', 'FULL'] as const)(
    'rejects a whole batch when the disk is full, as storage-full, leaving earlier data intact (%s)',
    async (synchronous) => {
      await store.close();
      store = SqliteBoardStore.open(join(dir, 'nested', 'data'), { maxPageCount: 8, synchronous });
      await store.appendUpdates([{ boardId: 'a', update: bytes(1) }]);
      const huge = new Uint8Array(64 * 1024);
      const refused = await store
        .appendUpdates([
          { boardId: 'a', update: bytes(2) },
          { boardId: 'a', update: huge },
        ])
        .catch((error: unknown) => error);
      expect(String(refused)).toMatch(/full/);
      // What the relay tells the writer (STORAGE_FULL, retry later) hangs on this.
      expect(isStorageFull(refused)).toBe(true);
      // A batch of one row is committed without a transaction around it: refused the same way.
      const alone = await store.appendUpdates([{ boardId: 'a', update: huge }]).catch((error: unknown) => error);
      expect(isStorageFull(alone)).toBe(true);
      expect((await store.loadBoard('a')).log.map((row) => [...row.update])).toEqual([[1]]);
      expect(await store.appendUpdates([{ boardId: 'a', update: bytes(3) }])).toHaveLength(1);
    },
  );

  it('commits board rows under FULL without waiting for the disk, keeps FULL for all else, and syncs on durable()', async () => {
    await store.close();
    store = SqliteBoardStore.open(join(dir, 'nested', 'data'), { synchronous: 'FULL' });
    const connection = (store as unknown as { db: Database.Database }).db;
    const batches = Array.from({ length: 20 }, (_, i) => store.appendUpdates([{ boardId: 'kept', update: bytes(i) }]));
    const seqs = (await Promise.all(batches)).flat();
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect((await store.loadBoard('kept')).log.map((row) => row.update[0])).toEqual(seqs.map((_, i) => i));
    await store.appendUpdates([{ boardId: 'gone', update: bytes(1) }]);
    await store.deleteBoard('gone');
    await expect(store.appendUpdates([{ boardId: 'gone', update: bytes(2) }])).rejects.toBeInstanceOf(BoardDeletedError);
    expect(await store.loadBoard('gone')).toEqual({ snapshot: null, snapshotSeq: 0, log: [] });
    // Links, deletions and the rest still wait for their fsync, a refused row notwithstanding.
    expect(connection.pragma('synchronous', { simple: true })).toBe(2);
    await store.durable();
    expect(openFiles().some((file) => file.endsWith('costudio.sqlite-wal'))).toBe(true);
  });

  it('checkpoints the WAL into the database file from its background thread', async () => {
    await store.close();
    store = SqliteBoardStore.open(join(dir, 'nested', 'data'), { checkpointIntervalMs: 20 });
    const before = statSync(store.file).size;
    await store.appendUpdates(Array.from({ length: 64 }, () => ({ boardId: 'a', update: new Uint8Array(16 * 1024) })));
    await waitFor(() => statSync(store.file).size > before + 1024 * 1024, {
      timeoutMs: 5_000,
      intervalMs: 10,
      what: 'the file to grow',
    });
  });

  it('upgrades a version 1 database, reading its snapshots as V1', async () => {
    await store.close();
    mkdirSync(join(dir, 'v1'));
    const file = join(dir, 'v1', DATABASE_FILE);
    const db = new Database(file);
    db.exec(`CREATE TABLE snapshots (board_id TEXT PRIMARY KEY, data BLOB NOT NULL, through_seq INTEGER NOT NULL,
      updated_at INTEGER NOT NULL); INSERT INTO snapshots VALUES ('old', x'0102', 0, 0); PRAGMA user_version = 1;`);
    db.close();
    store = new SqliteBoardStore(file);
    expect((await store.loadBoard('old')).snapshot).toEqual({ data: Buffer.from([1, 2]), encoding: 'v1' });
  });

  it('upgrades a version 2 database, whose snapshots have no known schema version', async () => {
    await store.close();
    mkdirSync(join(dir, 'v2'));
    const file = join(dir, 'v2', DATABASE_FILE);
    const db = new Database(file);
    db.exec(`CREATE TABLE snapshots (board_id TEXT PRIMARY KEY, data BLOB NOT NULL, through_seq INTEGER NOT NULL,
      updated_at INTEGER NOT NULL, encoding INTEGER NOT NULL DEFAULT 1);
      INSERT INTO snapshots VALUES ('old', x'0102', 0, 0, 1); PRAGMA user_version = 2;`);
    db.close();
    store = new SqliteBoardStore(file);
    const old = (await store.loadBoard('old')).snapshot;
    expect(old).not.toHaveProperty('schemaVersion');
    await store.compact('old', { data: bytes(3), encoding: 'v1', schemaVersion: 4 }, 0);
    expect((await store.loadBoard('old')).snapshot?.schemaVersion).toBe(4);
  });

  it('upgrades a version 3 database with everything in it, and numbers new rows above every old one', async () => {
    await store.close();
    mkdirSync(join(dir, 'v3'));
    const file = join(dir, 'v3', DATABASE_FILE);
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    // Version 3's layout, as Costudio wrote it: one AUTOINCREMENT sequence for all boards.
    db.exec(`CREATE TABLE snapshots (board_id TEXT PRIMARY KEY, data BLOB NOT NULL, through_seq INTEGER NOT NULL,
        updated_at INTEGER NOT NULL, encoding INTEGER NOT NULL DEFAULT 1, schema_version INTEGER);
      CREATE TABLE updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, board_id TEXT NOT NULL, data BLOB NOT NULL);
      CREATE INDEX updates_by_board ON updates (board_id, seq);
      CREATE TABLE quarantined_updates (seq INTEGER PRIMARY KEY, board_id TEXT NOT NULL, data BLOB NOT NULL,
        reason TEXT NOT NULL, quarantined_at INTEGER NOT NULL);
      CREATE TABLE deleted_boards (board_id TEXT PRIMARY KEY, deleted_at INTEGER NOT NULL);
      CREATE TABLE board_opened (board_id TEXT PRIMARY KEY, opened_at INTEGER NOT NULL);
      CREATE TABLE board_retention (board_id TEXT PRIMARY KEY, keep INTEGER NOT NULL, days INTEGER);
      CREATE TRIGGER no_updates_to_deleted_boards BEFORE INSERT ON updates
      WHEN EXISTS (SELECT 1 FROM deleted_boards WHERE board_id = NEW.board_id)
      BEGIN SELECT RAISE(ABORT, 'costudio: board deleted'); END;
      INSERT INTO updates (board_id, data) VALUES ('a', x'01'), ('b', x'02'), ('a', x'03'), ('b', x'04'),
        ('a', x'05'), ('b', x'06'), ('c', x'07');
      -- 'a' was compacted through row 3, 'c' through its only row; 'b' had row 4 quarantined.
      INSERT INTO snapshots VALUES ('a', x'0a', 3, 10, 2, 3), ('c', x'0c', 7, 11, 2, 3);
      DELETE FROM updates WHERE seq IN (1, 3, 7);
      INSERT INTO quarantined_updates SELECT seq, board_id, data, 'unreadable', 12 FROM updates WHERE seq = 4;
      DELETE FROM updates WHERE seq = 4;
      INSERT INTO deleted_boards VALUES ('gone', 13);
      INSERT INTO board_opened VALUES ('a', 14);
      INSERT INTO board_retention VALUES ('a', 0, 30);
      PRAGMA user_version = 3;`);
    db.close();

    store = new SqliteBoardStore(file);
    const log = async (boardId: string) => (await store.loadBoard(boardId)).log.map((row) => [row.seq, [...row.update]]);
    expect(await store.loadBoard('a')).toMatchObject({
      snapshot: { data: Buffer.from([0x0a]), encoding: 'v2', schemaVersion: 3 },
      snapshotSeq: 3,
    });
    expect(await log('a')).toEqual([[5, [5]]]);
    expect(await log('b')).toEqual([
      [2, [2]],
      [6, [6]],
    ]);
    expect(await store.loadBoard('c')).toMatchObject({ snapshotSeq: 7, log: [] });
    expect(await store.readUpdatesSince('b', 2)).toEqual([{ seq: 6, update: Buffer.from([6]) }]);
    expect(await store.isDeleted('gone')).toBe(true);
    expect(await store.retentionOf('a')).toEqual({ policy: { days: 30 }, lastActiveAt: 14 });
    // The deleted-boards trigger came back with the new table.
    await expect(store.appendUpdates([{ boardId: 'gone', update: bytes(1) }])).rejects.toBeInstanceOf(BoardDeletedError);
    // New rows go above each board's old ones, its snapshot's and its quarantined ones.
    const next = await store.appendUpdates(['a', 'b', 'c', 'new'].map((boardId) => ({ boardId, update: bytes(9) })));
    expect(next).toEqual([6, 7, 8, 1]);
    await store.quarantine('b', 6, 'unreadable too');
    expect(await store.dropQuarantined('b')).toBe(2);
    await store.close();

    const upgraded = new Database(file, { readonly: true });
    expect(upgraded.pragma('user_version', { simple: true })).toBe(4);
    const sql = (name: string) =>
      (upgraded.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(name) as { sql: string } | undefined)?.sql;
    expect(sql('updates')).toMatch(/WITHOUT ROWID/);
    expect(sql('updates_by_board')).toBeUndefined();
    expect(sql('updates_v3')).toBeUndefined();
    upgraded.close();
    store = new SqliteBoardStore(file);
  });

  it('keeps quarantined rows of two boards that share a number', async () => {
    const [a] = await store.appendUpdates([{ boardId: 'a', update: bytes(1) }]);
    const [b] = await store.appendUpdates([{ boardId: 'b', update: bytes(2) }]);
    expect(a).toBe(b);
    await store.quarantine('a', a as number, 'unreadable');
    await store.quarantine('b', b as number, 'unreadable');
    expect(await store.dropQuarantined('a')).toBe(1);
    expect(await store.dropQuarantined('b')).toBe(1);
  });

  it('writes one page to the WAL per single-update commit', async () => {
    await store.close();
    store = SqliteBoardStore.open(join(dir, 'nested', 'data'), { backgroundCheckpoints: false });
    await store.createBoard('a', { data: bytes(1), encoding: 'v2' });
    await store.appendUpdates([{ boardId: 'a', update: bytes(1) }]);
    const walBytes = () => statSync(`${store.file}-wal`).size;
    const before = walBytes();
    for (let i = 0; i < 10; i++) await store.appendUpdates([{ boardId: 'a', update: bytes(i) }]);
    const pageSize = 4096;
    // A WAL frame is a page and a 24-byte header; version 3 wrote three (table, index, sequence).
    expect((walBytes() - before) / 10).toBe(pageSize + 24);
  });

  it('records the schema version of created and compacted snapshots', async () => {
    await store.createBoard('versioned', { data: bytes(1), encoding: 'v1', schemaVersion: 2 });
    expect((await store.loadBoard('versioned')).snapshot?.schemaVersion).toBe(2);
    const [seq] = await store.appendUpdates([{ boardId: 'versioned', update: bytes(2) }]);
    await store.compact('versioned', { data: bytes(3), encoding: 'v1', schemaVersion: 3 }, seq as number);
    expect((await store.loadBoard('versioned')).snapshot?.schemaVersion).toBe(3);
  });

  it('can leave checkpoints to SQLite for short-lived tools', async () => {
    const tool = new SqliteBoardStore(store.file, { backgroundCheckpoints: false });
    await tool.appendUpdates([{ boardId: 'a', update: bytes(1) }]);
    await tool.close();
    expect((await store.loadBoard('a')).log.map((row) => [...row.update])).toEqual([[1]]);
  });

  it('refuses to open a database written by a newer storage version', async () => {
    await store.close();
    const db = new Database(join(dir, 'nested', 'data', DATABASE_FILE));
    db.pragma('user_version = 99');
    db.close();
    expect(() => SqliteBoardStore.open(join(dir, 'nested', 'data'))).toThrow(/newer Costudio/);
    store = SqliteBoardStore.open(join(dir, 'other'));
  });
});

describe('SqliteBoardStore in a short-lived process', () => {
  /** Runs `body` (with `store` open on a fresh data dir) in a child process; returns its stdout and the dir. */
  function runChild(body: string): { stdout: string; stderr: string; dir: string } {
    const dir = mkdtempSync(join(tmpdir(), 'costudio-store-exit-'));
    const storeModule = new URL('./SqliteBoardStore.ts', import.meta.url).href;
    const script = `
      const { SqliteBoardStore } = await import(${JSON.stringify(storeModule)});
      const store = SqliteBoardStore.open(${JSON.stringify(dir)}, { synchronous: 'FULL' });
      ${body}
    `;
    const tsx = createRequire(import.meta.url).resolve('tsx');
    const result = spawnSync(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    return { stdout: result.stdout.trim(), stderr: result.stderr, dir };
  }

  it('finishes close() (last checkpoint included) before the process exits', () => {
    const { stdout, stderr, dir } = runChild(`await store.close(); console.log('closed');`);
    try {
      expect(stderr).toBe('');
      expect(stdout).toBe('closed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finishes an append and its sync the process did not wait for before it exits', async () => {
    const { stdout, stderr, dir } = runChild(`
      void store.appendUpdates([{ boardId: 'a', update: new Uint8Array([4, 2]) }])
        .then(() => store.durable())
        .then(() => console.log('durable'));
    `);
    try {
      expect(stderr).toBe('');
      expect(stdout).toBe('durable');
      const reopened = SqliteBoardStore.open(dir, { backgroundCheckpoints: false });
      expect((await reopened.loadBoard('a')).log.map((row) => [...row.update])).toEqual([[4, 2]]);
      await reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
