import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CURRENT_SCHEMA_VERSION, getMetaMap, readMeta } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BoardStore, StoredBoard } from '../storage/BoardStore.ts';
import { DATABASE_FILE, SqliteBoardStore } from '../storage/SqliteBoardStore.ts';
import { type Harness, waitFor } from '../testing/harness.ts';
import { harnessPerTest, syncFrame } from './relayTestFixture.ts';

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
    expect(early.messages).toEqual([]);
    store.open();
    await waitFor(() => early.messages.length > 0, 'the greeting');
    expect([...(early.messages[0] ?? []).slice(0, 2)]).toEqual([0, 0]);
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
    await waitFor(() => client.messages.length > 0, 'the greeting');
    const stored = await harness.storedDoc('legacy');
    expect(readMeta(stored)).toMatchObject({ schemaVersion: CURRENT_SCHEMA_VERSION, title: 'From 2019' });
    expect((stored.getMap('notes').get('n1') as Y.Map<unknown>).get('text')).toBeInstanceOf(Y.Text);
  });
});
