import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CURRENT_SCHEMA_VERSION, getMetaMap, migrateBoard, readMeta } from '@costudio/shared';
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Harness } from '../../../tests/support/harness.ts';
import { syncFrame } from '../../../tests/support/rawSocket.ts';
import { harnessPerTest } from '../../../tests/support/relayTestFixture.ts';
import { waitFor } from '../../../tests/support/waitFor.ts';
import { createLogger } from '../log.ts';
import { Metrics } from '../metrics.ts';
import { LocalFanout } from '../scale/LocalFanout.ts';
import type { BoardStore, StoredBoard } from '../storage/BoardStore.ts';
import { DATABASE_FILE, SqliteBoardStore } from '../storage/SqliteBoardStore.ts';
import { encodeSnapshot } from '../storage/snapshots.ts';
import { Relay } from './Relay.ts';

const startHarness = harnessPerTest();
let harness: Harness;

/** A real SQLite store whose loads wait until the test lets them finish. */
class GatedStore extends SqliteBoardStore {
  private release: (() => void) | null = null;
  private gate = new Promise<void>((resolve) => {
    this.release = resolve;
  });
  loadsStarted = 0;

  override async loadBoard(boardId: string): Promise<StoredBoard> {
    this.loadsStarted++;
    await this.gate;
    return super.loadBoard(boardId);
  }

  open(): void {
    this.release?.();
  }
}

