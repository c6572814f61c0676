import { applyTextEdit, createNote, getMetaMap, getNoteText, recordNoteEdit, setNoteColor } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { describePending, PendingChanges } from './PendingChanges.ts';

/** Types `words` into a note one keystroke (one transaction) at a time, as a text field does. */
function type(doc: Y.Doc, id: string, words: string): void {
  const text = getNoteText(doc, id);
  if (!text) throw new Error('no text');
  for (let i = 1; i <= words.length; i++) applyTextEdit(text, words.slice(0, i));
}

describe('PendingChanges', () => {
  it('counts the notes written to, not the keystrokes', () => {
    const doc = new Y.Doc();
    const pending = new PendingChanges(doc, 'pending-test-notes');
    const first = createNote(doc, { lane: 'define', author: 'Ann', authorRole: 'lay' });
    type(doc, first, 'The letter came a week after the appointment');
    setNoteColor(doc, first, 'blue');
    // Counting the edit (for the participation balance) goes with editing the note.
    recordNoteEdit(doc, first, 'lay');
    expect(pending.count()).toBeGreaterThan(40);
    expect(pending.getSnapshot()).toEqual({ notes: 1, other: 0 });
    expect(describePending(pending.getSnapshot())).toBe('1 note not yet saved (kept on this device)');

    const second = createNote(doc, { lane: 'design', author: 'Ann', authorRole: 'lay' });
    type(doc, second, 'Text me');
    expect(describePending(pending.getSnapshot())).toBe('2 notes not yet saved (kept on this device)');

    // The board's title is no note.
    doc.transact(() => getMetaMap(doc).set('title', 'Outpatient letters'));
    expect(describePending(pending.getSnapshot())).toBe('2 notes and 1 other change not yet saved (kept on this device)');

    // Once the relay has stored everything, nothing waits.
    pending.cover(Y.decodeStateVector(Y.encodeStateVector(doc)));
    expect(pending.getSnapshot()).toEqual({ notes: 0, other: 0 });
    pending.destroy();
  });

  it('does not count what other people wrote', () => {
    const doc = new Y.Doc();
    const pending = new PendingChanges(doc, 'pending-test-remote');
    const other = new Y.Doc();
    const id = createNote(other, { lane: 'define', author: 'Bo', authorRole: 'practitioner' });
    type(other, id, 'Hello');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(pending.getSnapshot()).toEqual({ notes: 0, other: 0 });
    pending.destroy();
  });

  it('says other changes alone plainly', () => {
    expect(describePending({ notes: 0, other: 1 })).toBe('1 change not yet saved (kept on this device)');
    expect(describePending({ notes: 0, other: 3 })).toBe('3 changes not yet saved (kept on this device)');
  });
});
