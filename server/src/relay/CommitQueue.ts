import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { BoardStore, UpdateToStore } from '../storage/BoardStore.ts';
import type { Connection } from './Connection.ts';

/** An update waiting for the next group commit. */
export interface PendingCommit extends UpdateToStore {
  readonly target: CommitTarget;
  /** The socket it came from, or null for updates the server made itself. */
  readonly connection: Connection | null;
  /** Per Yjs client id, the clock just past this update's last struct (for MESSAGE_SAVED). */
  readonly clocks: ReadonlyMap<number, number>;
}

/** The room an update belongs to; told the outcome of the commit. */
export interface CommitTarget {
  /** The update is durable as row `seq`: now apply it and relay it. */
  applyCommitted(commit: PendingCommit, seq: number): void;
  /** Storage refused the batch this update was in; it must not be applied or relayed. */
  commitFailed(commit: PendingCommit, reason: string): void;
  /** Called once per flush after all of the room's updates in it were applied. */
  afterFlush(): void;
  /** Sends MESSAGE_SAVED to a connection whose writes in this flush are now durable. */
  acknowledge(connection: Connection): void;
}

/**
 * Group commit: updates received in one I/O callback (e.g. every frame of one TCP read) are
 * written in a single storage transaction as soon as that callback returns (a microtask, so an
 * update is not held behind other sockets' reads), and only then applied and relayed; updates
 * that arrive while a commit is in flight form the next batch. One flush runs at a
 * time, so rows are committed and applied in the order they arrived.
 */
export class CommitQueue {
  private queue: PendingCommit[] = [];
  private scheduled = false;
  private flushing = false;
  private idleWaiters: Array<() => void> = [];
  private readonly flushNow = () => {
    void this.flush();
  };

  constructor(
    private readonly store: BoardStore,
    private readonly metrics: Metrics,
    private readonly logger: Logger,
  ) {}

  get size(): number {
    return this.queue.length;
  }

  enqueue(commit: PendingCommit): void {
    this.queue.push(commit);
    this.schedule();
  }

  /** Resolves once every update enqueued so far has been committed (or refused) and applied. */
  whenIdle(): Promise<void> {
    if (!this.flushing && !this.scheduled && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
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
    this.queue = [];
    try {
      const seqs = await this.commit(batch);
      if (seqs) this.applyAll(batch, seqs);
    } finally {
      this.flushing = false;
      if (this.queue.length > 0) this.schedule();
      else this.notifyIdle();
    }
  }

  private async commit(batch: PendingCommit[]): Promise<number[] | null> {
    const started = performance.now();
    try {
      const seqs = await this.store.appendUpdates(batch);
      this.metrics.persistSeconds.observe((performance.now() - started) / 1000);
      this.metrics.updatesCommitted += batch.length;
      return seqs;
    } catch (error) {
      this.metrics.commitFailures++;
      const reason = 'The server could not save this change';
      this.logger.error('commit failed; updates not applied or relayed', {
        error,
        updates: batch.length,
        boards: [...new Set(batch.map((c) => c.boardId))].slice(0, 20),
      });
      for (const commit of batch) {
        try {
          commit.target.commitFailed(commit, reason);
        } catch (failure) {
          this.logger.error('unexpected error refusing an update', { boardId: commit.boardId, error: failure });
        }
      }
      return null;
    }
  }

  private applyAll(batch: PendingCommit[], seqs: number[]): void {
    const targets = new Set<CommitTarget>();
    const acknowledged = new Map<Connection, CommitTarget>();
    for (let i = 0; i < batch.length; i++) {
      const commit = batch[i] as PendingCommit;
      targets.add(commit.target);
      // A failure in one room must not stop the others in the same flush.
      try {
        commit.target.applyCommitted(commit, seqs[i] as number);
      } catch (error) {
        this.logger.error('unexpected error applying a committed update', { boardId: commit.boardId, error });
      }
      if (commit.connection?.savedClocks) acknowledged.set(commit.connection, commit.target);
    }
    for (const [connection, target] of acknowledged) {
      try {
        target.acknowledge(connection);
      } catch (error) {
        this.logger.error('unexpected error acknowledging a commit', { boardId: connection.boardId, error });
      }
    }
    for (const target of targets) {
      try {
        target.afterFlush();
      } catch (error) {
        this.logger.error('unexpected error after a flush', { error });
      }
    }
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
