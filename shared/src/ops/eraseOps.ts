import * as Y from 'yjs';
import { getNotesMap } from '../schema/boardDoc.ts';
import { readNote } from '../schema/note.ts';
import { getParticipantsMap } from '../schema/participant.ts';
import { getRepliesMap, readReply } from '../schema/reply.ts';
import { getVotesMap } from '../schema/vote.ts';
import { detachNotes } from './linkOps.ts';

/**
 * Whose or which contributions to erase (issue 15, docs/privacy.md). Notes carry no
 * participant id, only their author's display name, so "everything one person wrote" is their
 * named notes and replies (by `author`) and their dots (by `participantId`); an anonymous note is, by
 * design, tied to nobody and is erased by its id.
 */
export interface ErasureTarget {
  /** Notes to erase by id, whoever wrote them. */
  readonly noteIds?: readonly string[];
  /** Erase every note posted under this name (not anonymous ones); compared trimmed, exactly. */
  readonly author?: string;
  /** Erase every dot this participant placed, and their participant entry. */
  readonly participantId?: string;
  /** Replies to erase by id, whoever wrote them (anonymous ones included). */
  readonly replyIds?: readonly string[];
}

export interface ErasureCount {
  readonly notes: number;
  readonly dots: number;
  readonly participants: number;
  /** Replies erased: the target's own, and every reply to an erased note. */
  readonly replies: number;
}

/** Transaction origin of an erasure, so observers can tell it from people's edits. */
export const ERASE_ORIGIN = 'costudio:erase';

/** True when the target names anything at all (an empty target erases nothing). */
export function isErasureTarget(target: ErasureTarget): boolean {
  return (
    (target.noteIds?.length ?? 0) > 0 ||
    (target.replyIds?.length ?? 0) > 0 ||
    Boolean(target.author?.trim()) ||
    Boolean(target.participantId)
  );
}

/**
 * Deletes, in one transaction, the target's notes with every reply to them and every link to
 * them, the target's replies (by id, or named replies by `author`), every dot on those notes (so no vote points
 * at a note that is gone), the participant's dots in any vote, open or closed, and their
 * participant entry. Deleting only: in a doc with garbage collection on (the default), nothing
 * of the erased text is left to encode afterwards. Idempotent.
 */
export function eraseContributions(doc: Y.Doc, target: ErasureTarget, origin: unknown = ERASE_ORIGIN): ErasureCount {
  const notes = getNotesMap(doc);
  const author = target.author?.trim() ?? '';
  const noteIds = new Set<string>();
  for (const id of target.noteIds ?? []) if (notes.has(id)) noteIds.add(id);
  if (author !== '') {
    notes.forEach((value, id) => {
      const note = readNote(id, value);
      if (note && !note.anonymous && note.author.trim() === author) noteIds.add(id);
    });
  }
  const replyIds = new Set<string>();
  const repliesMap = getRepliesMap(doc);
  for (const id of target.replyIds ?? []) if (repliesMap.has(id)) replyIds.add(id);
  if (author !== '') {
    repliesMap.forEach((value, id) => {
      const reply = readReply(id, value);
      if (reply && !reply.anonymous && reply.author.trim() === author) replyIds.add(id);
    });
  }
  let dots = 0;
  let participants = 0;
  let replies = 0;
  doc.transact(() => {
    for (const id of noteIds) notes.delete(id);
    for (const id of replyIds) repliesMap.delete(id);
    replies = replyIds.size + detachNotes(doc, noteIds);
    getVotesMap(doc).forEach((vote) => {
      const dotsMap = vote instanceof Y.Map ? vote.get('dots') : undefined;
      if (!(dotsMap instanceof Y.Map)) return;
      for (const [dotId, raw] of [...dotsMap.entries()]) {
        const { voter, noteId } = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
        const allNoteIds = target.noteIds ?? [];
        const onErasedNote = typeof noteId === 'string' && (noteIds.has(noteId) || allNoteIds.includes(noteId));
        if (onErasedNote || (target.participantId !== undefined && voter === target.participantId)) {
          dotsMap.delete(dotId);
          dots++;
        }
      }
    });
    if (target.participantId !== undefined && getParticipantsMap(doc).has(target.participantId)) {
      getParticipantsMap(doc).delete(target.participantId);
      participants++;
    }
  }, origin);
  return { notes: noteIds.size, dots, participants, replies };
}
