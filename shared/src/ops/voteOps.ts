import * as random from 'lib0/random';
import * as Y from 'yjs';
import { dotsLeft, tallyVote } from '../analysis/tally.ts';
import { getNotesMap } from '../schema/boardDoc.ts';
import { readNote, readNotes } from '../schema/note.ts';
import { PARTICIPANT_ID_PATTERN } from '../schema/participant.ts';
import type { Role } from '../schema/roles.ts';
import {
  DEFAULT_DOTS_PER_PERSON,
  getVotesMap,
  MAX_DOTS_PER_PERSON,
  MAX_VOTE_TITLE_LENGTH,
  readVote,
  VOTE_ID_PATTERN,
  type VoteScope,
} from '../schema/vote.ts';

export interface NewVote {
  scope: VoteScope;
  /** Clamped to [1, MAX_DOTS_PER_PERSON]; defaults to DEFAULT_DOTS_PER_PERSON. */
  dotsPerPerson?: number;
  hideTotals?: boolean;
  title?: string;
  now?: number;
  /** Defaults to a fresh random id. */
  id?: string;
}

/**
 * Facilitator op: opens a vote and returns its id. The relay undoes it when a participant's
 * edit link makes it (docs/voting.md, facilitator rights).
 */
export function openVote(doc: Y.Doc, input: NewVote, origin: unknown = null): string {
  const id = input.id ?? random.uuidv4();
  if (!VOTE_ID_PATTERN.test(id)) throw new RangeError(`Invalid vote id: ${id}`);
  const dots = Math.min(MAX_DOTS_PER_PERSON, Math.max(1, Math.floor(input.dotsPerPerson ?? DEFAULT_DOTS_PER_PERSON)));
  doc.transact(() => {
    const vote = new Y.Map<unknown>();
    vote.set('title', (input.title ?? '').trim().slice(0, MAX_VOTE_TITLE_LENGTH));
    vote.set('scope', input.scope);
    vote.set('dotsPerPerson', Number.isFinite(dots) ? dots : DEFAULT_DOTS_PER_PERSON);
    vote.set('hideTotals', input.hideTotals === true);
    vote.set('status', 'open');
    vote.set('openedAt', input.now ?? Date.now());
    vote.set('closedAt', 0);
    vote.set('dots', new Y.Map<unknown>());
    getVotesMap(doc).set(id, vote);
  }, origin);
  return id;
}

/**
 * Facilitator op: closes a vote and freezes its result by recording the ids of the dots
 * present now (`finalDotIds`). Returns false when the vote is missing or already closed.
 */
export function closeVote(doc: Y.Doc, voteId: string, now = Date.now(), origin: unknown = null): boolean {
  const entry = getVotesMap(doc).get(voteId);
  const vote = readVote(voteId, entry);
  if (!(entry instanceof Y.Map) || !vote || vote.status !== 'open') return false;
  doc.transact(() => {
    entry.set('status', 'closed');
    entry.set('closedAt', now);
    entry.set(
      'finalDotIds',
      vote.dots.map((dot) => dot.id),
    );
  }, origin);
  return true;
}

/** Facilitator op: shows or hides running totals of an open vote. */
export function setHideTotals(doc: Y.Doc, voteId: string, hideTotals: boolean, origin: unknown = null): boolean {
  const entry = getVotesMap(doc).get(voteId);
  if (!(entry instanceof Y.Map)) return false;
  doc.transact(() => entry.set('hideTotals', hideTotals), origin);
  return true;
}

export interface PlaceDot {
  voteId: string;
  participantId: string;
  /** The voter's role now; recorded on the dot. */
  role: Role;
  noteId: string;
  now?: number;
  /** Defaults to a fresh random id. */
  dotId?: string;
}

export type PlaceDotResult =
  | { readonly ok: true; readonly dotId: string; readonly dotsLeft: number }
  | { readonly ok: false; readonly reason: PlaceDotRefusal };

/** Why a dot was refused; each maps to a plain-language message in the client. */
export type PlaceDotRefusal = 'vote-not-found' | 'vote-closed' | 'note-not-found' | 'note-outside-vote' | 'no-dots-left';

