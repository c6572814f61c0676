import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applySyncFrames, syncFrame } from '../../../tests/support/rawSocket.ts';
import { harnessPerTest } from '../../../tests/support/relayTestFixture.ts';
import { waitFor } from '../../../tests/support/waitFor.ts';
import type { Fanout, FanoutMessage } from '../scale/Fanout.ts';
import type { BoardStore, StoredBoard } from '../storage/BoardStore.ts';
import { DATABASE_FILE, SqliteBoardStore } from '../storage/SqliteBoardStore.ts';

const startHarness = harnessPerTest();
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A cross-instance fanout the test plays the other instances of; it notes what happens, in order. */
class ScriptedFanout implements Fanout {
  readonly crossInstance = true;
  readonly events: string[] = [];
  readonly published: FanoutMessage[] = [];
  deliver: ((message: FanoutMessage) => void) | null = null;
  async subscribe(boardId: string, deliver: (message: FanoutMessage) => void): Promise<void> {
    this.events.push(`subscribe ${boardId}`);
    this.deliver = deliver;
  }
  unsubscribe(): void {
    this.deliver = null;
  }
  publish(_boardId: string, message: FanoutMessage): void {
    this.published.push(message);
  }
  async close(): Promise<void> {}
}

/** A real SQLite store whose loads wait until the test lets them finish, noting when they start. */
class GatedStore extends SqliteBoardStore {
  events: string[] = [];
  private release: (() => void) | null = null;
  private readonly gate = new Promise<void>((resolve) => {
    this.release = resolve;
  });
  override async loadBoard(boardId: string): Promise<StoredBoard> {
    this.events.push(`load ${boardId}`);
    await this.gate;
    return super.loadBoard(boardId);
  }
  open(): void {
    this.release?.();
  }
}

describe('a room following other instances', () => {
  it('subscribes before it reads the board, and applies what another instance committed meanwhile once it greets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'costudio-follow-'));
    dirs.push(dir);
    const store = new GatedStore(join(dir, DATABASE_FILE));
    const fanout = new ScriptedFanout();
    store.events = fanout.events;
    const harness = await startHarness({ store: store as BoardStore, fanout });
    const client = await harness.raw('/sync/followed');
    client.send(syncFrame(0, Y.encodeStateVector(new Y.Doc())));
    await waitFor(() => fanout.events.includes('load followed'), 'the load to start');
    expect(fanout.events).toEqual(['subscribe followed', 'load followed']);

    // Another instance commits while this one reads: its message arrives before the room is ready.
    const elsewhere = new Y.Doc();
    elsewhere.getMap('notes').set('from-b', 1);
    const other = new SqliteBoardStore(join(dir, DATABASE_FILE), { backgroundCheckpoints: false });
    const [seq] = await other.appendUpdates([{ boardId: 'followed', update: Y.encodeStateAsUpdate(elsewhere) }]);
    await other.close();
    fanout.deliver?.({ kind: 'update', seq: seq as number, update: Y.encodeStateAsUpdate(elsewhere) });
    expect(client.frames).toEqual([]);

    store.open();
    const seen = new Y.Doc();
    await waitFor(() => {
      applySyncFrames(seen, client.frames);
      return seen.getMap('notes').get('from-b') === 1;
    }, 'the other instance’s note');
    // The room asked the others who is present once it was ready.
    expect(fanout.published).toContainEqual({ kind: 'awareness-query' });
    await harness.close();
    await store.close();
  });
});
