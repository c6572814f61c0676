import { createNote, getNotesMap, getNoteText, moveNote } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NotesStore } from './NotesStore.ts';

describe('NotesStore', () => {
  it('reads existing notes, follows adds, text edits, moves and deletes', () => {
    const doc = new Y.Doc();
    const first = createNote(doc, { lane: 'define', author: 'Ann', authorRole: 'lay', text: 'hi' });
    const store = new NotesStore(doc);
    expect(store.getSnapshot().byId.get(first)?.text).toBe('hi');

    const second = createNote(doc, { lane: 'design', author: 'Bo', authorRole: 'practitioner' });
    expect(store.getSnapshot().byId.size).toBe(2);

    const geometry = store.getSnapshot().geometryVersion;
    getNoteText(doc, second)?.insert(0, 'typed');
    expect(store.getSnapshot().byId.get(second)?.text).toBe('typed');
    expect(store.getSnapshot().geometryVersion).toBe(geometry);

    moveNote(doc, second, { lane: 'decide' });
    expect(store.getSnapshot().byId.get(second)?.lane).toBe('decide');
    expect(store.getSnapshot().geometryVersion).toBeGreaterThan(geometry);

    getNotesMap(doc).delete(first);
    expect([...store.getSnapshot().byId.keys()]).toEqual([second]);
  });

  it('skips a malformed note instead of crashing', () => {
    const doc = new Y.Doc();
    const store = new NotesStore(doc);
    doc.transact(() => {
      const bad = new Y.Map<unknown>();
      bad.set('lane', 'nowhere');
      getNotesMap(doc).set('bad', bad);
    });
    expect(store.getSnapshot().byId.size).toBe(0);
  });

  it('tells a note listener about its own note only, and keeps the geometry snapshot while people type', () => {
    const doc = new Y.Doc();
    const first = createNote(doc, { lane: 'define', author: 'Ann', authorRole: 'lay' });
    const second = createNote(doc, { lane: 'design', author: 'Bo', authorRole: 'practitioner' });
    const store = new NotesStore(doc);
    const heard: string[] = [];
    const stopFirst = store.subscribeNote(first, () => heard.push('first'));
    store.subscribeNote(second, () => heard.push('second'));
    const geometry = store.getGeometrySnapshot();
    const secondNote = store.getNote(second);

    getNoteText(doc, first)?.insert(0, 'typed');
    expect(heard).toEqual(['first']);
    expect(store.getNote(first)?.text).toBe('typed');
    // The other note is the very same object, so a view of it need not re-render.
    expect(store.getNote(second)).toBe(secondNote);
    expect(store.getGeometrySnapshot()).toBe(geometry);

    moveNote(doc, second, { lane: 'decide' });
    expect(heard).toEqual(['first', 'second']);
    expect(store.getGeometrySnapshot()).not.toBe(geometry);
    expect(store.getGeometrySnapshot().byId.get(second)?.lane).toBe('decide');

    stopFirst();
    getNoteText(doc, first)?.insert(0, 'more ');
    getNotesMap(doc).delete(second);
    expect(heard).toEqual(['first', 'second', 'second']);
    expect(store.getNote(second)).toBeUndefined();
  });
});
