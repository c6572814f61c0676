import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getNotesMap } from './boardDoc.ts';
import {
  countNotes,
  getNoteText,
  MAX_AUTHOR_LENGTH,
  MAX_NOTE_TEXT_LENGTH,
  type Note,
  noteToYMap,
  readNote,
  readNotes,
} from './note.ts';

const VALID: Record<string, unknown> = {
  lane: 'design',
  text: 'Text reminders the day before',
  x: 400,
  y: 120,
  color: 'blue',
  author: 'Sam',
  authorRole: 'practitioner',
  anonymous: false,
  createdAt: 1_700_000_000_000,
};

const VALID_NOTE: Note = {
  id: 'n1',
  lane: 'design',
  text: 'Text reminders the day before',
  x: 400,
  y: 120,
  color: 'blue',
  author: 'Sam',
  authorRole: 'practitioner',
  anonymous: false,
  createdAt: 1_700_000_000_000,
  answers: [],
};

/** Stores `fields` as a note in a real doc (a Y.Map only reads its values once integrated). */
function storedNote(fields: Record<string, unknown>, id = 'n1'): unknown {
  const doc = new Y.Doc();
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) map.set(key, key === 'text' && value instanceof YTextOf ? new Y.Text(value.content) : value);
  }
  getNotesMap(doc).set(id, map);
  return getNotesMap(doc).get(id);
}

/** Marks a text to be stored as Y.Text (the current layout) rather than a plain string. */
class YTextOf {
  constructor(readonly content: string) {}
}

describe('readNote repairs what it can', () => {
  it.each<[string, Record<string, unknown>, Partial<Note>]>([
    ['a valid note, text as Y.Text', { text: new YTextOf(VALID.text as string) }, {}],
    ['a plain-string text (pre-v2 board)', { text: 'plain' }, { text: 'plain' }],
    ['missing text', { text: undefined }, { text: '' }],
    ['text of the wrong type', { text: 17 }, { text: '' }],
    ['text over the length limit', { text: 'x'.repeat(MAX_NOTE_TEXT_LENGTH + 50) }, { text: 'x'.repeat(MAX_NOTE_TEXT_LENGTH) }],
    ['x as a string', { x: '400' }, { x: 0 }],
    ['y missing', { y: undefined }, { y: 0 }],
    ['x infinite', { x: Number.POSITIVE_INFINITY }, { x: 0 }],
    ['y NaN', { y: Number.NaN }, { y: 0 }],
    ['negative coordinates (allowed: the board extends left and up)', { x: -30, y: -5 }, { x: -30, y: -5 }],
    ['an unknown colour name', { color: 'red' }, { color: 'yellow' }],
    ['a raw CSS colour', { color: '#ff0000' }, { color: 'yellow' }],
    ['a missing colour', { color: undefined }, { color: 'yellow' }],
    ['an unknown role', { authorRole: 'admin' }, { authorRole: 'lay' }],
    ['a missing role', { authorRole: undefined }, { authorRole: 'lay' }],
    ['an author name over the limit', { author: 'A'.repeat(100) }, { author: 'A'.repeat(MAX_AUTHOR_LENGTH) }],
    ['an author that is not a string', { author: { name: 'Sam' } }, { author: '' }],
    ['an anonymous note that still carries a name', { anonymous: true, author: 'Sam' }, { anonymous: true, author: '' }],
    ['anonymous as a truthy non-boolean', { anonymous: 'yes' }, { anonymous: false }],
    ['createdAt as a date string', { createdAt: '2024-01-01' }, { createdAt: 0 }],
    ['unknown extra fields (kept in the doc, ignored by the reader)', { votes: 3, futureField: { a: 1 } }, {}],
  ])('%s', (_label, overrides, expected) => {
    const note = readNote('n1', storedNote({ ...VALID, ...overrides }));
    expect(note).toEqual({ ...VALID_NOTE, ...expected });
  });
});

