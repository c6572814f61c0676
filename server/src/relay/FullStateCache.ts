import * as Y from 'yjs';
import type { Snapshot } from '../storage/BoardStore.ts';
import { encodeSyncStep2 } from './messages.ts';

/**
 * The sync step 2 for a client whose document is empty: the whole board, encoded once and
 * reused for every such client until the doc changes (a cold join of a large board would
 * otherwise encode megabytes per client).
 */
export class FullStateCache {
  private message: Uint8Array | null = null;

  /** The cached answer, if there is one, without encoding anything. */
  get cached(): Uint8Array | null {
    return this.message;
  }

  /** A V1 snapshot of exactly the current doc is already that answer's payload. */
  fromSnapshot(snapshot: Snapshot): void {
    if (snapshot.encoding === 'v1') this.message ??= encodeSyncStep2(snapshot.data);
  }

  answerFor(doc: Y.Doc): Uint8Array {
    this.message ??= encodeSyncStep2(Y.encodeStateAsUpdate(doc));
    return this.message;
  }

  /** The doc changed. */
  clear(): void {
    this.message = null;
  }
}
