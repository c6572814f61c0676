import { CloseCode, MESSAGE_SAVED } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../log.ts';
import { Metrics } from '../metrics.ts';
import type { Fanout } from '../scale/Fanout.ts';
import type { BoardStore, UpdateToStore } from '../storage/BoardStore.ts';
import { CommitQueue } from './CommitQueue.ts';
import type { Connection } from './Connection.ts';
import { FullStateCache } from './FullStateCache.ts';
import type { UpdateGuard } from './UpdateGuard.ts';
import { UpdateLog } from './UpdateLog.ts';
import { UpdateSequencer } from './UpdateSequencer.ts';

/** Records what reaches storage, and when, next to what the sockets are sent. */
function setup({ maxUpdates = 100, guard }: { maxUpdates?: number; guard?: UpdateGuard } = {}) {
  const timeline: string[] = [];
  let seq = 0;
  let failNext = false;
  const store = {
    appendUpdates(batch: readonly UpdateToStore[]): Promise<number[]> {
      if (failNext) {
        failNext = false;
        return Promise.reject(new Error('disk full'));
      }
      timeline.push(`stored ${batch.length}`);
      return Promise.resolve(batch.map(() => ++seq));
    },
    /** Durable at once, unless a test holds the disk: then when it calls `sync.finish()` (or fails it). */
    durable(): Promise<void> {
      if (!sync.held) return Promise.resolve();
      return new Promise((resolve, reject) => {
        sync.finish = (failed = false) => {
          timeline.push(failed ? 'sync failed' : 'synced');
          if (failed) reject(new Error('EIO'));
          else resolve();
        };
      });
    },
  };
  const sync = { held: false, finish: (_failed?: boolean) => {} };
  const connect = (name: string, saving = false) => {
    const closes: number[] = [];
    const connection = {
      access: 'edit',
      boardId: 'b',
      isOpen: true,
      savedClocks: saving ? new Map<number, number>() : null,
      send: (message: Uint8Array) => timeline.push(`${name} <- ${message[0] === MESSAGE_SAVED ? 'saved' : 'update'}`),
      // Committed updates are relayed framed once for every socket (FramedMessage); noted with
      // the notes the server's doc holds at that moment.
      sendFramed: () => timeline.push(`${name} <- update (doc: ${[...doc.getMap('notes').keys()].sort().join(',')})`),
      close: (code: number) => closes.push(code),
    };
    return { connection: connection as unknown as Connection, closes };
  };
  const doc = new Y.Doc();
  const connections = new Set<Connection>();
  let compactions = 0;
  const metrics = new Metrics(() => ({ rooms: 0, connections: 0 }));
  const commits = new CommitQueue(store as unknown as BoardStore, metrics, createLogger('silent'));
  const sequencer = new UpdateSequencer({
    boardId: 'b',
    doc,
    connections,
    log: new UpdateLog({ maxUpdates, maxBytes: 1_000_000 }),
    fullState: new FullStateCache(),
    commits,
    fanout: { publish: () => {} } as unknown as Fanout,
    logger: createLogger('silent'),
    metrics,
    isReady: () => true,
    compact: () => compactions++,
    guard,
  });
  const edit = (key: string) => {
    const source = new Y.Doc();
    source.getMap('notes').set(key, 1);
    return Y.encodeStateAsUpdate(source);
  };
  return {
    timeline,
    doc,
    connections,
    commits,
    sequencer,
    connect,
    edit,
    compactions: () => compactions,
    sync,
    failNextCommit: () => {
      failNext = true;
    },
  };
}

/** A guard that refuses note "a" (its undoing deletes it), saying beforehand whether it may. */
function undoingNoteA({ mayRefuse }: { mayRefuse: boolean }): UpdateGuard {
  return {
    mayRefuse: () => mayRefuse,
    enforce: (doc, _connection, apply) => {
      apply();
      const before = Y.encodeStateVector(doc);
      doc.getMap('notes').delete('a');
      return Y.encodeStateAsUpdate(doc, before);
    },
  };
}

