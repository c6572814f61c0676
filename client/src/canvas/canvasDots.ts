import {
  dotsLeft,
  existingNoteIds,
  getVotesMap,
  NOTE_HEIGHT,
  NOTE_WIDTH,
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
import { currentTranslator } from '../i18n/localeChoice.ts';
import { dotsLeftSentence, refusalMessage } from '../voting/dotMessages.ts';
import { MIN_STARTING_SCALE } from './camera.ts';

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
  /** This person's dots on it; null for someone who cannot vote (a view-only link shows no "Yours"). */
  mine: number | null;
  /** All dots on the note; null while the facilitator hides totals. */
  total: number | null;
  /** Whether this person can place another dot (has dots left). */
  canAdd: boolean;
}

const NONE: ReadonlyMap<string, NoteDots> = new Map();

/** A rectangle on a note, in board units from the note's top-left corner. */
export interface NoteRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The lowest zoom the canvas starts at (camera.ts, startingCamera): below it text is too small,
 * so a target big enough here is big enough at every starting zoom.
 */
export const LOWEST_STARTING_SCALE = MIN_STARTING_SCALE;
/** WCAG 2.5.8 (AA): 24 × 24 CSS px; on touch the 44 × 44 of WCAG 2.5.5 and the platforms' guides. */
export const MIN_TARGET_CSS_PX = 24;
export const MIN_TOUCH_TARGET_CSS_PX = 44;

const TARGET_WIDTH = 60;
const TARGET_HEIGHT = Math.ceil(MIN_TARGET_CSS_PX / LOWEST_STARTING_SCALE);
const TOUCH_SIZE = Math.ceil(MIN_TOUCH_TARGET_CSS_PX / LOWEST_STARTING_SCALE);
const TARGET_GAP = 4;

/** The "+ dot" target, bottom right: 42 × 24.5 CSS px at the lowest starting zoom (was 31 × 17). */
export const DOT_TARGET: NoteRect = {
  x: NOTE_WIDTH - 6 - TARGET_WIDTH,
  y: NOTE_HEIGHT - 2 - TARGET_HEIGHT,
  width: TARGET_WIDTH,
  height: TARGET_HEIGHT,
};
/** The "− dot" target, left of "+ dot", shown while this person has a dot on the note. */
export const TAKE_BACK_TARGET: NoteRect = { ...DOT_TARGET, x: DOT_TARGET.x - TARGET_GAP - TARGET_WIDTH };

/**
 * Where a finger hits a target: the drawn box grown to 44 × 44 CSS px at the lowest starting
 * zoom, upwards into the note and outwards (away from the other target, so the two never
 * overlap). A mouse hits the drawn box only.
 */
function touchArea(target: NoteRect, outwards: 'left' | 'right'): NoteRect {
  const width = Math.max(target.width, TOUCH_SIZE);
  const height = Math.max(target.height, TOUCH_SIZE);
  return {
    x: outwards === 'left' ? target.x + target.width - width : target.x,
    y: target.y + target.height - height,
    width,
    height,
  };
}
export const DOT_TOUCH_AREA = touchArea(DOT_TARGET, 'right');
export const TAKE_BACK_TOUCH_AREA = touchArea(TAKE_BACK_TARGET, 'left');

export function insideRect(rect: NoteRect, point: { x: number; y: number } | null): boolean {
  if (!point) return false;
  return point.x >= rect.x && point.x <= rect.x + rect.width && point.y >= rect.y && point.y <= rect.y + rect.height;
}

/** Which dot target a click or tap at `point` (note units) hits, if any. */
export function dotTargetAt(
  point: { x: number; y: number } | null,
  touch: boolean,
  shown: { place: boolean; takeBack: boolean },
): 'place' | 'takeBack' | null {
  if (shown.place && insideRect(touch ? DOT_TOUCH_AREA : DOT_TARGET, point)) return 'place';
  if (shown.takeBack && insideRect(touch ? TAKE_BACK_TOUCH_AREA : TAKE_BACK_TARGET, point)) return 'takeBack';
  return null;
}

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
      byNote.set(note.id, { mine: canVote ? (mineOn.get(note.id) ?? 0) : null, total, canAdd });
    }
    return { vote, byNote, canVote };
  }, [votes, notes, participantId, canVote]);
}

/** What a screen reader hears after a click on a note's "+ dot". */
export function dotPlacedMessage(result: PlaceDotResult, dotsPerPerson: number): string {
  if (!result.ok) return refusalMessage(result.reason, dotsPerPerson);
  return currentTranslator().t('dot.addedShort', { left: dotsLeftSentence(result.dotsLeft) });
}

/** What a screen reader hears after a click on a note's "− dot". */
export function dotTakenBackMessage(taken: boolean, doc: Y.Doc, voteId: string, participantId: string): string {
  if (!taken) return currentTranslator().t('dot.noneToTakeBack');
  const vote = readVote(voteId, getVotesMap(doc).get(voteId));
  return currentTranslator().t('dot.takenBackShort', {
    left: dotsLeftSentence(vote ? dotsLeft(vote, participantId, existingNoteIds(doc)) : 0),
  });
}
