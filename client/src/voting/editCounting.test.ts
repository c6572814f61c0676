import { createNote, getNotesMap, readEditCounts, readNote } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardEditor } from '../doc/BoardEditor.ts';

describe('BoardEditor edit counting and anonymous notes', () => {
  it('counts one edit per editing session, under the role at the time', () => {
    const doc = new Y.Doc();
    const id = createNote(doc, { lane: 'decide', author: 'Ann', authorRole: 'lay', text: 'a' });
    const other = createNote(doc, { lane: 'define', author: 'Ann', authorRole: 'lay', text: 'b' });
    const editor = new BoardEditor(doc);
    editor.setRole('practitioner');
    editor.editText(id, 'ab');
    editor.editText(id, 'abc');
    expect(readEditCounts(doc).decide).toEqual({ lay: 0, practitioner: 1 });
    editor.editText(other, 'bb');
    editor.setRole('lay');
    editor.editText(id, 'abcd');
    expect(readEditCounts(doc).decide).toEqual({ lay: 1, practitioner: 1 });
    expect(readEditCounts(doc).define).toEqual({ lay: 0, practitioner: 1 });
  });

  it('does not count writing a note it just created, nor an unchanged text', () => {
    const doc = new Y.Doc();
    const editor = new BoardEditor(doc);
    editor.setRole('lay');
    const id = editor.addNote({ lane: 'design', author: 'Ann', authorRole: 'lay' });
    if (!id) throw new Error('no note');
    editor.editText(id, 'hello');
    editor.editText(id, 'hello');
    expect(readEditCounts(doc).design).toEqual({ lay: 0, practitioner: 0 });
  });

  it('posts anonymous notes without a name and refuses to edit their text from this session', () => {
    const doc = new Y.Doc();
    const editor = new BoardEditor(doc);
    const id = editor.addAnonymousNote({ lane: 'deliver', authorRole: 'practitioner', text: 'Shorter letters' });
    if (!id) throw new Error('no note');
    const note = readNote(id, getNotesMap(doc).get(id));
    expect(note).toMatchObject({ anonymous: true, author: '', authorRole: 'practitioner', text: 'Shorter letters' });
    expect(editor.isOwnAnonymousNote(id)).toBe(true);
    editor.editText(id, 'Shorter letters!');
    expect(readNote(id, getNotesMap(doc).get(id))?.text).toBe('Shorter letters');
    editor.undo();
    expect(getNotesMap(doc).has(id)).toBe(false);
  });
});
