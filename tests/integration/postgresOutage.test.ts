import type { Authorize } from '@costudio/server';
import { CloseCode } from '@costudio/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';
import { adminQuery, createTestDatabase } from '../support/storageContracts/postgresPlace.ts';
import { waitFor } from '../support/waitFor.ts';

const clients: BoardClient[] = [];
const servers: InProcessServer[] = [];
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) await server.dispose();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(databaseUrl: string, authorize?: Authorize): Promise<InProcessServer> {
  // Unloading at once makes a board that nobody has open load again from PostgreSQL.
  const options = { databaseUrl, databasePoolSize: 3, unloadDelayMs: 0 };
  const server = await startInProcessServer(authorize ? { ...options, authorize } : options);
  servers.push(server);
  return server;
}

function connect(server: InProcessServer, boardId: string): BoardClient {
  const client = connectBoardClient(server.syncUrl, boardId, { saved: true });
  clients.push(client);
  return client;
}

/** Ends every connection the server holds to the database, as a PostgreSQL restart or failover would. */
async function terminateBackends(database: string): Promise<void> {
  await adminQuery('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [
    database,
  ]);
}

/** This database alone becomes unreachable: new connections are refused and open ones ended. */
async function takeDown(database: string): Promise<void> {
  await adminQuery(`ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
  await terminateBackends(database);
}

async function bringBack(database: string): Promise<void> {
  await adminQuery(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
}

async function roomCount(server: InProcessServer): Promise<number> {
  const response = await fetch(`${server.httpUrl}/healthz`);
  return ((await response.json()) as { rooms: number }).rooms;
}

/** The relay's close code when its `authorize` hook throws (docs/protocol.md). */
const ACCESS_CHECK_FAILED = 1011;

const codes = (client: BoardClient) => client.closes.map((close) => close.code);

describe('PostgreSQL storage when the database goes away', () => {
  async function freshDatabase() {
    const database = await createTestDatabase();
    cleanups.push(async () => {
      await bringBack(database.name);
      await database.drop();
    });
    return database;
  }

  it('keeps every acknowledged edit, refuses what it cannot store or load, and recovers by itself', async () => {
    const database = await freshDatabase();
    let server = await start(database.url);
    const acknowledged = new Map<string, string>();
    const edit = async (client: BoardClient, key: string) => {
      client.doc.getMap('notes').set(key, key);
      await waitFor(() => client.allOwnChangesSaved(), { what: `acknowledgement of ${key}`, timeoutMs: 20_000 });
      acknowledged.set(key, key);
    };

    // A board stored, then unloaded, so that reading it later needs the database.
    const first = connect(server, 'stored');
    await first.whenSynced();
    first.doc.getMap('notes').set('kept', 'kept');
    await waitFor(() => first.allOwnChangesSaved(), 'acknowledgement of the stored board');
    first.destroy();
    await waitFor(async () => (await roomCount(server)) === 0, 'the stored board to unload');

    const writer = connect(server, 'busy');
    await writer.whenSynced();
    await edit(writer, 'before');

    // Every connection of the pool is cut: the next edit is committed on a new connection, or
    // refused with STORAGE_FAILED and committed when the client sends it again.
    await terminateBackends(database.name);
    await edit(writer, 'after-terminate');
    expect(codes(writer).every((code) => code === CloseCode.STORAGE_FAILED)).toBe(true);

    // The database is unreachable: an edit is refused, never acknowledged, and a board that is
    // not loaded is refused rather than served empty.
    await takeDown(database.name);
    const closesBefore = writer.closes.length;
    writer.doc.getMap('notes').set('during', 'during');
    await waitFor(() => writer.closes.length > closesBefore, 'the writer to be closed');
    expect(writer.closes[closesBefore]?.code).toBe(CloseCode.STORAGE_FAILED);
    expect(writer.allOwnChangesSaved()).toBe(false);
    const late = connect(server, 'stored');
    // Share links check the board's lock in storage before the board loads, so the refusal is
    // that check's (1011, "reconnect", docs/protocol.md); without it, LOAD_FAILED (test below).
    await waitFor(() => late.closes.length > 0, 'the unloadable board to be refused');
    expect([CloseCode.LOAD_FAILED, ACCESS_CHECK_FAILED]).toContain(late.closes[0]?.code);
    expect(late.provider.synced).toBe(false);
    expect(late.doc.getMap('notes').size).toBe(0);
    expect((await fetch(`${server.httpUrl}/healthz`)).status).toBe(200);

    // The database returns: the clients' own reconnections store the held edit and load the board.
    await bringBack(database.name);
    await waitFor(() => writer.allOwnChangesSaved(), { what: 'the held edit to be stored', timeoutMs: 20_000 });
    acknowledged.set('during', 'during');
    await late.whenSynced(20_000);
    expect(late.doc.getMap('notes').get('kept')).toBe('kept');
    await edit(writer, 'after-outage');

    // After a restart, every acknowledged edit is there.
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
    server = await start(database.url);
    const reader = connect(server, 'busy');
    await reader.whenSynced();
    expect(reader.doc.getMap('notes').toJSON()).toEqual(Object.fromEntries(acknowledged));
  });

  it('refuses to open a board with LOAD_FAILED while the database is down, never serving it empty', async () => {
    const database = await freshDatabase();
    // An access hook that needs no storage, so that the board's load is what meets the outage.
    const server = await start(database.url, () => Promise.resolve({ access: 'edit' }));
    const first = connect(server, 'stored');
    await first.whenSynced();
    first.doc.getMap('notes').set('kept', 'kept');
    await waitFor(() => first.allOwnChangesSaved(), 'acknowledgement of the stored board');
    first.destroy();
    await waitFor(async () => (await roomCount(server)) === 0, 'the stored board to unload');

    await takeDown(database.name);
    const late = connect(server, 'stored');
    await waitFor(() => late.closes.length > 0, 'the board to be refused');
    expect(late.closes[0]?.code).toBe(CloseCode.LOAD_FAILED);
    expect(late.provider.synced).toBe(false);
    expect(late.doc.getMap('notes').size).toBe(0);

    await bringBack(database.name);
    await late.whenSynced(20_000);
    expect(late.doc.getMap('notes').get('kept')).toBe('kept');
  });
});
