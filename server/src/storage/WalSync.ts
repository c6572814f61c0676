import { type FileHandle, open } from 'node:fs/promises';
import { dirname } from 'node:path';

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
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
 * it runs share the next one. Callers resolve in the order they called.
 */
export class WalSync {
  private handle: FileHandle | null = null;
  private waiting: Waiter[] = [];
  private running: Promise<void> | null = null;
  private directorySynced = false;
  private closed = false;

  /** Syncs `${databaseFile}-wal`, the file SQLite appends commits to in WAL mode. */
  constructor(private readonly databaseFile: string) {}

  /** Resolves once everything written to the WAL before this call is on disk; rejects if the disk said no. */
  sync(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the database is closed'));
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.running ??= this.drain();
    });
  }

  /** Waits for the syncs under way, then lets go of the file (before SQLite removes it on close). */
  async close(): Promise<void> {
    this.closed = true;
    await this.running;
    await this.handle?.close().catch(() => {});
    this.handle = null;
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const covered = this.waiting;
      this.waiting = [];
      try {
        await this.syncOnce();
        for (const waiter of covered) waiter.resolve();
      } catch (error) {
        for (const waiter of covered) waiter.reject(error);
      }
    }
    this.running = null;
  }

  private async syncOnce(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const handle = await this.walHandle();
      if (!handle) {
        // No WAL (every connection closed and SQLite removed it after copying it back): what
        // was committed is in the database file.
        await this.syncFile(this.databaseFile);
        return;
      }
      await handle.datasync();
      // A WAL removed and made anew since it was opened: the sync went to a file no one reads.
      if ((await handle.stat()).nlink > 0 || attempt > 0) return;
      this.handle = null;
      this.directorySynced = false;
      await handle.close().catch(() => {});
    }
  }

  private async walHandle(): Promise<FileHandle | null> {
    if (this.handle) return this.handle;
    try {
      this.handle = await open(`${this.databaseFile}-wal`, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    if (!this.directorySynced) {
      // The WAL's own name in its directory must survive power loss too (SQLite creates the
      // file without syncing the directory in WAL mode).
      await this.syncFile(dirname(this.databaseFile));
      this.directorySynced = true;
    }
    return this.handle;
  }

  private async syncFile(path: string): Promise<void> {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}
