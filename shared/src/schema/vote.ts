import * as Y from 'yjs';
import { isLaneId, type LaneId } from './lanes.ts';
import { PARTICIPANT_ID_PATTERN } from './participant.ts';
import { isRole, type Role } from './roles.ts';

/**
 * Top-level map `votes`: vote id → Y.Map with the fields of {@link Vote}. Dots live inside
 * their vote in a nested Y.Map `dots`: dot id → plain object {voter, role, noteId, placedAt}.
 * A dot is immutable once placed; taking it back deletes its key. The full contract and the
 * tally rule are in docs/voting.md.
 */
export const VOTES_MAP = 'votes';

/** A vote covers one lane or the whole board. */
export type VoteScope = 'board' | LaneId;

export type VoteStatus = 'open' | 'closed';

export interface Dot {
  readonly id: string;
  /** Participant id of the person who placed it (a pseudonym, see schema/participant.ts). */
  readonly voter: string;
  /** The voter's role when they placed it. */
  readonly role: Role;
  readonly noteId: string;
  /** Milliseconds since the epoch on the placing device; orders one voter's own dots. */
  readonly placedAt: number;
}

export interface Vote {
  readonly id: string;
  /** Optional question shown above the vote, e.g. "Which ideas should we try first?"; may be ''. */
  readonly title: string;
  readonly scope: VoteScope;
  /** Integer in [1, MAX_DOTS_PER_PERSON]. */
  readonly dotsPerPerson: number;
  /** When true, clients show running totals only after the vote closes. */
  readonly hideTotals: boolean;
  readonly status: VoteStatus;
  readonly openedAt: number;
  /** 0 while open. */
  readonly closedAt: number;
  /**
   * Set when the vote closes: the ids of the dots present at that moment. Dots that arrive
   * later (from a device that was offline) never change a closed result. null while open.
   */
  readonly finalDotIds: ReadonlySet<string> | null;
  /** Every readable dot, sorted by (placedAt, id) so all peers see the same order. */
  readonly dots: readonly Dot[];
}

export const MAX_DOTS_PER_PERSON = 20;
export const DEFAULT_DOTS_PER_PERSON = 3;
export const MAX_VOTE_TITLE_LENGTH = 200;
export const VOTE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function getVotesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(VOTES_MAP);
}

export function isVoteScope(value: unknown): value is VoteScope {
  return value === 'board' || isLaneId(value);
}

/** Orders dots by (placedAt, id): the order the tally rule counts a voter's dots in. */
export function compareDots(a: Dot, b: Dot): number {
  if (a.placedAt !== b.placedAt) return a.placedAt - b.placedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Reads a vote, repairing what can be repaired and dropping unreadable dots. A vote whose
 * status is not exactly 'open' reads as closed, so a malformed vote can never take new dots.
 * Never throws.
 */
export function readVote(id: string, value: unknown): Vote | null {
  if (!VOTE_ID_PATTERN.test(id) || !(value instanceof Y.Map)) return null;
  const scope = value.get('scope');
  const title = value.get('title');
  const openedAt = timeOr(value.get('openedAt'), 0);
  const status: VoteStatus = value.get('status') === 'open' ? 'open' : 'closed';
  const finalIds = value.get('finalDotIds');
  return {
    id,
    title: typeof title === 'string' ? title.slice(0, MAX_VOTE_TITLE_LENGTH) : '',
    scope: isVoteScope(scope) ? scope : 'board',
    dotsPerPerson: clampDots(value.get('dotsPerPerson')),
    hideTotals: value.get('hideTotals') === true,
    status,
    openedAt,
    closedAt: status === 'closed' ? timeOr(value.get('closedAt'), openedAt) : 0,
    finalDotIds:
      status === 'closed' && Array.isArray(finalIds)
        ? new Set(finalIds.filter((dotId): dotId is string => typeof dotId === 'string'))
        : null,
    dots: readDots(value.get('dots')),
  };
}

/** All readable votes, oldest first (by openedAt, then id). */
export function readVotes(doc: Y.Doc): Vote[] {
  const votes: Vote[] = [];
  getVotesMap(doc).forEach((value, id) => {
    const vote = readVote(id, value);
    if (vote) votes.push(vote);
  });
  return votes.sort((a, b) => a.openedAt - b.openedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The vote a client should show: the most recently opened vote that is still open, or null.
 * Two facilitators opening votes at once leave two open votes; every peer picks the same one.
 */
export function findOpenVote(votes: readonly Vote[]): Vote | null {
  let latest: Vote | null = null;
  for (const vote of votes) {
    if (vote.status !== 'open') continue;
    if (!latest || vote.openedAt > latest.openedAt || (vote.openedAt === latest.openedAt && vote.id > latest.id)) latest = vote;
  }
  return latest;
}

/** Whether running totals may be shown to everyone: always once closed, else unless hidden. */
export function totalsVisible(vote: Vote): boolean {
  return vote.status === 'closed' || !vote.hideTotals;
}

function readDots(value: unknown): Dot[] {
  if (!(value instanceof Y.Map)) return [];
  const dots: Dot[] = [];
  value.forEach((raw: unknown, id: string) => {
    const dot = readDot(id, raw);
    if (dot) dots.push(dot);
  });
  return dots.sort(compareDots);
}

function readDot(id: string, raw: unknown): Dot | null {
  if (!VOTE_ID_PATTERN.test(id) || typeof raw !== 'object' || raw === null) return null;
  const { voter, role, noteId, placedAt } = raw as Record<string, unknown>;
  if (typeof voter !== 'string' || !PARTICIPANT_ID_PATTERN.test(voter)) return null;
  if (!isRole(role) || typeof noteId !== 'string') return null;
  return { id, voter, role, noteId, placedAt: timeOr(placedAt, 0) };
}

function clampDots(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_DOTS_PER_PERSON;
  return Math.min(MAX_DOTS_PER_PERSON, Math.max(1, Math.floor(value)));
}

function timeOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}
