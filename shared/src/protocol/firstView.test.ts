import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNote } from '../ops/noteOps.ts';
import { LANE_IDS } from '../schema/lanes.ts';
import { readNotes } from '../schema/note.ts';
import { FIRST_VIEW_NOTES_PER_LANE, FIRST_VIEW_TEXT_LENGTH, firstViewOf, readFirstView } from './firstView.ts';

function boardWith(perLane: number): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (let row = 0; row < perLane; row++) {
      // Written bottom row first, so "the top of the lane" is not simply the order of writing.
      const y = 120 + (perLane - 1 - row) * 150;
      for (const lane of LANE_IDS) createNote(doc, { lane, author: 'Sam', authorRole: 'lay', text: `${lane} at ${y}`, x: 10, y });
    }
  });
  return doc;
}

describe('firstViewOf', () => {
  it('keeps the top notes of every lane, as the board reads them, and counts them all', () => {
    const doc = boardWith(FIRST_VIEW_NOTES_PER_LANE + 10);
    const view = firstViewOf(doc);
    expect(view.noteCount).toBe(LANE_IDS.length * (FIRST_VIEW_NOTES_PER_LANE + 10));
    expect(view.notes).toHaveLength(LANE_IDS.length * FIRST_VIEW_NOTES_PER_LANE);
    const byId = new Map(readNotes(doc).map((note) => [note.id, note]));
    for (const lane of LANE_IDS) {
      const ys = view.notes.filter((note) => note.lane === lane).map((note) => note.y);
      expect(ys).toEqual(Array.from({ length: FIRST_VIEW_NOTES_PER_LANE }, (_, row) => 120 + row * 150));
    }
    for (const note of view.notes) expect(note).toEqual(byId.get(note.id));
  });

  it('cuts long text, and has nothing to show of an empty board', () => {
    const doc = new Y.Doc();
    createNote(doc, { lane: 'define', author: 'Sam', authorRole: 'lay', text: 'x'.repeat(FIRST_VIEW_TEXT_LENGTH + 50) });
    expect(firstViewOf(doc).notes[0]?.text).toHaveLength(FIRST_VIEW_TEXT_LENGTH);
    expect(firstViewOf(new Y.Doc())).toEqual({ notes: [], noteCount: 0 });
  });
});

describe('readFirstView', () => {
  it('reads back what firstViewOf wrote, through JSON', () => {
    const view = firstViewOf(boardWith(3));
    expect(readFirstView(JSON.parse(JSON.stringify(view)))).toEqual(view);
  });

  it('repairs or skips hostile notes, as the document reader does', () => {
    const read = readFirstView({
      noteCount: 5,
      notes: [
        { id: 'ok', lane: 'define', text: 'Fine', x: 1, y: 2, color: 'pink', author: 'Sam', authorRole: 'lay', createdAt: 1 },
        { id: 'ok', lane: 'design', text: 'A second note with the same id' },
        { id: 'bad lane', lane: 'nowhere', text: 'x' },
        { id: '<script>', lane: 'define', text: 'x' },
        {
          id: 'anon',
          lane: 'decide',
          text: 'y',
          anonymous: true,
          author: 'Hidden',
          x: 'far',
          color: 'plaid',
          authorRole: 'king',
        },
        null,
        'text',
      ],
    });
    expect(read?.notes.map((note) => note.id)).toEqual(['ok', 'anon']);
    expect(read?.notes[1]).toMatchObject({ author: '', x: 0, color: 'yellow', authorRole: 'lay' });
  });

  it('is null for what is not a first view', () => {
    for (const value of [null, 'notes', { notes: [] }, { notes: {}, noteCount: 1 }, { notes: [], noteCount: -1 }]) {
      expect(readFirstView(value)).toBeNull();
    }
  });
});