/**
 * Places one dot, allowing several on one note (stacking is how a person says "this matters
 * most"). Refuses when the person has no dots left as far as this device knows; a second
 * device may still add one concurrently, which the tally rule then leaves uncounted.
 */
export function placeDot(doc: Y.Doc, input: PlaceDot, origin: unknown = null): PlaceDotResult {
  if (!PARTICIPANT_ID_PATTERN.test(input.participantId)) throw new RangeError(`Invalid participant id: ${input.participantId}`);
  const entry = getVotesMap(doc).get(input.voteId);
  const vote = readVote(input.voteId, entry);
  if (!(entry instanceof Y.Map) || !vote) return { ok: false, reason: 'vote-not-found' };
  if (vote.status !== 'open') return { ok: false, reason: 'vote-closed' };
  const note = readNote(input.noteId, getNotesMap(doc).get(input.noteId));
  if (!note) return { ok: false, reason: 'note-not-found' };
  if (vote.scope !== 'board' && vote.scope !== note.lane) return { ok: false, reason: 'note-outside-vote' };
  const left = dotsLeft(vote, input.participantId, existingNoteIds(doc));
  if (left <= 0) return { ok: false, reason: 'no-dots-left' };
  const dotId = input.dotId ?? random.uuidv4();
  if (!VOTE_ID_PATTERN.test(dotId)) throw new RangeError(`Invalid dot id: ${dotId}`);
  doc.transact(() => {
    dotsMapOf(entry).set(dotId, {
      voter: input.participantId,
      role: input.role,
      noteId: input.noteId,
      placedAt: input.now ?? Date.now(),
    });
  }, origin);
  return { ok: true, dotId, dotsLeft: left - 1 };
}

/**
 * Takes back one of this person's dots on a note: an uncounted (excess) one first, otherwise
 * the most recently placed. Returns false when there is none or the vote is not open.
 */
export function takeBackDot(
  doc: Y.Doc,
  input: { voteId: string; participantId: string; noteId: string },
  origin: unknown = null,
): boolean {
  const entry = getVotesMap(doc).get(input.voteId);
  const vote = readVote(input.voteId, entry);
  if (!(entry instanceof Y.Map) || !vote || vote.status !== 'open') return false;
  const voter = tallyVote(vote, existingNoteIds(doc)).voters.get(input.participantId);
  const onNote = (dots: readonly { noteId: string; id: string }[]) => dots.filter((dot) => dot.noteId === input.noteId);
  const candidate = onNote(voter?.excess ?? []).at(-1) ?? onNote(voter?.counted ?? []).at(-1);
  if (!candidate) return false;
  doc.transact(() => dotsMapOf(entry).delete(candidate.id), origin);
  return true;
}

/**
 * Deletes this person's excess dots (see tallyVote). Meant to run on the owner's own devices
 * after a sync, so a dot placed on two devices at once disappears instead of lingering as
 * "not counted". Deleting is idempotent, so two devices doing it at once is harmless.
 * Returns how many dots it removed.
 */
export function pruneExcessDots(doc: Y.Doc, voteId: string, participantId: string, origin: unknown = null): number {
  const entry = getVotesMap(doc).get(voteId);
  const vote = readVote(voteId, entry);
  if (!(entry instanceof Y.Map) || !vote || vote.status !== 'open') return 0;
  const excess = tallyVote(vote, existingNoteIds(doc)).voters.get(participantId)?.excess ?? [];
  if (excess.length === 0) return 0;
  doc.transact(() => {
    const dots = dotsMapOf(entry);
    for (const dot of excess) dots.delete(dot.id);
  }, origin);
  return excess.length;
}

/** The ids of every readable note on the board, as the tally needs them. */
export function existingNoteIds(doc: Y.Doc): Set<string> {
  return new Set(readNotes(doc).map((note) => note.id));
}

/** The vote's dots map, created if a malformed vote lacks it (must run inside a transaction). */
function dotsMapOf(entry: Y.Map<unknown>): Y.Map<unknown> {
  const dots = entry.get('dots');
  if (dots instanceof Y.Map) return dots;
  const created = new Y.Map<unknown>();
  entry.set('dots', created);
  return created;
}
