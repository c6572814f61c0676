import fs from 'node:fs';
import { dirname } from 'node:path';
import { type Deferred, deferred } from '../deferred.ts';

export interface WalSyncOptions {
  /**
   * A sync starts at least this long (ms) after the one before started, so that under a steady
   * stream of commits one fsync covers several group commits: fewer trips to the thread pool and
   * the disk, for acknowledgements a few milliseconds later. Default 0.
   */
  readonly minIntervalMs?: number;
  /**
   * At most this often (ms) a sync also checks that the file it holds is still the WAL (one more
   * trip to the thread pool; SQLite removes the WAL only when the last connection closes).
   * Default 1000.
   */
  readonly relinkCheckMs?: number;
}

/**
 * Makes what was committed to a SQLite database in WAL mode survive power loss, off the event
 * loop: an `fdatasync` of the `-wal` file in libuv's thread pool, which is what SQLite itself does
 * at each commit under `synchronous = FULL` (in WAL mode a commit only appends frames to that
 * file; a checkpoint syncs the WAL before copying it and the database after). Commits made with
 * `synchronous = NORMAL` and then covered by `sync()` are as durable as FULL commits, but the
 * thread that committed does not wait for the disk.
 *
 * Group sync: every caller waiting when a sync starts is covered by it; callers that arrive while
 * it runs share the next one. Callers resolve in the order they called. This runs once per
 * group commit, so it uses the callback API on a plain descriptor and one promise per sync.
 */
export class WalSync {
  private fd: number | null = null;
  private running = false;
  /** The sync that starts when the running one ends, shared by everyone who asks meanwhile. */
  private next: Deferred<void> | null = null;
  private lastRelinkCheck = 0;
  /** When (performance.now()) the last sync started. */
  private lastStart = -Infinity;
  private closed = false;
  private whenStopped: (() => void) | null = null;

  /**
   * Syncs `${databaseFile}-wal`, the file SQLite appends commits to in WAL mode.
   */
  constructor(
    private readonly databaseFile: string,
    private readonly options: WalSyncOptions = {},
  ) {}

  /** Resolves once everything written to the WAL before this call is on disk; rejects if the disk said no. */
  sync(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the database is closed'));
    this.next ??= deferred<void>();
    const { promise } = this.next;
    if (!this.running) this.startNext();
    return promise;
  }

  /** Waits for the syncs under way, then lets go of the file (before SQLite removes it on close). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.running) await new Promise<void>((resolve) => (this.whenStopped = resolve));
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  private startNext(): void {
    const covered = this.next;
    this.next = null;
    if (!covered) {
      this.running = false;
      this.whenStopped?.();
      return;
    }
    this.running = true;
    const wait = this.lastStart + (this.options.minIntervalMs ?? 0) - performance.now();
    if (wait > 0) {
      // Waits with `covered` back in place, so whoever asks meanwhile shares this sync.
      this.next = covered;
      setTimeout(this.startCovered, wait);
      return;
    }
    this.lastStart = performance.now();
    this.syncOnce(0, (error) => {
      if (error) covered.reject(error);
      else covered.resolve();
      this.startNext();
    });
  }

  private readonly startCovered = (): void => {
    this.lastStart = -Infinity;
    this.startNext();
  };

  private syncOnce(attempt: number, done: (error: Error | null) => void): void {
    this.withWal((error, fd) => {
      if (error) return done(error);
      // No WAL (every connection closed and SQLite removed it after copying it back): what was
      // committed is in the database file.
      if (fd === null) return syncPath(this.databaseFile, done);
      fs.fdatasync(fd, (syncError) => {
        if (syncError) return done(syncError);
        const now = Date.now();
        if (attempt > 0 || now - this.lastRelinkCheck < (this.options.relinkCheckMs ?? 1_000)) return done(null);
        this.lastRelinkCheck = now;
        // A WAL removed and made anew since it was opened: that sync went to a file no one reads.
        fs.fstat(fd, (statError, stats) => {
          if (statError || stats.nlink > 0) return done(statError);
          this.fd = null;
          fs.close(fd, () => this.syncOnce(attempt + 1, done));
        });
      });
    });
  }

  /** The WAL's descriptor, opened on first use (and its name synced into its directory), or null if there is none. */
  private withWal(then: (error: Error | null, fd: number | null) => void): void {
    if (this.fd !== null) {
      then(null, this.fd);
      return;
    }
    fs.open(`${this.databaseFile}-wal`, 'r', (error, fd) => {
      if (error) return then(error.code === 'ENOENT' ? null : error, null);
      this.fd = fd;
      this.lastRelinkCheck = Date.now();
      // The WAL's own name in its directory must survive power loss too (SQLite creates the
      // file without syncing the directory in WAL mode).
      syncPath(dirname(this.databaseFile), (syncError) => then(syncError, fd));
    });
  }
}

function syncPath(path: string, done: (error: Error | null) => void): void {
  fs.open(path, 'r', (error, fd) => {
    if (error) return done(error);
    fs.fsync(fd, (syncError) => fs.close(fd, () => done(syncError)));
  });
}
