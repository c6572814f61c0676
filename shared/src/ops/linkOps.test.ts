import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getNotesMap } from '../schema/boardDoc.ts';
import type { LaneId } from '../schema/lanes.ts';
import { readNote, readNotes } from '../schema/note.ts';
import { ANSWERS_FIELD } from '../schema/noteLinks.ts';
import { readReplies } from '../schema/reply.ts';
import { eraseContributions } from './eraseOps.ts';
import { canLink, linkNotes, unlinkNotes } from './linkOps.ts';
import { createNote, deleteNote, moveNote } from './noteOps.ts';
import { addReply } from './replyOps.ts';

function boardWith(...lanes: LaneId[]): { doc: Y.Doc; ids: string[] } {
  const doc = new Y.Doc();
  const ids = lanes.map((lane, index) =>
    createNote(doc, { id: `${lane}-${index}`, lane, author: 'A', authorRole: 'lay', text: lane }),
  );
  return { doc, ids };
}

const answersOf = (doc: Y.Doc, id: string) => readNotes(doc).find((note) => note.id === id)?.answers;

describe('canLink follows the stages, not the lane order', () => {
  const rows: [LaneId, LaneId, boolean][] = [
    ['decide', 'define', true],
    ['decide', 'design', true],
    // Deliver sits before Decide on the board, yet an action carries out a decision.
    ['deliver', 'decide', true],
    ['distribute', 'decide', true],
    ['evaluate', 'deliver', true],
    ['evaluate', 'distribute', true],
    ['evaluate', 'define', true],
    ['decide', 'deliver', false],
    ['define', 'decide', false],
    ['design', 'define', false],
    ['decide', 'decide', false],
    ['deliver', 'distribute', false],
    ['evaluate', 'evaluate', false],
  ];
  it.each(rows)('a %s note answering a %s note: %s', (from, to, allowed) => {
    const { doc, ids } = boardWith(from, to);
    const [fromNote, toNote] = readNotes(doc);
    expect(fromNote && toNote && canLink(fromNote, toNote)).toBe(allowed);
    expect(linkNotes(doc, ids[0] as string, ids[1] as string)).toBe(allowed);
    expect(answersOf(doc, ids[0] as string)).toEqual(allowed ? [ids[1]] : []);
  });

  it('never lets a note answer itself', () => {
    const { doc, ids } = boardWith('decide');
    const [only] = readNotes(doc);
    expect(only && canLink(only, only)).toBe(false);
    expect(linkNotes(doc, ids[0] as string, ids[0] as string)).toBe(false);
  });
});

describe('linkNotes and unlinkNotes', () => {
  it('link idempotently, unlink, and refuse missing notes', () => {
    const { doc, ids } = boardWith('define', 'decide');
    const [said, decision] = ids as [string, string];
    let updates = 0;
    doc.on('update', () => updates++);
    expect(linkNotes(doc, decision, said)).toBe(true);
    expect(linkNotes(doc, decision, said)).toBe(true);
    expect(updates).toBe(1);
    expect(linkNotes(doc, decision, 'missing')).toBe(false);
    expect(linkNotes(doc, 'missing', said)).toBe(false);
    expect(unlinkNotes(doc, decision, said)).toBe(true);
    expect(unlinkNotes(doc, decision, said)).toBe(false);
    expect(answersOf(doc, decision)).toEqual([]);
  });

  it('creates the answers map on a note another tool wrote without one', () => {
    const { doc, ids } = boardWith('define', 'decide');
    getNotesMap(doc)
      .get(ids[1] as string)
      ?.delete(ANSWERS_FIELD);
    expect(linkNotes(doc, ids[1] as string, ids[0] as string)).toBe(true);
    expect(answersOf(doc, ids[1] as string)).toEqual([ids[0]]);
  });

  it('keeps both links when two people link the same note at once', () => {
    const { doc: a, ids } = boardWith('define', 'design', 'decide');
    const [said, idea, decision] = ids as [string, string, string];
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    linkNotes(a, decision, said);
    linkNotes(b, decision, idea);
    linkNotes(b, decision, said);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(answersOf(a, decision)).toEqual([idea, said].sort());
    expect(answersOf(b, decision)).toEqual(answersOf(a, decision));
  });
});

describe('readers drop links cleanly', () => {
  it('drop malformed keys, values other than true and self-links', () => {
    const { doc, ids } = boardWith('define', 'decide');
    const answers = getNotesMap(doc)
      .get(ids[1] as string)
      ?.get(ANSWERS_FIELD) as Y.Map<unknown>;
    answers.set('bad id!', true);
    answers.set(ids[0] as string, 'yes');
    answers.set(ids[1] as string, true);
    expect(readNote(ids[1] as string, getNotesMap(doc).get(ids[1] as string))?.answers).toEqual([]);
  });

  it('deleting a note hides the links to it and its replies, and undo brings them all back', () => {
    const { doc, ids } = boardWith('define', 'decide', 'deliver');
    const [said, decision, action] = ids as [string, string, string];
    linkNotes(doc, decision, said);
    linkNotes(doc, action, decision);
    addReply(doc, { noteId: decision, text: 'Why?', author: 'A', authorRole: 'lay', anonymous: false });
    addReply(doc, { noteId: said, text: 'Agreed', author: 'B', authorRole: 'lay', anonymous: false });
    // As the client's undo does: it tracks the notes map and this person's origin only.
    const undo = new Y.UndoManager(getNotesMap(doc), { trackedOrigins: new Set(['me']) });
    expect(deleteNote(doc, decision, 'me')).toBe(true);
    expect(answersOf(doc, action)).toEqual([]);
    expect(readReplies(doc).map((reply) => reply.noteId)).toEqual([said]);
    undo.undo();
    expect(answersOf(doc, action)).toEqual([decision]);
    expect(answersOf(doc, decision)).toEqual([said]);
    expect(
      readReplies(doc)
        .map((reply) => reply.text)
        .sort(),
    ).toEqual(['Agreed', 'Why?']);
  });

  it('erasing a note removes the links to it and its replies for good', () => {
    const { doc, ids } = boardWith('define', 'decide');
    const [said, decision] = ids as [string, string];
    linkNotes(doc, decision, said);
    addReply(doc, { noteId: said, text: 'Reply', author: 'B', authorRole: 'lay', anonymous: false });
    eraseContributions(doc, { noteIds: [said] });
    expect((getNotesMap(doc).get(decision)?.get(ANSWERS_FIELD) as Y.Map<unknown> | undefined)?.size).toBe(0);
    expect(doc.getMap('replies').size).toBe(0);
  });

  it('a link made while another person deleted its target disappears once they merge', () => {
    const { doc: a, ids } = boardWith('define', 'decide');
    const [said, decision] = ids as [string, string];
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    linkNotes(a, decision, said);
    deleteNote(b, said);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) expect(answersOf(doc, decision)).toEqual([]);
  });

  it('a link that no longer follows the stages is not read, and comes back if the note moves back', () => {
    const { doc, ids } = boardWith('define', 'decide');
    const [said, decision] = ids as [string, string];
    linkNotes(doc, decision, said);
    moveNote(doc, said, { lane: 'evaluate' });
    expect(answersOf(doc, decision)).toEqual([]);
    moveNote(doc, said, { lane: 'design' });
    expect(answersOf(doc, decision)).toEqual([said]);
  });
});