describe('readNote skips what it cannot repair', () => {
  it.each<[string, string, unknown]>([
    ['a note that is a plain object', 'n1', { ...VALID }],
    ['a note that is a string', 'n1', 'hello'],
    ['a note that is null', 'n1', null],
    ['a note that is a Y.Text', 'n1', new Y.Text('hello')],
    ['an empty id', '', storedNote(VALID, 'n1')],
    ['an id with spaces', 'note 1', storedNote(VALID, 'n1')],
    ['an id with a slash', '../n1', storedNote(VALID, 'n1')],
    ['an id longer than 64 characters', 'n'.repeat(65), storedNote(VALID, 'n1')],
  ])('%s', (_label, id, value) => {
    expect(readNote(id, value)).toBeNull();
  });

  it.each<[string, unknown]>([
    ['missing', undefined],
    ['an unknown lane id', 'discover'],
    ['a lane title instead of its id', 'Define'],
    ['a number', 0],
  ])('a lane that is %s', (_label, lane) => {
    expect(readNote('n1', storedNote({ ...VALID, lane }))).toBeNull();
  });

  it('never throws, whatever the value', () => {
    const doc = new Y.Doc();
    const weird: unknown[] = [undefined, 0, Number.NaN, [], new Uint8Array(3), new Y.Array(), doc, () => 1, Symbol('x')];
    for (const value of weird) expect(() => readNote('n1', value)).not.toThrow();
  });
});

describe('readNotes', () => {
  it('returns the readable notes and skips the malformed ones', () => {
    const doc = new Y.Doc();
    const notes = getNotesMap(doc);
    doc.transact(() => {
      for (const [id, fields] of [
        ['good-1', { ...VALID, lane: 'define' }],
        ['good-2', { ...VALID, color: 'nonsense' }],
        ['bad-lane', { ...VALID, lane: 'nowhere' }],
        ['bad id!', VALID],
      ] as const) {
        const map = new Y.Map<unknown>();
        for (const [key, value] of Object.entries(fields)) map.set(key, value);
        notes.set(id, map);
      }
      (notes as Y.Map<unknown>).set('not-a-map', 'just a string');
    });
    const read = readNotes(doc);
    expect(read.map((note) => note.id).sort()).toEqual(['good-1', 'good-2']);
    expect(read.find((note) => note.id === 'good-2')?.color).toBe('yellow');
    // A board version's note count, read without reading the notes, agrees.
    expect(countNotes(doc)).toBe(2);
  });

  it('is empty for an empty board', () => {
    expect(readNotes(new Y.Doc())).toEqual([]);
  });
});

describe('getNoteText', () => {
  it('returns the Y.Text of a current-layout note', () => {
    const doc = new Y.Doc();
    const map = new Y.Map<unknown>();
    map.set('text', new Y.Text('hi'));
    getNotesMap(doc).set('n1', map);
    expect(getNoteText(doc, 'n1')?.toString()).toBe('hi');
  });

  it('returns null for a missing note or a plain-string text', () => {
    const doc = new Y.Doc();
    const map = new Y.Map<unknown>();
    map.set('text', 'plain');
    getNotesMap(doc).set('n1', map);
    expect(getNoteText(doc, 'n1')).toBeNull();
    expect(getNoteText(doc, 'missing')).toBeNull();
  });
});

describe('noteToYMap', () => {
  // Every field differs from what readNote fills in for a missing one, so a field the writer
  // drops reads back as its default and the round trip fails. A new field in Note makes this
  // literal fail to compile until it is added here too.
  const EVERY_FIELD: Note = {
    id: 'n-every-field',
    lane: 'evaluate',
    text: 'Ring the carer too',
    x: 512.5,
    y: -40,
    color: 'pink',
    author: 'Ade',
    authorRole: 'practitioner',
    anonymous: false,
    createdAt: 1_700_000_123_456,
    answers: ['n-decided', 'n-done'],
  };

  it('writes every field of a note, so readNote gives the same note back', () => {
    const doc = new Y.Doc();
    getNotesMap(doc).set(EVERY_FIELD.id, noteToYMap(EVERY_FIELD));
    expect(readNote(EVERY_FIELD.id, getNotesMap(doc).get(EVERY_FIELD.id))).toEqual(EVERY_FIELD);
  });

  it('never writes the author of an anonymous note', () => {
    const doc = new Y.Doc();
    getNotesMap(doc).set('anon', noteToYMap({ ...EVERY_FIELD, id: 'anon', anonymous: true, author: 'Ade' }));
    expect(getNotesMap(doc).get('anon')?.get('author')).toBe('');
  });
});
