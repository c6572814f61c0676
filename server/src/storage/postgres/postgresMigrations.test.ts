import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/support/storageContracts/postgresPlace.ts';
import { PostgresStorage } from './PostgresStorage.ts';
import { SCHEMA_VERSION } from './postgresMigrations.ts';

describe('PostgreSQL schema migrations', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function freshDatabase() {
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    return database;
  }

  async function query(url: string, sql: string): Promise<pg.QueryResult> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  }

  it('brings an empty database to the current version once, even with several instances starting together', async () => {
    const { url } = await freshDatabase();
    const storages = await Promise.all([1, 2, 3].map(() => PostgresStorage.open(url, { poolSize: 2 })));
    for (const storage of storages) cleanups.push(() => storage.close());
    const versions = await query(url, 'SELECT version FROM costudio_schema_version ORDER BY version');
    expect(versions.rows.map((row) => row.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
    // Opening again on a current database changes nothing and loses nothing.
    await storages[0]?.boards.appendUpdates([{ boardId: 'kept', update: new Uint8Array([1]) }]);
    const again = await PostgresStorage.open(url, { poolSize: 1 });
    cleanups.push(() => again.close());
    expect((await again.boards.loadBoard('kept')).log).toHaveLength(1);
  });

  it('serves a version-1 database restored from its pg_dump fixture, without losing or renumbering anything', async () => {
    const { url } = await freshDatabase();
    await query(url, readFileSync(new URL('./fixtures/storage-v1.sql', import.meta.url), 'utf8'));
    const storage = await PostgresStorage.open(url, { poolSize: 1 });
    cleanups.push(() => storage.close());
    const board = await storage.boards.loadBoard('fixture-board');
    expect({ ...board, snapshot: { ...board.snapshot, data: [...(board.snapshot?.data ?? [])] } }).toEqual({
      snapshot: { data: [4, 5, 6], encoding: 'v1', schemaVersion: 2 },
      snapshotSeq: 2,
      log: [{ seq: 4, update: Buffer.from([14]) }],
    });
    const [version] = await storage.history.list('fixture-board');
    expect(version).toMatchObject({ id: 1, kind: 'named', name: 'Workshop 1', noteCount: 3, createdAt: 1_796_000_000_000 });
    expect((await storage.links.getByCode('FXTR2345'))?.id).toBe('fixture-link');
    expect(await storage.privateRooms.list('fixture-board')).toEqual(['fixture-board__private__fixture-secret-01']);
    // Version 2 counts rooms per link; a room from before counts for none.
    expect(await storage.privateRooms.has('fixture-board__private__fixture-secret-01')).toBe(true);
    expect(await storage.privateRooms.countByLink('fixture-board', 'fixture-link')).toBe(0);
    expect(await storage.boards.appendUpdates([{ boardId: 'fixture-board', update: new Uint8Array([15]) }])).toEqual([5]);
    const versions = await query(url, 'SELECT version FROM costudio_schema_version ORDER BY version');
    expect(versions.rows.map((row) => row.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it('refuses a database written by a newer Costudio, leaving no connection open', async () => {
    const { url, name } = await freshDatabase();
    const storage = await PostgresStorage.open(url, { poolSize: 1 });
    await storage.close();
    await query(url, `INSERT INTO costudio_schema_version (version) VALUES (${SCHEMA_VERSION + 1})`);
    await expect(PostgresStorage.open(url, { poolSize: 1 })).rejects.toThrow(/newer Costudio/);
    const open = await query(url, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = '${name}'`);
    expect(open.rows[0]?.n).toBe(1); // only this query's own connection
  });

  it('fails to open, without hanging, when PostgreSQL cannot be reached', async () => {
    await expect(
      PostgresStorage.open('postgres://postgres@127.0.0.1:1/nowhere', { poolSize: 1, connectTimeoutMs: 2000 }),
    ).rejects.toThrow();
  });
});
