import * as Y from 'yjs';
import { createNote, type NewNote, nextFreeSpot } from './noteOps.ts';

/** What an anonymous note needs: everything of a note except who wrote it. */
export type NewAnonymousNote = Omit<NewNote, 'author' | 'anonymous'>;

/**
 * Posts a note anonymously, keeping the role but never the person. Returns the note's id.
 *
 * createNote with `anonymous: true` already writes no name, but every Yjs item records the
 * client id of the document that wrote it, and the same client id also writes this person's
 * named notes, their participant entry and their dots. Anyone reading the encoded document
 * could follow that id from the anonymous note back to a name. So the note is written in a
 * throwaway document whose random client id is used once and never again, then merged in.
 * Editing the note later from this session writes with the session's client id again; see
 * docs/voting.md for that limit.
 */
export function createAnonymousNote(doc: Y.Doc, input: NewAnonymousNote, origin: unknown = null): string {
  // Position is computed against the real board; the throwaway document is empty.
  const position = input.x !== undefined && input.y !== undefined ? { x: input.x, y: input.y } : nextFreeSpot(doc, input.lane);
  const throwaway = new Y.Doc();
  try {
    const id = createNote(throwaway, { ...input, ...position, author: '', anonymous: true }, origin);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(throwaway), origin);
    return id;
  } finally {
    throwaway.destroy();
  }
}
