import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getNotesMap } from '../schema/boardDoc.ts';
import { readNotes } from '../schema/note.ts';
import { createAnonymousNote } from './anonymousNoteOps.ts';
import { createNote } from './noteOps.ts';
import { joinBoard } from './participantOps.ts';
import { openVote, placeDot } from './voteOps.ts';

/** Client ids of every Yjs item under a shared type (the "who wrote it" the CRDT keeps). */
function writers(type: { _item: Y.Item | null; _start: Y.Item | null; _map: Map<string, Y.Item> }): Set<number> {
  const ids = new Set<number>();
  if (type._item) ids.add(type._item.id.client);
  for (let item = type._start; item; item = item.right) ids.add(item.id.client);
  for (const item of type._map.values()) {
    ids.add(item.id.client);
    const content = item.content.getContent()[0];
    if (content instanceof Y.AbstractType) for (const id of writers(content)) ids.add(id);
  }
  return ids;
}

describe('createAnonymousNote', () => {
  it('keeps the role, stores no name, and shares no client id with the author’s other writes', () => {
    const doc = new Y.Doc();
    joinBoard(doc, { participantId: 'dev-ann', role: 'lay' });
    createNote(doc, { lane: 'define', author: 'Ann Example', authorRole: 'lay', text: 'named note' });
    const voteId = openVote(doc, { scope: 'board' });
    const id = createAnonymousNote(doc, { lane: 'define', authorRole: 'lay', text: 'Nobody listens to carers' });
    placeDot(doc, { voteId, participantId: 'dev-ann', role: 'lay', noteId: id });

    const note = readNotes(doc).find((n) => n.id === id);
    expect(note).toMatchObject({
      anonymous: true,
      author: '',
      authorRole: 'lay',
      text: 'Nobody listens to carers',
      lane: 'define',
    });
    const anonymousWriters = writers(getNotesMap(doc).get(id) as Y.Map<unknown>);
    expect(anonymousWriters.size).toBe(1);
    expect(anonymousWriters.has(doc.clientID)).toBe(false);
  });

  it('places the note below the lane’s existing notes, like any new note', () => {
    const doc = new Y.Doc();
    const first = createNote(doc, { lane: 'design', author: 'A', authorRole: 'practitioner' });
    const id = createAnonymousNote(doc, { lane: 'design', authorRole: 'practitioner' });
    const [a, b] = [first, id].map((noteId) => readNotes(doc).find((n) => n.id === noteId));
    expect((b?.y ?? 0) > (a?.y ?? 0)).toBe(true);
  });

  it('is one undoable step for an UndoManager tracking the origin', () => {
    const doc = new Y.Doc();
    const origin = { person: 'me' };
    const undo = new Y.UndoManager(getNotesMap(doc), { trackedOrigins: new Set([origin]) });
    createAnonymousNote(doc, { lane: 'decide', authorRole: 'lay', text: 'x' }, origin);
    expect(readNotes(doc)).toHaveLength(1);
    undo.undo();
    expect(readNotes(doc)).toHaveLength(0);
  });

  it('syncs to other replicas like any note', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = createAnonymousNote(a, { lane: 'evaluate', authorRole: 'practitioner', text: 'hi' });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readNotes(b).map((n) => [n.id, n.text, n.anonymous])).toEqual([[id, 'hi', true]]);
  });
});
