import { getNotesMap, type LaneId } from '@costudio/shared';
import * as Y from 'yjs';
import type { Connection } from '../relay/Connection.ts';
import type { UpdateGuard } from '../relay/UpdateGuard.ts';
import { laneOf, type NoteState, readNoteState, restoreNoteState } from './noteState.ts';

/** Transaction origin of the server undoing a participant's change to a locked lane. */
export const LANE_LOCK_ORIGIN = 'costudio:lane-lock';

/**
 * Enforces lane locks on the server. While any lane is locked, it keeps the state of every
 * note (kept current after each change by anyone); after an update from a participant (an
 * `edit` connection; facilitators are exempt) it compares each note the update touched with
 * its state before: a note that was or now is in a locked lane and changed — created there,
 * edited, recoloured, deleted, moved out of it or into it — is written back as it was.
 * Changes to notes in open lanes in the same update stand. With no lane locked it costs nothing.
 */
export class LaneLockGuard implements UpdateGuard {
  private notes: Y.Map<unknown> | null = null;
  private readonly states = new Map<string, NoteState>();
  /** Notes touched by the transactions since `touched` was last cleared. */
  private readonly touched = new Set<string>();
  private enforcing = false;

  /** `lockedLanes` is asked at every update; undefined means none. */
  constructor(private readonly lockedLanes: () => ReadonlySet<LaneId> | undefined) {}

  enforce(doc: Y.Doc, connection: Connection, apply: () => void): Uint8Array | null {
    const lanes = this.lockedLanes();
    if (!lanes || lanes.size === 0) {
      this.stopWatching();
      apply();
      return null;
    }
    const notes = this.watch(doc);
    if (connection.access !== 'edit') {
      apply();
      return null;
    }
    this.touched.clear();
    this.enforcing = true;
    try {
      apply();
    } finally {
      this.enforcing = false;
    }
    const refused: [string, NoteState | null][] = [];
    for (const id of this.touched) {
      const before = this.states.get(id) ?? null;
      const after = readNoteState(notes.get(id));
      if (before?.key === after?.key) continue;
      if (lanes.has(laneOf(before) as LaneId) || lanes.has(laneOf(after) as LaneId)) refused.push([id, before]);
    }
    this.remember(this.touched);
    if (refused.length === 0) return null;
    const undo: Uint8Array[] = [];
    const collect = (update: Uint8Array, origin: unknown) => {
      if (origin === LANE_LOCK_ORIGIN) undo.push(update);
    };
    doc.on('update', collect);
    try {
      doc.transact(() => {
        for (const [id, before] of refused) restoreNoteState(notes, id, before, LANE_LOCK_ORIGIN);
      }, LANE_LOCK_ORIGIN);
    } finally {
      doc.off('update', collect);
    }
    return undo.length === 0 ? null : undo.length === 1 ? (undo[0] as Uint8Array) : Y.mergeUpdates(undo);
  }

  /** Starts following the notes, reading every note's state once; returns the notes map. */
  private watch(doc: Y.Doc): Y.Map<unknown> {
    if (this.notes && this.notes.doc === doc) return this.notes;
    this.stopWatching();
    const notes: Y.Map<unknown> = getNotesMap(doc) as Y.Map<unknown>;
    notes.forEach((value, id) => {
      const state = readNoteState(value);
      if (state) this.states.set(id, state);
    });
    notes.observeDeep(this.onNotesChanged);
    this.notes = notes;
    return notes;
  }

  private stopWatching(): void {
    this.notes?.unobserveDeep(this.onNotesChanged);
    this.notes = null;
    this.states.clear();
  }

  private readonly onNotesChanged = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const touched = this.enforcing ? this.touched : new Set<string>();
    for (const event of events) {
      if (event.target === this.notes) {
        for (const id of (event as Y.YMapEvent<unknown>).keysChanged) if (id !== null) touched.add(id);
      } else if (typeof event.path[0] === 'string') {
        touched.add(event.path[0]);
      }
    }
    if (!this.enforcing) this.remember(touched);
  };

  private remember(ids: Iterable<string>): void {
    const notes = this.notes;
    if (!notes) return;
    for (const id of ids) {
      const state = readNoteState(notes.get(id));
      if (state) this.states.set(id, state);
      else this.states.delete(id);
    }
  }
}
