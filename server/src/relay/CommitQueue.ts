import { type Deferred, deferred } from '../deferred.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import { BoardDeletedError, type BoardStore, type UpdateToStore } from '../storage/BoardStore.ts';

/** An update waiting for the next group commit, with what to do once its fate is known. */
export interface QueuedCommit extends UpdateToStore {
  /**
   * Called with the update's row seq once the group commit holding it is durable, or with null
   * when storage refused that commit (then it must not be applied or relayed). Called in the
   * order updates were queued, all of one group commit in one go. A shared function rather than
   * a closure per update: this is the path every edit takes. (Method syntax, so that a caller's
   * own commit type, which `this` stands for, is accepted.)
   */
  settle(commit: this, seq: number | null): void;
  /**
   * Called once the update survives what the store promises (a power cut, with SQLite FULL; see
   * BoardStore.durable), in queue order, after every update settled before it: when its sender
   * may be told it is saved. Not called for an update storage refused, nor when the disk would
   * not sync it (then `unsaved` is).
   */
  saved?(commit: this): void;
  /**
   * Called instead of `saved` when the disk refused the sync that would have made this update
   * durable: after an I/O error on flush, the operating system may have dropped what it held, so
   * its sender must not be told "saved" later, by a sync that succeeds.
   */
  unsaved?(commit: this): void;
}

/** What a client is told when the group commit holding its update failed. */
export const COMMIT_FAILED_REASON = 'The server could not save this change';

/**
 * Group commit: updates received in one I/O callback (e.g. every frame of one TCP read) are
 * written in a single storage transaction as soon as that callback returns (a microtask, so an
 * update is not held behind other sockets' reads), and only then applied and relayed; updates
 * that arrive while a commit is in flight form the next batch. One flush runs at a
 * time, so rows are committed and applied in the order they arrived.
 *
 * Committed is not yet saved: a group is acknowledged (`saved`, then its `enqueue` promise) once
 * the store says it is durable, in commit order, while later groups commit and relay meanwhile.
 * So a power-loss-safe store's fsync delays only the "saved" tick, never anyone's view.
 */
export class CommitQueue {
  private queue: QueuedCommit[] = [];
  /** The promise `enqueue` hands out for the batch being gathered; one per batch, not per update. */
  private next: Deferred<boolean> | null = null;
  private scheduled = false;
  private flushing = false;
  private idleWaiters: Array<() => void> = [];
  /** The last committed group's acknowledgement; each waits for the one before. */
  private acknowledging: Promise<void> = Promise.resolve();
  /** The disk refused the last sync (logged once until it syncs again). */
  private syncFailing = false;
  private readonly flushNow = () => {
    void this.flush();
  };

  /**
   * `onBoardDeleted` hears of a board the store refused as deleted (by another instance, since
   * this one drops a board's room before deleting it): its updates are refused, the rest of the
   * batch is committed without them.
   */
  constructor(
    private readonly store: BoardStore,
    private readonly metrics: Metrics,
    private readonly logger: Logger,
    private readonly onBoardDeleted: (boardId: string) => void = () => {},
  ) {}

  get size(): number {
    return this.queue.length;
  }

  /**
   * Adds an update to the next group commit. Returns that commit's promise, the same object for
   * every update in it: it resolves after every update in it was settled and, if durable, saved,
   * with whether it was (committed and durable), so a caller can do per-commit work
   * (acknowledgements, compaction) once per batch. Batches resolve in commit order.
   */
  enqueue(commit: QueuedCommit): Promise<boolean> {
    this.queue.push(commit);
    this.next ??= deferred<boolean>();
    this.schedule();
    return this.next.promise;
  }

  /** Resolves once every group committed so far was acknowledged: all of it is durable, or refused. */
  whenSaved(): Promise<void> {
    return this.acknowledging;
  }

