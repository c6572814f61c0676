import { createNote, getNoteText } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardEditor } from './BoardEditor.ts';
import { NotesStore } from './NotesStore.ts';

function connectedPair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, update, 'remote'));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, update, 'remote'));
  return [a, b];
}

describe('BoardEditor', () => {
  it("undo removes only this person's own change", () => {
    const [docA, docB] = connectedPair();
    const alice = new BoardEditor(docA);
    const bob = new BoardEditor(docB);
    const mine = alice.addNote({ lane: 'define', author: 'Alice', authorRole: 'lay' });
    const theirs = bob.addNote({ lane: 'design', author: 'Bob', authorRole: 'practitioner' });
    alice.undo();
    const notes = new NotesStore(docB).getSnapshot().byId;
    expect(mine && notes.has(mine)).toBe(false);
    expect(theirs && notes.has(theirs)).toBe(true);
    alice.undo();
    expect(theirs && new NotesStore(docA).getSnapshot().byId.has(theirs)).toBe(true);
  });

  it('undoes and redoes a text edit, leaving a remote edit in place', () => {
    const [docA, docB] = connectedPair();
    const id = createNote(docA, { lane: 'define', author: 'x', authorRole: 'lay', text: 'abc' });
    const alice = new BoardEditor(docA);
    const bob = new BoardEditor(docB);
    alice.editText(id, 'abcX');
    bob.editText(id, 'YabcX');
    alice.undo();
    expect(getNoteText(docB, id)?.toString()).toBe('Yabc');
    alice.redo();
    expect(getNoteText(docB, id)?.toString()).toBe('YabcX');
  });

  it("undoing this person's new note keeps it, and a collaborator's words in it, once someone else has written there", () => {
    const [docA, docB] = connectedPair();
    const alice = new BoardEditor(docA);
    const bob = new BoardEditor(docB);
    const kept: string[] = [];
    alice.onUndoKeptNote((noteId) => kept.push(noteId));
    const id = alice.addNote({ lane: 'define', author: 'Alice', authorRole: 'lay' }) as string;
    alice.editText(id, 'Ask about transport');
    bob.editText(id, 'Ask about transport, and parking');
    alice.undo();
    // Alice's words are gone, Bob's stay, and the note is still whole on both devices.
    for (const doc of [docA, docB]) {
      expect(getNoteText(doc, id)?.toString()).toBe(', and parking');
      expect(new NotesStore(doc).getSnapshot().byId.get(id)?.lane).toBe('define');
    }
    expect(kept).toEqual([id]);
    // Redo brings Alice's words back.
    alice.redo();
    expect(getNoteText(docB, id)?.toString()).toBe('Ask about transport, and parking');
  });

  it('undoing a new note that only this person wrote in still removes it', () => {
    const [docA, docB] = connectedPair();
    const alice = new BoardEditor(docA);
    const kept: string[] = [];
    alice.onUndoKeptNote((noteId) => kept.push(noteId));
    const id = alice.addNote({ lane: 'define', author: 'Alice', authorRole: 'lay' }) as string;
    alice.editText(id, 'Mine alone');
    alice.undo();
    alice.undo();
    expect(new NotesStore(docB).getSnapshot().byId.has(id)).toBe(false);
    expect(kept).toEqual([]);
  });

  it('leads Add note elsewhere while a redirect is set (private writing), and posts again once it ends', () => {
    const doc = new Y.Doc();
    const editor = new BoardEditor(doc);
    const led: string[] = [];
    const end = editor.redirectNewNotes((lane) => led.push(lane));
    expect(editor.addNote({ lane: 'design', author: 'a', authorRole: 'lay' })).toBeNull();
    expect(led).toEqual(['design']);
    expect(new NotesStore(doc).getSnapshot().byId.size).toBe(0);
    expect(editor.newNotesRedirected()).toBe(true);
    expect(editor.addAnonymousNote({ lane: 'design', authorRole: 'lay', text: 'quietly' })).toBeNull();
    expect(new NotesStore(doc).getSnapshot().byId.size).toBe(0);
    end();
    expect(editor.newNotesRedirected()).toBe(false);
    expect(editor.addNote({ lane: 'design', author: 'a', authorRole: 'lay' })).not.toBeNull();
  });

  it('refuses writes when read-only', () => {
    const editor = new BoardEditor(new Y.Doc());
    editor.setReadOnly(true);
    expect(editor.addNote({ lane: 'define', author: 'a', authorRole: 'lay' })).toBeNull();
  });

  it("never writes this device's client id into its own anonymous note by moving or recolouring it", () => {
    const doc = new Y.Doc();
    const editor = new BoardEditor(doc);
    const id = editor.addAnonymousNote({ lane: 'define', authorRole: 'lay', text: 'Waiting times are too long' });
    expect(id).not.toBeNull();
    const before = Y.encodeStateVector(doc);
    expect(editor.moveNote(id as string, { lane: 'decide' })).toBe(false);
    editor.setColor(id as string, 'pink');
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(Y.decodeStateVector(before).has(doc.clientID)).toBe(false);
  });
});
