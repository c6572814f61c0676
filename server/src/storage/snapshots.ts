import * as Y from 'yjs';
import type { Snapshot } from './BoardStore.ts';

/** The whole doc as a snapshot, in the V2 encoding (smaller, faster to load). */
export function encodeSnapshot(doc: Y.Doc): Snapshot {
  return { data: Y.encodeStateAsUpdateV2(doc), encoding: 'v2' };
}

/** Applies a stored snapshot in whichever encoding it was written. Throws if it is unreadable. */
export function applySnapshot(doc: Y.Doc, snapshot: Snapshot, origin?: unknown): void {
  if (snapshot.encoding === 'v2') Y.applyUpdateV2(doc, snapshot.data, origin);
  else Y.applyUpdate(doc, snapshot.data, origin);
}