describe('UpdateSequencer', () => {
  it('stores a group commit before relaying it, and tells a saving sender once per commit', async () => {
    const { timeline, connections, commits, sequencer, connect, edit, doc } = setup();
    const saver = connect('saver', true).connection;
    const other = connect('other').connection;
    connections.add(saver).add(other);
    for (const key of ['a', 'b', 'c']) sequencer.receive(saver, edit(key), false);
    await commits.whenIdle();
    expect(timeline).toEqual([
      'stored 3',
      'other <- update (doc: )',
      'other <- update (doc: a)',
      'other <- update (doc: a,b)',
      'saver <- saved',
    ]);
    expect([...doc.getMap('notes').keys()].sort()).toEqual(['a', 'b', 'c']);
  });

  it('relays a commit at once, and tells its saving sender only once the disk has it', async () => {
    const { timeline, connections, commits, sequencer, connect, edit, sync } = setup();
    sync.held = true;
    const saver = connect('saver', true).connection;
    connections.add(saver).add(connect('other').connection);
    sequencer.receive(saver, edit('a'), false);
    await new Promise((resolve) => setImmediate(resolve));
    expect(timeline).toEqual(['stored 1', 'other <- update (doc: )']);
    // An empty sync step 2 asks for an acknowledgement: it too waits for the disk.
    sequencer.receive(saver, Y.encodeStateAsUpdate(new Y.Doc()), true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(timeline).toEqual(['stored 1', 'other <- update (doc: )']);
    sync.finish();
    await commits.whenIdle();
    expect(timeline).toEqual(['stored 1', 'other <- update (doc: )', 'synced', 'saver <- saved', 'saver <- saved']);
  });

  it('closes a saving sender with STORAGE_FAILED, never saying "saved", when the disk will not flush its commit', async () => {
    const { timeline, connections, commits, sequencer, connect, edit, sync } = setup();
    sync.held = true;
    const { connection: saver, closes } = connect('saver', true);
    connections.add(saver).add(connect('other').connection);
    sequencer.receive(saver, edit('a'), false);
    await new Promise((resolve) => setImmediate(resolve));
    sync.finish(true);
    await commits.whenIdle();
    expect(timeline).toEqual(['stored 1', 'other <- update (doc: )', 'sync failed']);
    expect(closes).toEqual([CloseCode.STORAGE_FAILED]);
  });

  it('asks for a compaction once per group commit while the log is over its limit', async () => {
    const { commits, sequencer, connect, edit, compactions } = setup({ maxUpdates: 2 });
    const writer = connect('writer').connection;
    for (const key of ['a', 'b', 'c']) sequencer.receive(writer, edit(key), false);
    await commits.whenIdle();
    expect(compactions()).toBe(1);
  });

  it('closes the senders of a refused commit with STORAGE_FAILED and relays nothing', async () => {
    const { timeline, connections, commits, sequencer, connect, edit, doc, failNextCommit } = setup();
    const { connection: saver, closes } = connect('saver', true);
    connections.add(saver).add(connect('other').connection);
    failNextCommit();
    sequencer.receive(saver, edit('lost'), false);
    await commits.whenIdle();
    expect(closes).toEqual([CloseCode.STORAGE_FAILED]);
    expect(timeline).toEqual([]);
    expect(doc.getMap('notes').size).toBe(0);
  });

  it('resolves a server-made update once it is stored and applied, and rejects it when refused', async () => {
    const { timeline, connections, sequencer, connect, edit, doc, failNextCommit } = setup();
    connections.add(connect('reader').connection);
    await sequencer.commitServerUpdate(edit('restored'));
    expect(doc.getMap('notes').has('restored')).toBe(true);
    expect(timeline).toEqual(['stored 1', 'reader <- update (doc: )']);
    failNextCommit();
    await expect(sequencer.commitServerUpdate(edit('refused'))).rejects.toThrow('could not save');
    expect(doc.getMap('notes').has('refused')).toBe(false);
  });

  it('relays an update nothing of which can be refused before the server applies it', async () => {
    const applied: string[] = [];
    const guard: UpdateGuard = {
      mayRefuse: () => false,
      enforce: (doc, _connection, apply) => {
        apply();
        applied.push([...doc.getMap('notes').keys()].join(','));
        return null;
      },
    };
    const { timeline, connections, commits, sequencer, connect, edit } = setup({ guard });
    const writer = connect('writer').connection;
    connections.add(writer).add(connect('other').connection);
    sequencer.receive(writer, edit('a'), false);
    await commits.whenIdle();
    expect(timeline).toEqual(['stored 1', 'other <- update (doc: )']);
    // The guard still saw it applied (lane locks, voter bindings keep their state from this).
    expect(applied).toEqual(['a']);
  });

  it('judges an update the guard may refuse before anyone is sent it, and sends the others the update with its undoing', async () => {
    const guard = undoingNoteA({ mayRefuse: true });
    const { timeline, connections, commits, sequencer, connect, edit, doc } = setup({ guard });
    const writer = connect('writer').connection;
    connections.add(writer).add(connect('other').connection);
    sequencer.receive(writer, edit('a'), false);
    await commits.whenIdle();
    // Applied and undone before anything went out: the others never see note "a".
    expect(timeline).toEqual(['stored 1', 'other <- update (doc: )', 'writer <- update', 'stored 1']);
    expect(doc.getMap('notes').has('a')).toBe(false);
  });

  it('sends everyone the undoing of a change it relayed first when the guard undoes part of it after all', async () => {
    const guard = undoingNoteA({ mayRefuse: false });
    const { timeline, connections, commits, sequencer, connect, edit, doc } = setup({ guard });
    const writer = connect('writer').connection;
    connections.add(writer).add(connect('other').connection);
    sequencer.receive(writer, edit('a'), false);
    await commits.whenIdle();
    expect(timeline).toEqual([
      'stored 1',
      'other <- update (doc: )',
      'writer <- update (doc: )',
      'other <- update (doc: )',
      'stored 1',
    ]);
    expect(doc.getMap('notes').has('a')).toBe(false);
  });
});
