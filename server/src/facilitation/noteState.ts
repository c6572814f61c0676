import { applyTextEdit } from '@costudio/shared';
import * as Y from 'yjs';

/**
 * What a note holds, as plain values: every key of its Y.Map (nested types as JSON) and the
 * text of its `text` Y.Text. `key` is a canonical string of all of it, so two states compare
 * with one string comparison.
 */
export interface NoteState {
  readonly fields: ReadonlyMap<string, unknown>;
  readonly text: string | null;
  readonly key: string;
}

/** The state of a note map; null for anything that is not a Y.Map (absent or malformed). */
export function readNoteState(value: unknown): NoteState | null {
  if (!(value instanceof Y.Map)) return null;
  const fields = new Map<string, unknown>();
  let text: string | null = null;
  value.forEach((field: unknown, name: string) => {
    if (name === 'text' && field instanceof Y.Text) text = field.toString();
    else fields.set(name, field instanceof Y.AbstractType ? field.toJSON() : field);
  });
  const sorted = [...fields.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { fields, text, key: JSON.stringify([sorted, text]) };
}

/** The lane a state names, or undefined. */
export function laneOf(state: NoteState | null | undefined): unknown {
  return state?.fields.get('lane');
}

/**
 * Writes `state` back into `notes[id]` with the fewest changes: a note that should not exist is
 * deleted; a deleted or replaced note is written anew; otherwise only the keys that differ are
 * set, and the text gets the smallest edit. Runs inside the caller's transaction.
 */
export function restoreNoteState(notes: Y.Map<unknown>, id: string, state: NoteState | null, origin: unknown): void {
  const current = notes.get(id);
  if (state === null) {
    if (notes.has(id)) notes.delete(id);
    return;
  }
  if (!(current instanceof Y.Map)) {
    const note = new Y.Map<unknown>();
    for (const [name, value] of state.fields) note.set(name, value);
    if (state.text !== null) note.set('text', new Y.Text(state.text));
    notes.set(id, note);
    return;
  }
  for (const name of [...current.keys()]) {
    if (!state.fields.has(name) && !(name === 'text' && state.text !== null)) current.delete(name);
  }
  for (const [name, value] of state.fields) {
    const existing = current.get(name);
    const plain = existing instanceof Y.AbstractType ? existing.toJSON() : existing;
    if (existing instanceof Y.AbstractType || JSON.stringify(plain) !== JSON.stringify(value)) current.set(name, value);
  }
  if (state.text === null) return;
  const text = current.get('text');
  if (text instanceof Y.Text) applyTextEdit(text, state.text, origin);
  else current.set('text', new Y.Text(state.text));
}
