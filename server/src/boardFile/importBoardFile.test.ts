import {
  addReply,
  createNote,
  getNotesMap,
  linkNotes,
  type Note,
  noteToYMap,
  readMeta,
  readNotes,
  readReplies,
} from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exportBoardFile } from './boardFile.ts';
import { importBoardFile } from './importBoardFile.ts';

/**
 * Every field differs from readNote's default for a missing one, so a field the import drops
 * reads back as its default and the test fails. A new field in Note makes this literal fail to
 * compile until it is added here too.
 */
const EVERY_FIELD: Note = {
  id: 'n-every-field',
  lane: 'deliver',
  text: 'A quiet room for the first appointment',
  x: 321.5,
  y: 654,
  color: 'purple',
  author: 'Priya',
  authorRole: 'practitioner',
  anonymous: false,
  createdAt: 1_700_000_987_654,
  answers: [],
};

describe('importBoardFile', () => {
  it('keeps every field of every note through an export and an import', () => {
    const original = new Y.Doc();
    getNotesMap(original).set(EVERY_FIELD.id, noteToYMap(EVERY_FIELD));
    getNotesMap(original).set('anon', noteToYMap({ ...EVERY_FIELD, id: 'anon', anonymous: true, author: '' }));
    const file = JSON.parse(JSON.stringify(exportBoardFile(original)));
    const imported = importBoardFile(file);
    try {
      expect(imported.skipped).toEqual([]);
      expect(readNotes(imported.doc).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        readNotes(original).sort((a, b) => a.id.localeCompare(b.id)),
      );
      expect(readNotes(imported.doc).find((note) => note.id === EVERY_FIELD.id)).toEqual(EVERY_FIELD);
    } finally {
      imported.doc.destroy();
      original.destroy();
    }
  });

  it('keeps links between lanes and replies, and skips a reply whose note is not in the file', () => {
    const original = new Y.Doc();
    const said = createNote(original, { lane: 'define', text: 'Too far to travel', author: 'Ann', authorRole: 'lay' });
    const decided = createNote(original, { lane: 'decide', text: 'Clinic in town', author: 'F', authorRole: 'practitioner' });
    linkNotes(original, decided, said);
    addReply(original, { noteId: said, text: 'Heard', author: '', authorRole: 'practitioner', anonymous: true, createdAt: 5 });
    const file = JSON.parse(JSON.stringify(exportBoardFile(original)));
    file.replies.push({ ...file.replies[0], id: 'orphan', noteId: 'not-in-file' });
    const imported = importBoardFile(file);
    try {
      expect(imported.skipped).toEqual(['reply 2: its note is not in the file']);
      expect(readNotes(imported.doc).find((note) => note.id === decided)?.answers).toEqual([said]);
      expect(readReplies(imported.doc)).toEqual(readReplies(original));
    } finally {
      imported.doc.destroy();
      original.destroy();
    }
  });

  it('in batches, makes the same board as one update per batch of notes', () => {
    const original = new Y.Doc();
    for (let i = 0; i < 7; i++) getNotesMap(original).set(`n${i}`, noteToYMap({ ...EVERY_FIELD, id: `n${i}` }));
    const file = JSON.parse(JSON.stringify(exportBoardFile(original)));
    const updates: Uint8Array[] = [];
    const batched = importBoardFile(file, { notesPerTransaction: 3, onUpdate: (update) => updates.push(update) });
    const whole = importBoardFile(file);
    const rebuilt = new Y.Doc();
    for (const update of updates) Y.applyUpdate(rebuilt, update);
    try {
      // meta, three batches of notes (3 + 3 + 1), votes and the rest, then the migrations.
      expect(updates.length).toBeGreaterThanOrEqual(5);
      expect(readNotes(rebuilt)).toEqual(readNotes(whole.doc));
      expect(readMeta(rebuilt)).toEqual(readMeta(batched.doc));
    } finally {
      for (const doc of [original, batched.doc, whole.doc, rebuilt]) doc.destroy();
    }
  });
});