  /** Resolves once every update enqueued so far has been committed (or refused), applied and acknowledged. */
  async whenIdle(): Promise<void> {
    for (;;) {
      if (this.flushing || this.scheduled || this.queue.length > 0) {
        await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
        continue;
      }
      const acknowledging = this.acknowledging;
      await acknowledging;
      if (acknowledging === this.acknowledging && !this.flushing && !this.scheduled && this.queue.length === 0) return;
    }
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    queueMicrotask(this.flushNow);
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    this.flushing = true;
    const batch = this.queue;
    const done = this.next;
    this.queue = [];
    this.next = null;
    let seqs: (number | null)[] | null = null;
    try {
      seqs = await this.commit(batch);
      this.settleAll(batch, seqs);
    } finally {
      // Asked now, so that one sync covers this group; acknowledged after the groups before it.
      const committed = seqs;
      const durable = committed ? this.durable(batch.length) : Promise.resolve(false);
      const previous = this.acknowledging;
      this.acknowledging = durable.then(async (synced) => {
        await previous;
        this.acknowledge(batch, committed, synced, done);
      });
      this.flushing = false;
      if (this.queue.length > 0) this.schedule();
      else this.notifyIdle();
    }
  }

  /** Whether what was just committed survives as the store promises; false when the disk refused. */
  private async durable(updates: number): Promise<boolean> {
    try {
      await this.store.durable();
      if (this.syncFailing) {
        this.syncFailing = false;
        this.logger.warn('the disk syncs again; saved edits are acknowledged again');
      }
      return true;
    } catch (error) {
      this.metrics.commitFailures++;
      if (!this.syncFailing) {
        // Once per streak: a failing disk would otherwise log every group commit.
        this.syncFailing = true;
        this.logger.error(
          'committed updates could not be synced to disk; their senders are disconnected, never told they are saved',
          {
            error,
            updates,
          },
        );
      }
      return false;
    }
  }

  /** `saved` (or `unsaved`) for each stored update of a group, then the group's promise: in commit order. */
  private acknowledge(
    batch: QueuedCommit[],
    seqs: (number | null)[] | null,
    synced: boolean,
    done: Deferred<boolean> | null,
  ): void {
    if (seqs) {
      for (let i = 0; i < batch.length; i++) {
        const commit = batch[i] as QueuedCommit;
        if (seqs[i] === null) continue;
        try {
          if (synced) commit.saved?.(commit);
          else commit.unsaved?.(commit);
        } catch (error) {
          this.logger.error('unexpected error acknowledging a saved update', { boardId: commit.boardId, error });
        }
      }
    }
    done?.resolve(seqs !== null && synced);
  }

  /** Each update's seq, or null for a deleted board's; null for all when storage failed. */
  private async commit(batch: QueuedCommit[]): Promise<(number | null)[] | null> {
    const started = performance.now();
    const deleted = new Set<string>();
    let pending = batch;
    try {
      for (;;) {
        try {
          const seqs = pending.length > 0 ? await this.store.appendUpdates(pending) : [];
          this.metrics.persistSeconds.observe((performance.now() - started) / 1000);
          this.metrics.updatesCommitted += pending.length;
          if (deleted.size === 0) return seqs;
          let next = 0;
          return batch.map((commit) => (deleted.has(commit.boardId) ? null : (seqs[next++] as number)));
        } catch (error) {
          // One deleted board must not fail the other boards' edits in the same group commit.
          if (!(error instanceof BoardDeletedError) || deleted.has(error.boardId)) throw error;
          deleted.add(error.boardId);
          this.logger.info('board deleted elsewhere; its updates are refused', { boardId: error.boardId });
          this.onBoardDeleted(error.boardId);
          pending = pending.filter((commit) => commit.boardId !== error.boardId);
        }
      }
    } catch (error) {
      this.metrics.commitFailures++;
      this.logger.error('commit failed; updates not applied or relayed', {
        error,
        updates: batch.length,
        boards: [...new Set(batch.map((c) => c.boardId))].slice(0, 20),
      });
      return null;
    }
  }

  private settleAll(batch: QueuedCommit[], seqs: (number | null)[] | null): void {
    for (let i = 0; i < batch.length; i++) {
      const commit = batch[i] as QueuedCommit;
      // A failure in one room must not stop the others in the same flush.
      try {
        commit.settle(commit, seqs ? (seqs[i] ?? null) : null);
      } catch (error) {
        const message = seqs ? 'unexpected error applying a committed update' : 'unexpected error refusing an update';
        this.logger.error(message, { boardId: commit.boardId, error });
      }
    }
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
