import * as Y from 'yjs';
import { readStored, writeStored } from '../device/deviceStorage.ts';

/** Beyond this many waiting changes the oldest are merged into a count, to bound storage. */
const MAX_TRACKED = 10_000;

interface StoredPending {
  /** [Yjs client id, clock just past the change] per change made on this device. */
  readonly changes: [number, number][];
}

/**
 * Counts the changes made on this device that the relay has not yet confirmed as stored.
 *
 * A change is a local transaction that wrote new content, recorded as the device's clock after
 * it. It stops waiting once a state vector the relay sent covers that clock: either its sync
 * step 1 (what storage already held when we connected) or a MESSAGE_SAVED acknowledgement (what
 * it has just committed). The list is kept in localStorage, so changes made offline in an
 * earlier visit (under an earlier Yjs client id, restored from IndexedDB) still count until the
 * relay has them. Deletions create no new content and are invisible to state vectors; they
 * travel with the rest of the doc but are not counted.
 */
export class PendingChanges {
  private changes: [number, number][];
  private readonly covered = new Map<number, number>();
  private readonly listeners = new Set<() => void>();
  private lastOwnClock: number;
  private readonly key: string;

  constructor(
    private readonly doc: Y.Doc,
    boardId: string,
  ) {
    this.key = `costudio.pending.${boardId}`;
    this.changes = readChanges(readStored(this.key));
    this.lastOwnClock = Y.getState(doc.store, doc.clientID);
    doc.on('update', this.onUpdate);
  }

  /** How many changes made on this device are not yet confirmed as stored by the relay. */
  count(): number {
    let waiting = 0;
    for (const [client, clock] of this.changes) if (clock > (this.covered.get(client) ?? 0)) waiting++;
    return waiting;
  }

  /** Takes a state vector the relay vouches for (stored or committed) into account. */
  cover(stateVector: Map<number, number>): void {
    let progressed = false;
    for (const [client, clock] of stateVector) {
      if (clock > (this.covered.get(client) ?? 0)) {
        this.covered.set(client, clock);
        progressed = true;
      }
    }
    if (!progressed) return;
    const before = this.changes.length;
    this.changes = this.changes.filter(([client, clock]) => clock > (this.covered.get(client) ?? 0));
    if (this.changes.length !== before) this.changed();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): number => this.count();

  destroy(): void {
    this.doc.off('update', this.onUpdate);
    this.listeners.clear();
  }

  private readonly onUpdate = () => {
    const clock = Y.getState(this.doc.store, this.doc.clientID);
    if (clock <= this.lastOwnClock) return;
    this.lastOwnClock = clock;
    this.changes.push([this.doc.clientID, clock]);
    if (this.changes.length > MAX_TRACKED) this.changes.splice(0, this.changes.length - MAX_TRACKED);
    this.changed();
  };

  private changed(): void {
    writeStored(this.key, { changes: this.changes } satisfies StoredPending);
    for (const listener of this.listeners) listener();
  }
}

function readChanges(stored: unknown): [number, number][] {
  const changes = (stored as Partial<StoredPending> | null)?.changes;
  if (!Array.isArray(changes)) return [];
  return changes.filter(
    (entry): entry is [number, number] =>
      Array.isArray(entry) && entry.length === 2 && Number.isInteger(entry[0]) && Number.isInteger(entry[1]),
  );
}