describe('Room loading', () => {
  it('greets nobody until the board is loaded, then handles what arrived meanwhile in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'costudio-gated-'));
    const store = new GatedStore(join(dir, DATABASE_FILE));
    harness = await startHarness({ store: store as BoardStore });
    const early = await harness.raw('/sync/gated');
    const writer = new Y.Doc();
    writer.getMap('notes').set('sent-while-loading', 1);
    early.send(syncFrame(2, Y.encodeStateAsUpdate(writer)));
    await waitFor(() => store.loadsStarted === 1, 'the load to start');
    // While the load is held, the client has been told nothing at all.
    expect(early.frames).toEqual([]);
    store.open();
    await waitFor(() => early.frames.length > 0, 'the greeting');
    expect([...(early.frames[0] ?? []).slice(0, 2)]).toEqual([0, 0]);
    const stored = async () => {
      const doc = new Y.Doc();
      for (const row of (await store.loadBoard('gated')).log) Y.applyUpdate(doc, row.update);
      return doc.getMap('notes').get('sent-while-loading');
    };
    await waitFor(async () => (await stored()) === 1, 'the early update to be stored');
    await harness.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('migrates an old board and stores the migration before the first client syncs', async () => {
    harness = await startHarness();
    const old = new Y.Doc();
    getMetaMap(old).set('title', 'From 2019');
    old.getMap('notes').set('n1', new Y.Map(Object.entries({ lane: 'define', text: 'plain string' })));
    const store = new SqliteBoardStore(join(harness.dataDir, DATABASE_FILE), { backgroundCheckpoints: false });
    await store.appendUpdates([{ boardId: 'legacy', update: Y.encodeStateAsUpdate(old) }]);
    await store.close();
    const client = await harness.raw('/sync/legacy');
    await waitFor(() => client.frames.length > 0, 'the greeting');
    const stored = await harness.storedDoc('legacy');
    expect(readMeta(stored)).toMatchObject({ schemaVersion: CURRENT_SCHEMA_VERSION, title: 'From 2019' });
    expect((stored.getMap('notes').get('n1') as Y.Map<unknown>).get('text')).toBeInstanceOf(Y.Text);
  });
});

/** A real SQLite store where another instance creates each new board right after this one read it as absent. */
class RacedStore extends SqliteBoardStore {
  override async loadBoard(boardId: string): Promise<StoredBoard> {
    const stored = await super.loadBoard(boardId);
    if (stored.snapshot === null && stored.log.length === 0) {
      const theirs = new Y.Doc();
      migrateBoard(theirs, { title: 'Made on instance B' });
      theirs.getMap('notes').set('from-b', 1);
      await super.createBoard(boardId, encodeSnapshot(theirs));
    }
    return stored;
  }
}

describe('Two instances opening one new board at the same moment', () => {
  it('serves the board the other instance created, instead of refusing its clients', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'costudio-raced-'));
    const store = new RacedStore(join(dir, DATABASE_FILE));
    harness = await startHarness({ store: store as BoardStore });
    const client = await harness.raw('/sync/raced');
    client.send(syncFrame(0, Y.encodeStateVector(new Y.Doc())));
    await waitFor(() => client.frames.length >= 2, 'the board');
    const seen = new Y.Doc();
    for (const frame of client.frames) {
      const decoder = decoding.createDecoder(frame);
      if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) === 0) continue;
      Y.applyUpdate(seen, decoding.readVarUint8Array(decoder));
    }
    expect(client.isOpen()).toBe(true);
    expect(seen.getMap('notes').get('from-b')).toBe(1);
    expect(readMeta(seen).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    // What the client was sent is all stored: a restart serves the same board.
    const restored = new Y.Doc();
    const stored = await store.loadBoard('raced');
    if (stored.snapshot) Y.applyUpdate(restored, stored.snapshot.data);
    for (const row of stored.log) Y.applyUpdate(restored, row.update);
    expect(Y.encodeStateVector(restored)).toEqual(Y.encodeStateVector(seen));
    await harness.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('Room answering before the board is decoded', () => {
  /** Stores board `id` as a snapshot, with a log row too when asked; loads stay held until `open()`. */
  async function gatedBoard(id: string, { schemaVersion, withLog }: { schemaVersion?: number; withLog?: boolean }) {
    const dir = mkdtempSync(join(tmpdir(), 'costudio-early-'));
    const store = new GatedStore(join(dir, DATABASE_FILE));
    const doc = new Y.Doc();
    migrateBoard(doc, { title: 'Early bird' });
    const snapshot = encodeSnapshot(doc);
    await store.createBoard(
      id,
      schemaVersion === undefined ? { data: snapshot.data, encoding: 'v1' } : { ...snapshot, schemaVersion },
    );
    if (withLog) {
      doc.getMap('notes').set('logged', 1);
      await store.appendUpdates([{ boardId: id, update: Y.encodeStateAsUpdate(doc) }]);
    }
    harness = await startHarness({ store: store as BoardStore });
    const client = await harness.raw(`/sync/${id}`);
    client.send(syncFrame(0, Y.encodeStateVector(new Y.Doc())));
    await waitFor(() => store.loadsStarted === 1, 'the load to start');
    store.open();
    await waitFor(() => client.frames.length >= 2, 'two messages');
    const cleanup = async () => {
      await harness.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    };
    return { client, cleanup };
  }

  const syncTypeOf = (message: Uint8Array | undefined) => [...(message ?? []).slice(0, 2)];

  it('sends a current, log-free snapshot to an empty client before its own sync step 1', async () => {
    const { client, cleanup } = await gatedBoard('early', { schemaVersion: CURRENT_SCHEMA_VERSION });
    // Step 2 first: it was sent while the room was still loading, before the room greeted anyone.
    expect(syncTypeOf(client.frames[0])).toEqual([0, 1]);
    expect(syncTypeOf(client.frames[1])).toEqual([0, 0]);
    const received = new Y.Doc();
    const decoder = decoding.createDecoder(client.frames[0] as Uint8Array);
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    Y.applyUpdate(received, decoding.readVarUint8Array(decoder));
    expect(readMeta(received).title).toBe('Early bird');
    // Its step 1 was answered once, not again after the load (the awareness reply comes after any such answer).
    client.send(new Uint8Array([3]));
    await waitFor(() => client.frames.some((message) => message[0] === 1), 'the awareness reply');
    expect(client.frames.filter((message) => message[0] === 0 && message[1] === 1)).toHaveLength(1);
    await cleanup();
  });

  it.each([
    ['the snapshot has no recorded schema version', { schemaVersion: undefined }],
    ['the snapshot is at an older schema version', { schemaVersion: CURRENT_SCHEMA_VERSION - 1 }],
    ['the log has rows', { schemaVersion: CURRENT_SCHEMA_VERSION, withLog: true }],
  ])('greets first and answers after the load when %s', async (_, options) => {
    const { client, cleanup } = await gatedBoard('late', options);
    expect(syncTypeOf(client.frames[0])).toEqual([0, 0]);
    expect(syncTypeOf(client.frames[1])).toEqual([0, 1]);
    await cleanup();
  });
});

describe('a loaded room’s doc', () => {
  it('keeps no Yjs update listener, so Yjs does not encode every committed edit a second time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'costudio-listeners-'));
    const store = new SqliteBoardStore(join(dir, DATABASE_FILE));
    const metrics = new Metrics(() => ({ rooms: 0, connections: 0 }));
    const relay = new Relay({
      store,
      fanout: new LocalFanout(),
      logger: createLogger('silent'),
      metrics,
      unloadDelayMs: 60_000,
      compactMaxUpdates: 500,
      compactMaxBytes: 1024 * 1024,
    });
    try {
      const room = await relay.openRoom('quiet');
      const edit = new Y.Doc();
      edit.getMap('notes').set('n1', 'hello');
      await relay.commitServerUpdate(room, Y.encodeStateAsUpdate(edit));
      expect(room.doc.getMap('notes').get('n1')).toBe('hello');
      // lib0's Observable keeps its listeners here; Yjs encodes a transaction's update only for them.
      const observers = (room.doc as unknown as { _observers: Map<string, Set<unknown>> })._observers;
      expect(observers.get('update')?.size ?? 0).toBe(0);
    } finally {
      await relay.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
