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

  describe('first view', () => {
    /** A board on the server, and what its first view (the top of each lane) sends. */
    function serverBoard() {
      const server = new Y.Doc();
      const top = createNote(server, { lane: 'define', author: 'Ann', authorRole: 'lay', text: 'top', x: 0, y: 0 });
      createNote(server, { lane: 'define', author: 'Bo', authorRole: 'lay', text: 'lower', x: 0, y: 900 });
      return { server, firstView: [readOnlyNote(server, top)] };
    }
    function readOnlyNote(doc: Y.Doc, id: string) {
      const store = new NotesStore(doc);
      const note = store.getNote(id);
      store.destroy();
      if (!note) throw new Error('no note');
      return note;
    }

    it('shows the first view until the document arrives, then the whole document', () => {
      const { server, firstView } = serverBoard();
      const doc = new Y.Doc();
      const store = new NotesStore(doc);
      let renders = 0;
      store.subscribe(() => renders++);
      store.showFirstView(firstView);
      expect(store.showsFirstView).toBe(true);
      expect([...store.getSnapshot().byId.values()].map((note) => note.text)).toEqual(['top']);
      expect(renders).toBe(1);

      Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
      expect(store.showsFirstView).toBe(false);
      expect([...store.getSnapshot().byId.values()].map((note) => note.text).sort()).toEqual(['lower', 'top']);
    });

    it('drops the first view at sync even when the document has no notes (all deleted meanwhile)', () => {
      const { firstView } = serverBoard();
      const store = new NotesStore(new Y.Doc());
      store.showFirstView(firstView);
      store.endFirstView();
      expect(store.showsFirstView).toBe(false);
      expect(store.getSnapshot().byId.size).toBe(0);
    });

    it('is ignored when this device already holds the board (its local copy loaded first)', () => {
      const { server, firstView } = serverBoard();
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
      const store = new NotesStore(doc);
      store.showFirstView([{ ...firstView[0], text: 'stale' } as (typeof firstView)[0]]);
      expect(store.showsFirstView).toBe(false);
      expect([...store.getSnapshot().byId.values()].map((note) => note.text).sort()).toEqual(['lower', 'top']);
    });

    it('tells a note view watching a first-view note when the document replaces it', () => {
      const { server, firstView } = serverBoard();
      const doc = new Y.Doc();
      const store = new NotesStore(doc);
      store.showFirstView(firstView);
      const id = firstView[0]?.id ?? '';
      const seen: (string | undefined)[] = [];
      store.subscribeNote(id, () => seen.push(store.getNote(id)?.text));
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
      getNoteText(doc, id)?.insert(3, '!');
      expect(seen).toEqual(['top', 'top!']);
    });
  });
});
