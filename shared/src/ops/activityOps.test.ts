import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getActivityMap, readEditCounts } from '../schema/activity.ts';
import { recordNoteEdit } from './activityOps.ts';
import { createNote, moveNote } from './noteOps.ts';

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
}

describe('recordNoteEdit', () => {
  it('counts edits by the note’s lane and the editor’s role', () => {
    const doc = new Y.Doc();
    const note = createNote(doc, { lane: 'define', author: 'A', authorRole: 'lay' });
    recordNoteEdit(doc, note, 'practitioner');
    recordNoteEdit(doc, note, 'practitioner');
    moveNote(doc, note, { lane: 'evaluate' });
    recordNoteEdit(doc, note, 'lay');
    const counts = readEditCounts(doc);
    expect(counts.define).toEqual({ lay: 0, practitioner: 2 });
    expect(counts.evaluate).toEqual({ lay: 1, practitioner: 0 });
    expect(recordNoteEdit(doc, 'missing', 'lay')).toBe(false);
  });

  it('never loses an increment when two people count at the same moment', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const note = createNote(a, { lane: 'design', author: 'A', authorRole: 'lay' });
    sync(a, b);
    for (let i = 0; i < 5; i++) {
      recordNoteEdit(a, note, 'lay');
      recordNoteEdit(b, note, 'lay');
    }
    sync(a, b);
    expect(readEditCounts(a).design.lay).toBe(10);
    expect(readEditCounts(b).design.lay).toBe(10);
  });

  it('grows by at most one key per lane and role per session, however many edits', () => {
    const doc = new Y.Doc();
    const notes = Array.from({ length: 20 }, () => createNote(doc, { lane: 'deliver', author: 'A', authorRole: 'lay' }));
    for (let round = 0; round < 10; round++) for (const note of notes) recordNoteEdit(doc, note, 'lay');
    expect(getActivityMap(doc).size).toBe(1);
    expect(readEditCounts(doc).deliver.lay).toBe(200);
  });

  it('skips unreadable counters', () => {
    const doc = new Y.Doc();
    const activity = getActivityMap(doc);
    activity.set('decide:lay:12', 3);
    activity.set('decide:lay:13', -1);
    activity.set('decide:boss:14', 5);
    activity.set('nowhere:lay:15', 5);
    activity.set('decide:lay:x', 5);
    activity.set('decide:practitioner:16', 'many');
    expect(readEditCounts(doc).decide).toEqual({ lay: 3, practitioner: 0 });
  });
});
