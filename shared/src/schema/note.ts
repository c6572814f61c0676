import * as Y from 'yjs';
import { getNotesMap } from './boardDoc.ts';
import { DEFAULT_NOTE_COLOR, isNoteColor, type NoteColor } from './colors.ts';
import { isLaneId, type LaneId } from './lanes.ts';
import { ANSWERS_FIELD, laneMayAnswer } from './noteLinks.ts';
import { isRole, type Role } from './roles.ts';

/**
 * One sticky note, as read from `doc.getMap('notes').get(id)` (a Y.Map). Invariants after
 * readNote(): `lane` is one of the six lanes, `x`/`y` are finite, `color` is a palette name,
 * `author` is '' whenever `anonymous` is true, `text` is at most MAX_NOTE_TEXT_LENGTH chars.
 */
export interface Note {
  readonly id: string;
  readonly lane: LaneId;
  /** Plain text of the note's Y.Text (field `text`). */
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly color: NoteColor;
  /** Display name of the author; '' when anonymous or unknown. */
  readonly author: string;
  readonly authorRole: Role;
  /** True when posted anonymously: the author's name is never written to the document. */
  readonly anonymous: boolean;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  /**
   * Ids of the earlier notes this note answers (field `answers`, schema/noteLinks.ts), sorted,
   * never its own id. readNotes also drops links to notes that are gone or that the link rule
   * (`laneMayAnswer`) does not allow; readNote alone cannot know the other notes.
   */
  readonly answers: readonly string[];
}

export const MAX_NOTE_TEXT_LENGTH = 2000;
export const MAX_AUTHOR_LENGTH = 60;
/** Note ids: what createNote generates, and what integrations may use. */
export const NOTE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Reads a note, repairing what can be repaired (unknown colour → default, bad coordinates → 0)
 * and returning null for what cannot (not a map, unknown lane, bad id). Never throws, so a
 * malformed note written by a buggy integration is skipped rather than crashing the board.
 */
export function readNote(id: string, value: unknown): Note | null {
  if (!(value instanceof Y.Map)) return null;
  return readNoteFields(id, (field) => value.get(field));
}

/**
 * The same reading as readNote, of a note as a plain object (JSON from the API, a board file):
 * the same repairs and the same refusals, so a note reaches a view with the same invariants
 * whichever way it came.
 */
export function readNoteRecord(id: unknown, value: unknown): Note | null {
  if (typeof id !== 'string' || typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  return readNoteFields(id, (field) => (Object.hasOwn(record, field) ? record[field] : undefined));
}

function readNoteFields(id: string, get: (field: string) => unknown): Note | null {
  if (!NOTE_ID_PATTERN.test(id)) return null;
  const lane = get('lane');
  if (!isLaneId(lane)) return null;
  const rawText = get('text');
  const text = rawText instanceof Y.Text ? rawText.toString() : typeof rawText === 'string' ? rawText : '';
  const anonymous = get('anonymous') === true;
  const author = get('author');
  const role = get('authorRole');
  const createdAt = get('createdAt');
  const color = get('color');
  return {
    id,
    lane,
    text: text.slice(0, MAX_NOTE_TEXT_LENGTH),
    x: finiteOr(get('x'), 0),
    y: finiteOr(get('y'), 0),
    color: isNoteColor(color) ? color : DEFAULT_NOTE_COLOR,
    author: !anonymous && typeof author === 'string' ? author.slice(0, MAX_AUTHOR_LENGTH) : '',
    authorRole: isRole(role) ? role : 'lay',
    anonymous,
    createdAt: finiteOr(createdAt, 0),
    answers: readAnswers(id, get(ANSWERS_FIELD)),
  };
}

/** The `answers` map's keys set to true; a plain array of ids (as a board file holds) is read too. */
function readAnswers(id: string, value: unknown): string[] {
  const ids = new Set<string>();
  const keep = (target: unknown) => {
    if (typeof target === 'string' && target !== id && NOTE_ID_PATTERN.test(target)) ids.add(target);
  };
  if (value instanceof Y.Map) {
    value.forEach((flag: unknown, target: string) => {
      if (flag === true) keep(target);
    });
  } else if (Array.isArray(value)) {
    for (const target of value) keep(target);
  }
  return [...ids].sort();
}

/**
 * A whole note as the Y.Map it is stored as (docs/schema.md): the one writer of the note layout,
 * used by `createNote` and by importers, so a field added to `Note` is written everywhere at
 * once. Takes a note as `readNote` returns it (its invariants already hold); `id` is the key the
 * caller sets the map under in the notes map, not a field.
 */
export function noteToYMap(note: Note): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set('lane', note.lane);
  map.set('text', new Y.Text(note.text));
  map.set('x', note.x);
  map.set('y', note.y);
  map.set('color', note.color);
  map.set('anonymous', note.anonymous);
  map.set('author', note.anonymous ? '' : note.author);
  map.set('authorRole', note.authorRole);
  map.set('createdAt', note.createdAt);
  // Always present, even empty, so two people linking a new note at once write into one map.
  map.set(ANSWERS_FIELD, new Y.Map<boolean>(note.answers.filter((target) => target !== note.id).map((target) => [target, true])));
  return map;
}

/**
 * All readable notes of a board; malformed entries are skipped, and so are links to notes that
 * are not on the board (deleted while someone linked to them) or that the link rule forbids.
 */
export function readNotes(doc: Y.Doc): Note[] {
  const notes: Note[] = [];
  getNotesMap(doc).forEach((value, id) => {
    const note = readNote(id, value);
    if (note) notes.push(note);
  });
  return keepLiveLinks(notes);
}

/**
 * How many notes readNotes(doc) would return, without reading them: the same refusals (an id
 * that is not a note id, a value that is not a map, an unknown lane), at a fraction of the cost
 * (a version of a 10,000-note board counted its notes in 30–90 ms, on the relay's thread).
 */
export function countNotes(doc: Y.Doc): number {
  let count = 0;
  getNotesMap(doc).forEach((value, id) => {
    if (NOTE_ID_PATTERN.test(id) && value instanceof Y.Map && isLaneId(value.get('lane'))) count++;
  });
  return count;
}

/** The notes with only the links that point at one of them and that the link rule allows. */
export function keepLiveLinks(notes: readonly Note[]): Note[] {
  const laneOf = new Map(notes.map((note) => [note.id, note.lane]));
  return notes.map((note) => {
    const answers = note.answers.filter((target) => {
      const lane = laneOf.get(target);
      return lane !== undefined && laneMayAnswer(note.lane, lane);
    });
    return answers.length === note.answers.length ? note : { ...note, answers };
  });
}

/** The collaborative text of a note, for editors that bind to it; null if absent or not Y.Text. */
export function getNoteText(doc: Y.Doc, id: string): Y.Text | null {
  const text = getNotesMap(doc).get(id)?.get('text');
  return text instanceof Y.Text ? text : null;
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
