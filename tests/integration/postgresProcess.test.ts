import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CloseCode } from '@costudio/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { type ChildServer, spawnServer } from '../support/childServer.ts';
import { adminQuery, createTestDatabase } from '../support/storageContracts/postgresPlace.ts';
import { createTempDir } from '../support/tempDir.ts';
import { waitFor } from '../support/waitFor.ts';

const children: ChildServer[] = [];
const clients: BoardClient[] = [];
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const child of children.splice(0)) {
    child.kill('SIGKILL');
    await child.exited;
  }
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function spawn(dataDir: string, databaseUrl: string): Promise<ChildServer> {
  // A small compaction bound makes compactions run between the edits too.
  const child = await spawnServer({ dataDir, env: { DATABASE_URL: databaseUrl, COMPACT_MAX_UPDATES: '20' } });
  children.push(child);
  return child;
}

function connect(server: ChildServer, boardId: string): BoardClient {
  const client = connectBoardClient(server.syncUrl, boardId, { saved: true });
  clients.push(client);
  return client;
}

describe('a server process on DATABASE_URL', () => {
  it('stores in PostgreSQL, outlives lost connections, and loses no acknowledged edit to kill -9', async () => {
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    const dir = await createTempDir('costudio-pg-process-');
    cleanups.push(() => dir.remove());
    const first = await spawn(dir.path, database.url);
    const writer = connect(first, 'meeting');
    await writer.whenSynced();
    const notes = writer.doc.getMap<number>('notes');
    const write = (from: number, to: number) => {
      for (let i = from; i < to; i++) notes.set(`n${i}`, i);
    };
    const allSaved = (what: string) => waitFor(() => writer.allOwnChangesSaved(), { what, timeoutMs: 20_000 });

    write(0, 40);
    await allSaved('the first edits');
    await adminQuery('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database.name]);
    write(40, 80);
    await allSaved('the edits after the connections were cut');
    expect(writer.closes.every((close) => close.code === CloseCode.STORAGE_FAILED)).toBe(true);
    expect((await fetch(`${first.httpUrl}/healthz`)).status).toBe(200);
    const acknowledged = notes.toJSON();

    // More edits in flight, then kill -9: what was acknowledged must all be there.
    write(80, 120);
    first.kill('SIGKILL');
    await first.exited;
    const second = await spawn(dir.path, database.url);
    const reader = connect(second, 'meeting');
    await reader.whenSynced();
    expect(reader.doc.getMap('notes').toJSON()).toMatchObject(acknowledged);
    // Everything went to PostgreSQL: no SQLite database was made in DATA_DIR.
    expect(existsSync(join(dir.path, 'costudio.sqlite'))).toBe(false);
  });
});
