import { getActivityMap, getNotesMap } from '@costudio/shared';
import * as Y from 'yjs';
import { readStored, writeStored } from '../device/deviceStorage.ts';

/** Beyond this many waiting changes the oldest are merged into a count, to bound storage. */
const MAX_TRACKED = 10_000;

/**
 * One change made on this device: [Yjs client id, clock just past the change, ids of the notes
 * it wrote to]. Without the third element the change wrote to something else (a vote, the
 * title; also every entry stored before notes were recorded); with an empty list it wrote only
 * the edit counts that go with editing a note, which is not counted on its own.
 */
type Change = [number, number, string[]?];

interface StoredPending {
  readonly changes: Change[];
}

/** What is waiting, as people think of it: notes, not keystrokes (issue 12). */
export interface PendingSummary {
  /** Notes written to (added, typed in, recoloured, moved) in changes not yet stored. */
  readonly notes: number;
  /** Waiting changes that wrote to no note (a vote, the board's title…). */
  readonly other: number;
}

const NOTHING_WAITING: PendingSummary = { notes: 0, other: 0 };

/**
 * "2 notes not yet saved", for the notice beside the sync status. Every keystroke is a change,
 * so counting changes said "44 changes waiting" for one note; a person thinks in notes.
 */
export function describePending({ notes, other }: PendingSummary): string {
  const parts: string[] = [];
  if (notes > 0) parts.push(notes === 1 ? '1 note' : `${notes} notes`);
  if (other > 0) {
    const changes = other === 1 ? 'change' : 'changes';
    parts.push(notes > 0 ? `${other} other ${changes}` : `${other} ${changes}`);
  }
  return `${parts.join(' and ')} not yet saved (kept on this device)`;
}

/**
 * Follows the changes made on this device that the relay has not yet confirmed as stored, and
 * which notes they wrote to.
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
  private changes: Change[];
  private summary: PendingSummary;
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
    this.summary = this.summarize();
    doc.on('update', this.onUpdate);
  }

  /** How many changes made on this device are not yet confirmed as stored by the relay. */
  count(): number {
    let waiting = 0;
    for (const [client, clock] of this.changes) if (clock > (this.covered.get(client) ?? 0)) waiting++;
    return waiting;
  }

  /** The notes (and other changes) waiting; the same object until it changes. */
  getSnapshot = (): PendingSummary => this.summary;

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

  destroy(): void {
    this.doc.off('update', this.onUpdate);
    this.listeners.clear();
  }

  private readonly onUpdate = (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    const clock = Y.getState(this.doc.store, this.doc.clientID);
    if (clock <= this.lastOwnClock) return;
    this.lastOwnClock = clock;
    const written = writtenBy(transaction, getNotesMap(this.doc), getActivityMap(this.doc));
    this.changes.push(written.other ? [this.doc.clientID, clock] : [this.doc.clientID, clock, written.notes]);
    if (this.changes.length > MAX_TRACKED) this.changes.splice(0, this.changes.length - MAX_TRACKED);
    this.changed();
  };

  private changed(): void {
    writeStored(this.key, { changes: this.changes } satisfies StoredPending);
    const next = this.summarize();
    if (next.notes === this.summary.notes && next.other === this.summary.other) return;
    this.summary = next;
    for (const listener of this.listeners) listener();
  }

  private summarize(): PendingSummary {
    const notes = new Set<string>();
    let other = 0;
    for (const [client, clock, ids] of this.changes) {
      if (clock <= (this.covered.get(client) ?? 0)) continue;
      if (ids) for (const id of ids) notes.add(id);
      else other++;
    }
    return notes.size === 0 && other === 0 ? NOTHING_WAITING : { notes: notes.size, other };
  }
}

/**
 * What a transaction wrote to: the ids of the notes (new notes, and notes whose fields or text
 * changed), and whether it wrote anything besides notes and edit counts.
 */
function writtenBy(transaction: Y.Transaction, notesMap: object, activityMap: object): { notes: string[]; other: boolean } {
  const ids = new Set<string>();
  let other = false;
  for (const [type, keys] of transaction.changed) {
    if (type === notesMap) {
      for (const key of keys) if (key !== null) ids.add(key);
      continue;
    }
    if (type === activityMap) continue;
    // Walk up from the changed type (a note's Y.Map, or its Y.Text) to the note in the notes map.
    let item = type._item;
    while (item && item.parent !== notesMap) item = (item.parent as Y.AbstractType<unknown> | null)?._item ?? null;
    if (item?.parentSub) ids.add(item.parentSub);
    else other = true;
  }
  return { notes: [...ids], other: other && ids.size === 0 };
}

function readChanges(stored: unknown): Change[] {
  const changes = (stored as Partial<StoredPending> | null)?.changes;
  if (!Array.isArray(changes)) return [];
  return changes.filter(
    (entry): entry is Change =>
      Array.isArray(entry) &&
      (entry.length === 2 || (entry.length === 3 && Array.isArray(entry[2]) && entry[2].every((id) => typeof id === 'string'))) &&
      Number.isInteger(entry[0]) &&
      Number.isInteger(entry[1]),
  );
}
