import { CURRENT_SCHEMA_VERSION, getMetaMap, getNotesMap, getNoteText, readMeta, readNotes } from '@costudio/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';
import { fetchMetrics, sumMetric } from '../support/prometheus.ts';
import { createTempDir, type TempDir } from '../support/tempDir.ts';
import { eventually, waitFor } from '../support/waitFor.ts';

const BOARD = 'legacy-board';

const clients: BoardClient[] = [];
const servers: InProcessServer[] = [];
let dir: TempDir | undefined;

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) await server.dispose();
  await dir?.remove();
  dir = undefined;
});

async function start(dataDir: string, unloadDelayMs?: number): Promise<InProcessServer> {
  const server = await startInProcessServer(unloadDelayMs === undefined ? { dataDir } : { dataDir, unloadDelayMs });
  servers.push(server);
  return server;
}

/**
 * Writes what a pre-versioning importer wrote: no meta at all, note text as plain strings (and
 * one note without text). The relay stores it as is; it does not filter CRDT updates.
 */
async function seedLegacyBoard(server: InProcessServer): Promise<void> {
  const legacy = connectBoardClient(server.syncUrl, BOARD);
  await legacy.whenSynced();
  legacy.doc.transact(() => {
    const meta = getMetaMap(legacy.doc);
    for (const key of [...meta.keys()]) meta.delete(key);
    const notes = getNotesMap(legacy.doc);
    const withText = new Y.Map<unknown>();
    withText.set('lane', 'define');
    withText.set('text', 'Waiting lists are too long');
    withText.set('x', 40);
    withText.set('y', 120);
    notes.set('legacy-1', withText);
    const withoutText = new Y.Map<unknown>();
    withoutText.set('lane', 'decide');
    notes.set('legacy-2', withoutText);
  });
  const witness = connectBoardClient(server.syncUrl, BOARD);
  try {
    await eventually(() => {
      expect(getNotesMap(witness.doc).get('legacy-1')?.get('text')).toBe('Waiting lists are too long');
      expect(getMetaMap(witness.doc).size).toBe(0);
    });
  } finally {
    witness.destroy();
    legacy.destroy();
  }
}

interface FirstSync {
  schemaVersion: unknown;
  text1: unknown;
  text2: unknown;
  title: string;
  createdAt: number;
}

/** Connects a fresh client and records the board exactly as its first sync delivered it. */
async function firstSyncOf(server: InProcessServer): Promise<FirstSync> {
  const client = connectBoardClient(server.syncUrl, BOARD);
  clients.push(client);
  let first: FirstSync | undefined;
  client.provider.once('sync', () => {
    const notes = getNotesMap(client.doc);
    first = {
      schemaVersion: getMetaMap(client.doc).get('schemaVersion'),
      text1: notes.get('legacy-1')?.get('text'),
      text2: notes.get('legacy-2')?.get('text'),
      title: readMeta(client.doc).title,
      createdAt: readMeta(client.doc).createdAt,
    };
  });
  return waitFor(() => first, { what: 'the first sync' });
}

function expectMigrated(first: FirstSync): void {
  expect(first.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  expect(first.text1).toBeInstanceOf(Y.Text);
  expect(String(first.text1)).toBe('Waiting lists are too long');
  expect(first.text2).toBeInstanceOf(Y.Text);
  expect(String(first.text2)).toBe('');
  expect(first.title.length).toBeGreaterThan(0);
  expect(first.createdAt).toBeGreaterThan(0);
}

describe('migrations run when a board is loaded, before any client syncs', () => {
  it('a version-0 board reloaded after a restart arrives migrated in the very first sync', async () => {
    dir = await createTempDir();
    const seeding = await start(dir.path);
    await seedLegacyBoard(seeding);
    await seeding.close();

    const server = await start(dir.path);
    const first = await firstSyncOf(server);
    expectMigrated(first);

    // The migration was stored, and running it again on the next load changes nothing.
    const migrated = clients[0]?.doc;
    if (!migrated) throw new Error('no client');
    const vector = Y.encodeStateVector(migrated);
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
    const again = await start(dir.path);
    const second = await firstSyncOf(again);
    expectMigrated(second);
    expect(second.createdAt).toBe(first.createdAt);
    const reloaded = clients[0]?.doc;
    if (!reloaded) throw new Error('no client');
    expect(Y.encodeStateVector(reloaded)).toEqual(vector);
    expect(readNotes(reloaded).map((note) => note.text)).toEqual(expect.arrayContaining(['Waiting lists are too long', '']));
    expect(getNoteText(reloaded, 'legacy-1')?.toString()).toBe('Waiting lists are too long');
  });

  it('a version-0 board reloaded after its room unloads arrives migrated in the very first sync', async () => {
    dir = await createTempDir();
    const server = await start(dir.path, 50);
    await seedLegacyBoard(server);
    await waitFor(async () => sumMetric(await fetchMetrics(server.httpUrl), /^costudio_rooms$/) === 0, {
      what: 'the legacy room to unload',
    });
    expectMigrated(await firstSyncOf(server));
  });
});
