import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

/** IndexedDB database holding one board's Yjs updates on this device. */
export function localCopyName(boardId: string): string {
  return `costudio-board-${boardId}`;
}

/**
 * Keeps the board on this device: everything received or typed is stored in IndexedDB and
 * loaded into `doc` when the board opens again, with or without a network. On reconnect the
 * provider's sync exchanges whatever each side lacks, so offline edits merge like any other.
 */
export function openLocalCopy(boardId: string, doc: Y.Doc): IndexeddbPersistence {
  return new IndexeddbPersistence(localCopyName(boardId), doc);
}
