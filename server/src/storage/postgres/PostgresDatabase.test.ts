import { afterEach, describe, expect, it } from 'vitest';
import { adminQuery, createTestDatabase } from '../../../../tests/support/storageContracts/postgresPlace.ts';
import { PostgresDatabase } from './PostgresDatabase.ts';
import { PostgresStorage } from './PostgresStorage.ts';

describe('PostgresDatabase', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('commits synchronously and reads bigint as numbers, even where the database defaults otherwise', async () => {
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    await adminQuery(`ALTER DATABASE ${database.name} SET synchronous_commit = off`);
    const opened = await PostgresDatabase.open(database.url, { poolSize: 1 });
    cleanups.push(() => opened.close());
    const { rows } = await opened.pool.query<{ mode: string; big: unknown }>(
      "SELECT current_setting('synchronous_commit') AS mode, 9007199254740991::bigint AS big",
    );
    expect(rows[0]).toEqual({ mode: 'on', big: 9_007_199_254_740_991 });
  });

  it('rolls back a transaction whose work throws, and stays usable', async () => {
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    const opened = await PostgresDatabase.open(database.url, { poolSize: 1 });
    cleanups.push(() => opened.close());
    await expect(
      opened.transaction(async (client) => {
        await client.query("INSERT INTO private_rooms (room_id, board_id, created_at) VALUES ('r', 'b', 1)");
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const { rows } = await opened.pool.query('SELECT room_id FROM private_rooms');
    expect(rows).toEqual([]);
  });

  it('answers a ping while the database is there, and says why not once it is gone', async () => {
    const database = await createTestDatabase();
    cleanups.push(async () => {
      await adminQuery(`ALTER DATABASE ${database.name} ALLOW_CONNECTIONS true`);
      await database.drop();
    });
    const storage = await PostgresStorage.open(database.url, { poolSize: 1 });
    cleanups.push(() => storage.close());
    await storage.ping();
    await adminQuery(`ALTER DATABASE ${database.name} ALLOW_CONNECTIONS false`);
    await adminQuery('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database.name]);
    // The first ping may still meet the terminated connection; any later one meets the refusal.
    await expect(storage.ping()).rejects.toThrow(/^PostgreSQL is unreachable: /);
    await expect(storage.ping()).rejects.toThrow(/not currently accepting connections/);
  });
});
