import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getNotesMap } from '../schema/boardDoc.ts';
import { LANE_IDS } from '../schema/lanes.ts';
import { LANE_HEADER_HEIGHT, LANE_WIDTH, laneAtX, laneLeft, NOTE_HEIGHT, NOTE_WIDTH } from '../schema/layout.ts';
import { MAX_NOTE_TEXT_LENGTH, readNote } from '../schema/note.ts';
import { createNote, deleteNote, moveNote, nextFreeSpot, setNoteColor } from './noteOps.ts';

const ORIGIN = { user: 'sam' };

/** Runs `operation` and records every update event it causes, with its transaction origin. */
function recordUpdates(doc: Y.Doc, operation: () => unknown): unknown[] {
  const origins: unknown[] = [];
  const onUpdate = (_update: Uint8Array, origin: unknown) => origins.push(origin);
  doc.on('update', onUpdate);
  try {
    operation();
  } finally {
    doc.off('update', onUpdate);
  }
  return origins;
}

function boardWithNote(): { doc: Y.Doc; id: string } {
  const doc = new Y.Doc();
  const id = createNote(doc, { lane: 'define', author: 'Sam', authorRole: 'lay', text: 'hello', id: 'n1' });
  return { doc, id };
}

describe('every note operation is one transaction with the caller’s origin', () => {
  it.each<[string, (doc: Y.Doc, id: string) => unknown]>([
    ['createNote', (doc) => createNote(doc, { lane: 'decide', author: 'Jo', authorRole: 'practitioner', text: 'x' }, ORIGIN)],
    ['moveNote to a lane only', (doc, id) => moveNote(doc, id, { lane: 'deliver' }, ORIGIN)],
    ['moveNote to a position', (doc, id) => moveNote(doc, id, { lane: 'design', x: 400, y: 300 }, ORIGIN)],
    ['setNoteColor', (doc, id) => setNoteColor(doc, id, 'green', ORIGIN)],
    ['deleteNote', (doc, id) => deleteNote(doc, id, ORIGIN)],
  ])('%s', (_name, operation) => {
    const { doc, id } = boardWithNote();
    expect(recordUpdates(doc, () => operation(doc, id))).toEqual([ORIGIN]);
  });

  it.each<[string, (doc: Y.Doc) => boolean]>([
    ['moveNote', (doc) => moveNote(doc, 'missing', { lane: 'design' }, ORIGIN)],
    ['setNoteColor', (doc) => setNoteColor(doc, 'missing', 'green', ORIGIN)],
    ['deleteNote', (doc) => deleteNote(doc, 'missing', ORIGIN)],
  ])('%s on a missing note returns false and writes nothing', (_name, operation) => {
    const { doc } = boardWithNote();
    let result = true;
    expect(recordUpdates(doc, () => (result = operation(doc)))).toEqual([]);
    expect(result).toBe(false);
  });
});

describe('createNote', () => {
  it('writes a note that reads back valid, with every contract field', () => {
    const doc = new Y.Doc();
    const id = createNote(doc, {
      lane: 'design',
      author: '  Sam  ',
      authorRole: 'lay',
      text: 'Text reminders',
      color: 'pink',
      createdAt: 5,
    });
    const stored = getNotesMap(doc).get(id);
    expect(stored?.get('text')).toBeInstanceOf(Y.Text);
    expect(readNote(id, stored)).toEqual({
      id,
      lane: 'design',
      text: 'Text reminders',
      x: laneLeft('design') + (LANE_WIDTH - NOTE_WIDTH) / 2,
      y: LANE_HEADER_HEIGHT,
      color: 'pink',
      author: 'Sam',
      authorRole: 'lay',
      anonymous: false,
      createdAt: 5,
      answers: [],
    });
  });

  it('never writes the name of an anonymous author', () => {
    const doc = new Y.Doc();
    const id = createNote(doc, { lane: 'define', author: 'Sam', authorRole: 'practitioner', anonymous: true });
    expect(getNotesMap(doc).get(id)?.get('author')).toBe('');
    expect(JSON.stringify(doc.toJSON())).not.toContain('Sam');
  });

  it('bounds the text and rejects an id outside the contract', () => {
    const doc = new Y.Doc();
    const id = createNote(doc, { lane: 'define', author: 'A', authorRole: 'lay', text: 'y'.repeat(MAX_NOTE_TEXT_LENGTH + 1) });
    expect(readNote(id, getNotesMap(doc).get(id))?.text.length).toBe(MAX_NOTE_TEXT_LENGTH);
    expect(() => createNote(doc, { lane: 'define', author: 'A', authorRole: 'lay', id: 'bad id' })).toThrow(RangeError);
    expect(getNotesMap(doc).size).toBe(1);
  });

  it('gives every note a distinct id by default', () => {
    const doc = new Y.Doc();
    const ids = new Set(Array.from({ length: 50 }, () => createNote(doc, { lane: 'define', author: 'A', authorRole: 'lay' })));
    expect(ids.size).toBe(50);
  });
});

describe('moveNote and nextFreeSpot', () => {
  it('stacks new notes below the lowest note in the lane, inside the lane', () => {
    const doc = new Y.Doc();
    const first = createNote(doc, { lane: 'evaluate', author: 'A', authorRole: 'lay' });
    const second = createNote(doc, { lane: 'evaluate', author: 'A', authorRole: 'lay' });
    const a = readNote(first, getNotesMap(doc).get(first));
    const b = readNote(second, getNotesMap(doc).get(second));
    expect(b?.y).toBeGreaterThanOrEqual((a?.y ?? 0) + NOTE_HEIGHT);
    expect(laneAtX(b?.x ?? -1, LANE_IDS)).toBe('evaluate');
  });

  it('moving by lane only puts the note in that lane’s column, ignoring its own old spot', () => {
    const { doc, id } = boardWithNote();
    moveNote(doc, id, { lane: 'distribute' });
    const note = readNote(id, getNotesMap(doc).get(id));
    expect(note?.lane).toBe('distribute');
    expect(laneAtX(note?.x ?? -1, LANE_IDS)).toBe('distribute');
    expect(nextFreeSpot(doc, 'distribute', id)).toEqual({ x: note?.x, y: LANE_HEADER_HEIGHT });
  });

  it('moving to a position keeps the exact coordinates', () => {
    const { doc, id } = boardWithNote();
    moveNote(doc, id, { lane: 'decide', x: 1200.5, y: 333 });
    expect(readNote(id, getNotesMap(doc).get(id))).toMatchObject({ lane: 'decide', x: 1200.5, y: 333 });
  });
});

describe('setNoteColor and deleteNote', () => {
  it('change what readers see', () => {
    const { doc, id } = boardWithNote();
    setNoteColor(doc, id, 'purple');
    expect(readNote(id, getNotesMap(doc).get(id))?.color).toBe('purple');
    expect(deleteNote(doc, id)).toBe(true);
    expect(getNotesMap(doc).has(id)).toBe(false);
  });
});
