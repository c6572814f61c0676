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
});
