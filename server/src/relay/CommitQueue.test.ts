import { describe, expect, it } from 'vitest';
import { createLogger } from '../log.ts';
import { Metrics } from '../metrics.ts';
import { BoardDeletedError, type BoardStore, type UpdateToStore } from '../storage/BoardStore.ts';
import { CommitQueue, type QueuedCommit } from './CommitQueue.ts';

/**
 * Only appendUpdates and durable are used by the queue: rows numbered from 1, or a refusal when
 * told; syncs at once, or held until `finishSync` when `holdSyncs` is set.
 */
class FakeStore {
  batches: string[][] = [];
  failNext = false;
  deleted = new Set<string>();
  holdSyncs = false;
  private seq = 0;
  private syncs: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];

  durable(): Promise<void> {
    if (!this.holdSyncs) return Promise.resolve();
    return new Promise((resolve, reject) => this.syncs.push({ resolve, reject }));
  }

  /** Ends the oldest sync still running, or fails it (the disk said no). */
  finishSync(failed = false): void {
    const sync = this.syncs.shift();
    if (!sync) throw new Error('no sync is running');
    if (failed) sync.reject(new Error('EIO'));
    else sync.resolve();
  }

  appendUpdates(batch: readonly UpdateToStore[]): Promise<number[]> {
    this.batches.push(batch.map((update) => update.boardId));
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new Error('disk full'));
    }
    const gone = batch.find((update) => this.deleted.has(update.boardId));
    if (gone) return Promise.reject(new BoardDeletedError(gone.boardId));
    return Promise.resolve(batch.map(() => ++this.seq));
  }
}

function setup() {
  const store = new FakeStore();
  const lines: string[] = [];
  const deletedHeard: string[] = [];
  const queue = new CommitQueue(
    store as unknown as BoardStore,
    new Metrics(() => ({ rooms: 0, connections: 0 })),
    createLogger('error', (line) => lines.push(line)),
    (boardId) => deletedHeard.push(boardId),
  );
  const events: string[] = [];
  const settle = (commit: QueuedCommit, seq: number | null) => {
    events.push(`${commit.boardId}:${seq}`);
  };
  const saved = (commit: QueuedCommit) => {
    events.push(`${commit.boardId} saved`);
  };
  const unsaved = (commit: QueuedCommit) => {
    events.push(`${commit.boardId} unsaved`);
  };
  const commit = (boardId: string): QueuedCommit => ({ boardId, update: new Uint8Array([0]), settle, saved, unsaved });
  return { store, queue, events, commit, lines, deletedHeard };
}

