import * as Y from 'yjs';
import { getNotesMap } from '../schema/boardDoc.ts';
import { type Note, readNote } from '../schema/note.ts';
import { ANSWERS_FIELD, laneMayAnswer } from '../schema/noteLinks.ts';
import { getRepliesMap } from '../schema/reply.ts';

/**
 * Whether `from` may say it answers `to`: a different note of an earlier stage
 * (schema/noteLinks.ts: a Decide note cites Define/Design notes, a Deliver action a decision,
 * an Evaluate measure an action).
 */
export function canLink(from: Note, to: Note): boolean {
  return from.id !== to.id && laneMayAnswer(from.lane, to.lane);
}

/**
 * Records that note `fromId` answers note `toId`. Returns false, writing nothing, when either
 * note is missing or the link is not allowed; true when the link is there afterwards
 * (linking twice is the same as once).
 */
export function linkNotes(doc: Y.Doc, fromId: string, toId: string, origin: unknown = null): boolean {
  const notes = getNotesMap(doc);
  const fromMap = notes.get(fromId);
  const from = readNote(fromId, fromMap);
  const to = readNote(toId, notes.get(toId));
  if (!(fromMap instanceof Y.Map) || !from || !to || !canLink(from, to)) return false;
  const existing = fromMap.get(ANSWERS_FIELD);
  if (existing instanceof Y.Map && existing.get(toId) === true) return true;
  doc.transact(() => {
    // Boards are migrated to have the map on every note (migrations/v3NoteAnswers.ts); a note
    // written by another tool may still lack it.
    let answers = fromMap.get(ANSWERS_FIELD);
    if (!(answers instanceof Y.Map)) {
      answers = new Y.Map<boolean>();
      fromMap.set(ANSWERS_FIELD, answers);
    }
    (answers as Y.Map<boolean>).set(toId, true);
  }, origin);
  return true;
}

/** Removes the link from `fromId` to `toId`; false when there was none. */
export function unlinkNotes(doc: Y.Doc, fromId: string, toId: string, origin: unknown = null): boolean {
  const answers = getNotesMap(doc).get(fromId)?.get(ANSWERS_FIELD);
  if (!(answers instanceof Y.Map) || !answers.has(toId)) return false;
  doc.transact(() => answers.delete(toId), origin);
  return true;
}

/**
 * Removes for good what hangs off notes being erased: their replies and every link to them from
 * other notes (deleteNote leaves both for readers to skip, so that undo brings them back).
 * Returns how many replies it removed. Must run inside the transaction that erases the notes.
 * A reply or link made concurrently elsewhere can still arrive later; readers skip those.
 */
export function detachNotes(doc: Y.Doc, noteIds: ReadonlySet<string>): number {
  const replies = getRepliesMap(doc);
  let removedReplies = 0;
  for (const [replyId, reply] of [...replies.entries()]) {
    const noteId = reply instanceof Y.Map ? reply.get('noteId') : undefined;
    if (typeof noteId === 'string' && noteIds.has(noteId)) {
      replies.delete(replyId);
      removedReplies++;
    }
  }
  getNotesMap(doc).forEach((note, id) => {
    if (noteIds.has(id) || !(note instanceof Y.Map)) return;
    const answers = note.get(ANSWERS_FIELD);
    if (!(answers instanceof Y.Map)) return;
    for (const target of noteIds) if (answers.has(target)) answers.delete(target);
  });
  return removedReplies;
}
