import * as Y from 'yjs';
import { getNotesMap } from '../schema/boardDoc.ts';
import { isLaneId, LANE_IDS, type LaneId } from '../schema/lanes.ts';
import { type Note, readNote, readNoteRecord } from '../schema/note.ts';

/**
 * The first view of a board (`GET /api/boards/<id>/first-view`, docs/api.md): the notes at the
 * top of each lane as plain JSON. A page draws it while the whole document, megabytes on a big
 * board, is still on its way and being decoded, so people see their board in a fraction of the
 * time. It is read-only and short-lived: the page replaces it with the document once that has
 * arrived, and nothing is ever written from it.
 */
export interface FirstView {
  /** The top notes of each lane, by y then x: at most FIRST_VIEW_NOTES_PER_LANE of each lane. */
  readonly notes: readonly Note[];
  /** How many notes the whole board holds. */
  readonly noteCount: number;
}

/** Enough to fill the first screen of every lane at any zoom a board opens at, on a tall screen. */
export const FIRST_VIEW_NOTES_PER_LANE = 40;
/**
 * A note's text beyond this is not in the first view: a note shows a few lines at the zoom a
 * board opens at, and the whole text arrives with the document moments later.
 */
export const FIRST_VIEW_TEXT_LENGTH = 600;

/** The first view of a board's document. Reads lane and position of every note, and the rest of only the notes it keeps. */
export function firstViewOf(doc: Y.Doc, perLane = FIRST_VIEW_NOTES_PER_LANE): FirstView {
  const byLane = new Map<LaneId, { id: string; x: number; y: number; map: Y.Map<unknown> }[]>();
  let noteCount = 0;
  getNotesMap(doc).forEach((map, id) => {
    if (!(map instanceof Y.Map)) return;
    const lane = map.get('lane');
    if (!isLaneId(lane)) return;
    noteCount++;
    const x = map.get('x');
    const y = map.get('y');
    const candidate = { id, x: typeof x === 'number' ? x : 0, y: typeof y === 'number' ? y : 0, map };
    const lanes = byLane.get(lane);
    if (lanes) lanes.push(candidate);
    else byLane.set(lane, [candidate]);
  });
  const notes: Note[] = [];
  for (const lane of LANE_IDS) {
    const candidates = byLane.get(lane) ?? [];
    candidates.sort((a, b) => a.y - b.y || a.x - b.x);
    for (const candidate of candidates.slice(0, perLane)) {
      const note = readNote(candidate.id, candidate.map);
      if (note) notes.push(shortened(note));
    }
  }
  return { notes, noteCount };
}

/**
 * A first view as the page receives it (JSON of unknown shape): every note read with the same
 * repairs and refusals as a note of the document, so a malformed or hostile answer draws nothing
 * wrong. Null when it is not a first view at all.
 */
export function readFirstView(value: unknown): FirstView | null {
  if (typeof value !== 'object' || value === null) return null;
  const { notes, noteCount } = value as { notes?: unknown; noteCount?: unknown };
  if (!Array.isArray(notes) || typeof noteCount !== 'number' || !Number.isSafeInteger(noteCount) || noteCount < 0) return null;
  const read: Note[] = [];
  const seen = new Set<string>();
  for (const record of notes.slice(0, LANE_IDS.length * FIRST_VIEW_NOTES_PER_LANE)) {
    const note = readNoteRecord((record as { id?: unknown } | null)?.id, record);
    if (!note || seen.has(note.id)) continue;
    seen.add(note.id);
    read.push(shortened(note));
  }
  return { notes: read, noteCount };
}

function shortened(note: Note): Note {
  return note.text.length > FIRST_VIEW_TEXT_LENGTH ? { ...note, text: note.text.slice(0, FIRST_VIEW_TEXT_LENGTH) } : note;
}