describe('CommitQueue', () => {
  it('refuses a board deleted elsewhere and commits the rest of its batch', async () => {
    const { store, queue, events, commit, deletedHeard } = setup();
    store.deleted.add('gone');
    queue.enqueue(commit('a'));
    queue.enqueue(commit('gone'));
    queue.enqueue(commit('b'));
    queue.enqueue(commit('gone'));
    await queue.whenIdle();
    expect(store.batches).toEqual([
      ['a', 'gone', 'b', 'gone'],
      ['a', 'b'],
    ]);
    expect(events).toEqual(['a:1', 'gone:null', 'b:2', 'gone:null', 'a saved', 'b saved']);
    expect(deletedHeard).toEqual(['gone']);
  });

  it('commits what was queued in one callback as one batch and settles it in order', async () => {
    const { store, queue, events, commit } = setup();
    queue.enqueue(commit('a'));
    queue.enqueue(commit('b'));
    queue.enqueue(commit('a'));
    expect(events).toEqual([]);
    await queue.whenIdle();
    expect(store.batches).toEqual([['a', 'b', 'a']]);
    expect(events).toEqual(['a:1', 'b:2', 'a:3', 'a saved', 'b saved', 'a saved']);
  });

  it('hands out one promise per batch, resolved after the batch is settled and saved, and before idle waiters', async () => {
    const { queue, events, commit } = setup();
    const first = queue.enqueue(commit('a'));
    expect(queue.enqueue(commit('b'))).toBe(first);
    void first.then((committed) => events.push(`batch ${committed}`));
    void queue.whenIdle().then(() => events.push('idle'));
    await queue.whenIdle();
    expect(events).toEqual(['a:1', 'b:2', 'a saved', 'b saved', 'batch true', 'idle']);
  });

  it('settles (relays) a batch once committed, and saves it only once durable, while later batches go on', async () => {
    const { store, queue, events, commit } = setup();
    store.holdSyncs = true;
    const first = queue.enqueue(commit('a'));
    void first.then((ok) => events.push(`first ${ok}`));
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['a:1']);
    const second = queue.enqueue(commit('b'));
    void second.then((ok) => events.push(`second ${ok}`));
    await new Promise((resolve) => setImmediate(resolve));
    // The second batch was committed and settled while the first waited for the disk.
    expect(events).toEqual(['a:1', 'b:2']);
    let idle = false;
    void queue.whenIdle().then(() => {
      idle = true;
    });
    store.finishSync();
    await first;
    expect(events).toEqual(['a:1', 'b:2', 'a saved', 'first true']);
    expect(idle).toBe(false);
    store.finishSync();
    await queue.whenIdle();
    expect(events).toEqual(['a:1', 'b:2', 'a saved', 'first true', 'b saved', 'second true']);
  });

  it('keeps the acknowledgements in commit order when a later sync ends first', async () => {
    const { store, queue, events, commit } = setup();
    store.holdSyncs = true;
    queue.enqueue(commit('a'));
    await new Promise((resolve) => setImmediate(resolve));
    queue.enqueue(commit('b'));
    await new Promise((resolve) => setImmediate(resolve));
    // A store whose syncs may finish out of order: the second group's ends first.
    const syncs = (store as unknown as { syncs: Array<{ resolve: () => void }> }).syncs;
    syncs[1]?.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['a:1', 'b:2']);
    syncs[0]?.resolve();
    await queue.whenIdle();
    expect(events).toEqual(['a:1', 'b:2', 'a saved', 'b saved']);
  });

  it('marks a batch the disk would not sync unsaved, logs a failing disk once, and saves the next batch', async () => {
    const { store, queue, events, commit, lines } = setup();
    store.holdSyncs = true;
    for (const boardId of ['a', 'b']) {
      const refused = queue.enqueue(commit(boardId));
      await new Promise((resolve) => setImmediate(resolve));
      store.finishSync(true);
      expect(await refused).toBe(false);
    }
    expect(events).toEqual(['a:1', 'a unsaved', 'b:2', 'b unsaved']);
    expect(lines.filter((line) => line.includes('could not be synced to disk')).length).toBe(1);
    const next = queue.enqueue(commit('c'));
    await new Promise((resolve) => setImmediate(resolve));
    store.finishSync();
    expect(await next).toBe(true);
    expect(events).toEqual(['a:1', 'a unsaved', 'b:2', 'b unsaved', 'c:3', 'c saved']);
  });

  it('queues what arrives during a flush as the next batch, with its own promise', async () => {
    const { store, queue, events, commit } = setup();
    const first = queue.enqueue(commit('a'));
    await Promise.resolve();
    const second = queue.enqueue(commit('b'));
    expect(second).not.toBe(first);
    expect(await second).toBe(true);
    expect(store.batches).toEqual([['a'], ['b']]);
    expect(events).toEqual(['a:1', 'a saved', 'b:2', 'b saved']);
  });

  it('settles every update of a refused batch with null and resolves its promise with false', async () => {
    const { store, queue, events, commit, lines } = setup();
    store.failNext = true;
    const refused = queue.enqueue(commit('a'));
    queue.enqueue(commit('b'));
    expect(await refused).toBe(false);
    expect(events).toEqual(['a:null', 'b:null']);
    expect(lines.some((line) => line.includes('commit failed; updates not applied or relayed'))).toBe(true);
    expect(await queue.enqueue(commit('c'))).toBe(true);
  });

  it('keeps settling a batch when one callback throws', async () => {
    const { queue, events, commit, lines } = setup();
    queue.enqueue({
      ...commit('bad'),
      settle: () => {
        throw new Error('bug');
      },
    });
    queue.enqueue(commit('good'));
    await queue.whenIdle();
    expect(events).toEqual(['good:2', 'bad saved', 'good saved']);
    expect(lines.some((line) => line.includes('unexpected error applying a committed update'))).toBe(true);
  });
});
