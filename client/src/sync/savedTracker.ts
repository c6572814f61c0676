import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/**
 * Follows how far this device's own changes are durably saved by the relay, from the
 * MESSAGE_SAVED frames (a state vector restricted to the client ids this connection wrote).
 * The saved clock only grows: storage is durable, so a reconnect cannot "unsave" anything.
 */
export class SavedTracker {
  private savedClock = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly doc: Y.Doc) {}

  /** Reads the payload of a MESSAGE_SAVED frame (after its type varint). */
  readSavedMessage(decoder: decoding.Decoder): void {
    const stateVector = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
    const clock = stateVector.get(this.doc.clientID);
    if (clock !== undefined && clock > this.savedClock) {
      this.savedClock = clock;
      this.notify();
    }
  }

  /** True when every change made on this device is in storage. */
  allSaved(): boolean {
    return Y.getState(this.doc.store, this.doc.clientID) <= this.savedClock;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
