import { addReply, createNote, deleteNote, linkNotes, readNotes, readReplies } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { restoreUpdate } from './restoreUpdate.ts';

describe('restoreUpdate', () => {
  it('brings a deleted note back with its replies and the links to it', () => {
    const board = new Y.Doc();
    const said = createNote(board, { lane: 'define', text: 'Too far to travel', author: 'Ann', authorRole: 'lay' });
    const decided = createNote(board, { lane: 'decide', text: 'Clinic in town', author: 'F', authorRole: 'practitioner' });
    linkNotes(board, decided, said);
    addReply(board, { noteId: said, text: 'Heard you', author: 'F', authorRole: 'practitioner', anonymous: false });
    const version = new Y.Doc();
    Y.applyUpdate(version, Y.encodeStateAsUpdate(board));
    deleteNote(board, said);
    expect(readReplies(board)).toEqual([]);

    const update = restoreUpdate(board, version);
    expect(update).not.toBeNull();
    Y.applyUpdate(board, update as Uint8Array);
    expect(readReplies(board).map((reply) => reply.text)).toEqual(['Heard you']);
    expect(readNotes(board).find((note) => note.id === decided)?.answers).toEqual([said]);
  });
});
