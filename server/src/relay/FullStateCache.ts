import * as Y from 'yjs';
import type { Snapshot } from '../storage/BoardStore.ts';
import { encodeSyncStep1, encodeSyncStep2 } from './messages.ts';

/**
 * What every joining client is sent, encoded once and reused until the doc changes: the sync
 * step 2 for a client whose document is empty (the whole board: a cold join of a large board
 * would otherwise encode megabytes per client), and the relay's own sync step 1 (its state
 * vector, ~50 µs to encode per socket when 5,000 join a loaded board).
 */
export class FullStateCache {
  private message: Uint8Array | null = null;
  private step1: Uint8Array | null = null;

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

  /** The relay's sync step 1 (its state vector) for `doc`. */
  greetingFor(doc: Y.Doc): Uint8Array {
    this.step1 ??= encodeSyncStep1(doc);
    return this.step1;
  }

  /** The doc changed. */
  clear(): void {
    this.message = null;
    this.step1 = null;
  }
}
