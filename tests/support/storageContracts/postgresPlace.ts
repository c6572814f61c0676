import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { StorePlace } from './storePlace.ts';

/**
 * The PostgreSQL server tests may create databases on (`.ci/run` starts one on loopback):
 * COSTUDIO_TEST_POSTGRES_URL, by default the `postgres` database on 127.0.0.1:5432.
 */
export const TEST_POSTGRES_URL = process.env.COSTUDIO_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh, empty database on the test server; `drop` removes it, ending any connection left to it. */
export async function createTestDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `costudio_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Runs one statement on the test server's maintenance database. */
export async function adminQuery(sql: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await client.query(sql, values);
  } finally {
    await client.end();
  }
}

/** A place for a PostgreSQL store: a fresh database; `open` connects a store to it. */
export async function postgresPlace<S extends { close(): Promise<void> }>(
  open: (url: string) => Promise<S>,
): Promise<StorePlace<S>> {
  const database = await createTestDatabase();
  return { open: () => open(database.url), destroy: () => database.drop() };
}
