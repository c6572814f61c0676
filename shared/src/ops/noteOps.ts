import * as random from 'lib0/random';
import * as Y from 'yjs';
import { getNotesMap } from '../schema/boardDoc.ts';
import { DEFAULT_NOTE_COLOR, type NoteColor } from '../schema/colors.ts';
import type { LaneId } from '../schema/lanes.ts';
import { LANE_HEADER_HEIGHT, LANE_WIDTH, laneLeft, NOTE_HEIGHT, NOTE_WIDTH } from '../schema/layout.ts';
import { MAX_AUTHOR_LENGTH, MAX_NOTE_TEXT_LENGTH, NOTE_ID_PATTERN, type Note, noteToYMap } from '../schema/note.ts';
import { AUTHOR_KEY_FIELD, AUTHOR_SECRET_PATTERN, noteAuthorKey } from '../schema/noteAuthorship.ts';
import type { Role } from '../schema/roles.ts';

export interface NewNote {
  lane: LaneId;
  author: string;
  authorRole: Role;
  /** When true, `author` is not written to the document at all. */
  anonymous?: boolean;
  text?: string;
  color?: NoteColor;
  /** Board position; when omitted the note goes below the lane's existing notes. */
  x?: number;
  y?: number;
  /** Defaults to a fresh random id. */
  id?: string;
  createdAt?: number;
  /** This device's author secret for the board: the note then carries its `authorKey` (schema/noteAuthorship.ts). */
  authorSecret?: string;
}

/**
 * Creates a note in one transaction and returns its id. `origin` is passed to `doc.transact`
 * so an UndoManager tracking that origin can undo exactly this person's changes.
 */
export function createNote(doc: Y.Doc, input: NewNote, origin: unknown = null): string {
  const id = input.id ?? random.uuidv4();
  if (!NOTE_ID_PATTERN.test(id)) throw new RangeError(`Invalid note id: ${id}`);
  doc.transact(() => {
    const position = input.x !== undefined && input.y !== undefined ? { x: input.x, y: input.y } : nextFreeSpot(doc, input.lane);
    const note: Note = {
      id,
      lane: input.lane,
      text: (input.text ?? '').slice(0, MAX_NOTE_TEXT_LENGTH),
      x: position.x,
      y: position.y,
      color: input.color ?? DEFAULT_NOTE_COLOR,
      author: input.anonymous ? '' : input.author.trim().slice(0, MAX_AUTHOR_LENGTH),
      authorRole: input.authorRole,
      anonymous: input.anonymous === true,
      createdAt: input.createdAt ?? Date.now(),
      answers: [],
    };
    const map = noteToYMap(note);
    if (input.authorSecret && AUTHOR_SECRET_PATTERN.test(input.authorSecret)) {
      map.set(AUTHOR_KEY_FIELD, noteAuthorKey(input.authorSecret, id));
    }
    getNotesMap(doc).set(id, map);
  }, origin);
  return id;
}

/**
 * Moves a note to a lane and position. When only the lane is given (a keyboard or list move),
 * the note goes below the notes already in that lane.
 */
export function moveNote(doc: Y.Doc, id: string, to: { lane: LaneId; x?: number; y?: number }, origin: unknown = null): boolean {
  const note = getNotesMap(doc).get(id);
  if (!(note instanceof Y.Map)) return false;
  doc.transact(() => {
    const position = to.x !== undefined && to.y !== undefined ? { x: to.x, y: to.y } : nextFreeSpot(doc, to.lane, id);
    if (note.get('lane') !== to.lane) note.set('lane', to.lane);
    note.set('x', position.x);
    note.set('y', position.y);
  }, origin);
  return true;
}

export function setNoteColor(doc: Y.Doc, id: string, color: NoteColor, origin: unknown = null): boolean {
  const note = getNotesMap(doc).get(id);
  if (!(note instanceof Y.Map)) return false;
  doc.transact(() => note.set('color', color), origin);
  return true;
}

/**
 * Deletes a note. Its replies, the links to it and the dots on it stay in the document but are
 * read by nobody (readReplies, readNotes, tallyVote skip them), so a note brought back — by
 * undo, which tracks only the notes map, by the relay undoing a refused deletion, or by a
 * restore — comes back with its thread and links. Erasure removes them for real (eraseOps.ts).
 */
export function deleteNote(doc: Y.Doc, id: string, origin: unknown = null): boolean {
  const notes = getNotesMap(doc);
  if (!notes.has(id)) return false;
  doc.transact(() => notes.delete(id), origin);
  return true;
}

const NOTE_SPACING = 16;

/** Top-left position just below the lowest note already in the lane (ignoring `exceptId`). */
export function nextFreeSpot(doc: Y.Doc, lane: LaneId, exceptId?: string): { x: number; y: number } {
  let bottom = LANE_HEADER_HEIGHT;
  getNotesMap(doc).forEach((note, id) => {
    if (id === exceptId || !(note instanceof Y.Map) || note.get('lane') !== lane) return;
    const y = note.get('y');
    if (typeof y === 'number' && Number.isFinite(y)) bottom = Math.max(bottom, y + NOTE_HEIGHT + NOTE_SPACING);
  });
  return { x: laneLeft(lane) + (LANE_WIDTH - NOTE_WIDTH) / 2, y: bottom };
}
