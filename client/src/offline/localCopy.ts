import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

/**
 * How long a local copy that has not opened yet holds back "All changes saved". A browser that
 * never opens IndexedDB (storage blocked) must not leave the status on "Saving…" for good; after
 * this the copy no longer counts until it opens.
 */
const OPEN_PATIENCE_MS = 10_000;

/** IndexedDB database holding one board's Yjs updates on this device. */
export function localCopyName(boardId: string): string {
  return `costudio-board-${boardId}`;
}

/**
 * Keeps the board on this device: everything received or typed is stored in IndexedDB and
 * loaded into `doc` when the board opens again, with or without a network. On reconnect the
 * provider's sync exchanges whatever each side lacks, so offline edits merge like any other.
 */
export function openLocalCopy(boardId: string, doc: Y.Doc): LocalCopy {
  return new LocalCopy(localCopyName(boardId), doc);
}

/**
 * y-indexeddb's persistence, plus whether the changes made on this device are stored yet.
 *
 * y-indexeddb writes each change in its own IndexedDB transaction and never says when that
 * transaction has committed. A page closed or reloaded before then loses the change on this
 * device: on a busy phone that takes longer than the relay's "saved" reply, so the board could
 * say "All changes saved" and then open offline without the note. After each change, this
 * queues a read on the same store: IndexedDB runs it only once every earlier write to that store
 * has finished, so its completion means all changes up to it are on the device.
 */
export class LocalCopy extends IndexeddbPersistence {
  /**
   * Changes made on this device seen so far, and how many of them are known to be stored.
   * Others' changes are stored just the same (and every check covers them), but waiting on them
   * would flicker "Saving…" whenever someone else types.
   */
  private seen = 0;
  private stored = 0;
  private checking = false;
  /** The copy cannot be vouched for (a write aborted, storage closed or refused): it no longer holds anything back. */
  private failed = false;
  private patient = true;
  private readonly patience: ReturnType<typeof setTimeout>;
  private readonly listeners = new Set<() => void>();

  constructor(name: string, doc: Y.Doc) {
    super(name, doc);
    // After y-indexeddb's own 'update' listener, so its write is queued before the check.
    doc.on('update', this.onUpdate);
    this.patience = setTimeout(() => {
      this.patient = false;
      this.notify();
    }, OPEN_PATIENCE_MS);
    this._db.then((db) => {
      db.addEventListener('abort', this.fail);
      db.addEventListener('close', this.fail);
    }, this.fail);
    this.whenSynced.then(() => {
      // Loading wrote the doc's state so far (in the transaction that read the stored updates).
      this.seen++;
      this.check();
    });
  }

  /**
   * True while a change made here is not yet stored on this device, including while the copy
   * is still opening (for up to OPEN_PATIENCE_MS). False once it cannot be stored at all.
   */
  isWriting(): boolean {
    if (this.failed || this._destroyed) return false;
    if (!this.synced) return this.patient;
    return this.stored < this.seen;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  override destroy(): Promise<void> {
    clearTimeout(this.patience);
    this.doc.off('update', this.onUpdate);
    this.listeners.clear();
    return super.destroy();
  }

  private readonly onUpdate = (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    if (!transaction.local) return;
    const wasWriting = this.isWriting();
    this.seen++;
    if (!wasWriting) this.notify();
    this.check();
  };

  private check(): void {
    const db = this.db;
    if (this.checking || !db || !this.synced || this.failed || this._destroyed || this.stored >= this.seen) return;
    const target = this.seen;
    let transaction: IDBTransaction;
    try {
      transaction = db.transaction(['updates'], 'readonly');
    } catch {
      this.fail();
      return;
    }
    this.checking = true;
    transaction.objectStore('updates').count();
    transaction.oncomplete = () => {
      this.checking = false;
      this.stored = target;
      if (this.stored < this.seen) this.check();
      else this.notify();
    };
  }

  private readonly fail = () => {
    if (this.failed) return;
    this.failed = true;
    this.notify();
  };

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
