import {
  dotsLeft,
  existingNoteIds,
  getVotesMap,
  type Note,
  type PlaceDotResult,
  type Role,
  readVote,
  tallyVote,
  totalsVisible,
  type Vote,
} from '@costudio/shared';
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { dotsLeftSentence, refusalMessage } from '../voting/dotMessages.ts';

/** What the canvas needs of the board's voting (voting/useBoardVoting.ts). */
export interface CanvasDotVoting {
  votes: readonly Vote[];
  participantId: string;
  role: Role;
  /** False for view-only links. */
  canVote: boolean;
}

/** A note's dots in the open vote, as drawn on it. */
export interface NoteDots {
  mine: number;
  /** All dots on the note; null while the facilitator hides totals. */
  total: number | null;
  /** Whether this person can place another dot (has dots left). */
  canAdd: boolean;
}

const NONE: ReadonlyMap<string, NoteDots> = new Map();

/**
 * The open vote's dots per note in its scope, recomputed only when votes or notes change, so the
 * board layer (and its motion bitmap) is re-made only when a count shown on a note changes.
 */
export function useCanvasDots(
  voting: CanvasDotVoting | undefined,
  notes: ReadonlyMap<string, Note>,
): { vote: Vote | null; byNote: ReadonlyMap<string, NoteDots>; canVote: boolean } {
  const votes = voting?.votes;
  const participantId = voting?.participantId ?? '';
  const canVote = voting?.canVote ?? false;
  return useMemo(() => {
    const vote = votes?.find((candidate) => candidate.status === 'open') ?? null;
    if (!vote) return { vote: null, byNote: NONE, canVote: false };
    const noteIds = new Set(notes.keys());
    const tally = tallyVote(vote, noteIds);
    const canAdd = canVote && dotsLeft(vote, participantId, noteIds) > 0;
    const showTotals = totalsVisible(vote);
    const mineOn = new Map<string, number>();
    for (const dot of vote.dots) if (dot.voter === participantId) mineOn.set(dot.noteId, (mineOn.get(dot.noteId) ?? 0) + 1);
    const byNote = new Map<string, NoteDots>();
    for (const note of notes.values()) {
      if (vote.scope !== 'board' && note.lane !== vote.scope) continue;
      const total = showTotals ? (tally.byNote.get(note.id)?.totalDots ?? 0) : null;
      byNote.set(note.id, { mine: mineOn.get(note.id) ?? 0, total, canAdd });
    }
    return { vote, byNote, canVote };
  }, [votes, notes, participantId, canVote]);
}

/** What a screen reader hears after a click on a note's "+ dot". */
export function dotPlacedMessage(result: PlaceDotResult, dotsPerPerson: number): string {
  if (!result.ok) return refusalMessage(result.reason, dotsPerPerson);
  return `Dot added. ${dotsLeftSentence(result.dotsLeft)}`;
}

/** What a screen reader hears after a click on a note's "− dot". */
export function dotTakenBackMessage(taken: boolean, doc: Y.Doc, voteId: string, participantId: string): string {
  if (!taken) return 'There was no dot of yours on that note to take back.';
  const vote = readVote(voteId, getVotesMap(doc).get(voteId));
  return `Dot taken back. ${dotsLeftSentence(vote ? dotsLeft(vote, participantId, existingNoteIds(doc)) : 0)}`;
}
