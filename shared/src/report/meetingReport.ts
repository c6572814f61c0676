import type * as Y from 'yjs';
import { computeBalance, type ParticipationBalance } from '../analysis/balance.ts';
import { computePerspectives, type Perspectives } from '../analysis/perspectives.ts';
import { tallyVote, type VoteTally } from '../analysis/tally.ts';
import { readEditCounts } from '../schema/activity.ts';
import { LANES, type Lane } from '../schema/lanes.ts';
import { readMeta } from '../schema/meta.ts';
import { type Note, readNotes } from '../schema/note.ts';
import { readParticipants } from '../schema/participant.ts';
import { ROLE_INFO } from '../schema/roles.ts';
import { readVotes, type Vote } from '../schema/vote.ts';

/** Everything a meeting report shows, as plain data; render it with the Markdown or CSV writer. */
export interface MeetingReport {
  readonly title: string;
  /** When the report was made, milliseconds since the epoch. */
  readonly generatedAt: number;
  readonly boardCreatedAt: number;
  /** Every lane in board order, each with its notes in reading order (top to bottom). */
  readonly lanes: readonly { readonly lane: Lane; readonly notes: readonly Note[] }[];
  readonly notesById: ReadonlyMap<string, Note>;
  /** Oldest vote first. */
  readonly votes: readonly ReportVote[];
  readonly balance: ParticipationBalance;
}

export interface ReportVote {
  readonly vote: Vote;
  /** 1-based, in the order votes were opened: "Vote 1", "Vote 2". */
  readonly number: number;
  readonly tally: VoteTally;
  readonly perspectives: Perspectives;
}

/** Reads a board into a report. Pure with respect to the document: it writes nothing. */
export function collectMeetingReport(doc: Y.Doc, options: { now?: number } = {}): MeetingReport {
  const meta = readMeta(doc);
  const notes = readNotes(doc).sort((a, b) => a.y - b.y || a.x - b.x || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const noteIds = new Set(notes.map((note) => note.id));
  const votes = readVotes(doc).map((vote, index) => {
    const tally = tallyVote(vote, noteIds);
    return { vote, number: index + 1, tally, perspectives: computePerspectives(tally) };
  });
  return {
    title: meta.title,
    generatedAt: options.now ?? Date.now(),
    boardCreatedAt: meta.createdAt,
    lanes: LANES.map((lane) => ({ lane, notes: notes.filter((note) => note.lane === lane.id) })),
    notesById: new Map(notes.map((note) => [note.id, note])),
    votes,
    balance: computeBalance({
      notes,
      edits: readEditCounts(doc),
      tallies: votes.map((entry) => entry.tally),
      participants: readParticipants(doc),
    }),
  };
}

/** Who wrote a note, as a report shows it: the name, or "A lay participant" / "A practitioner". */
export function noteAuthorLabel(note: Pick<Note, 'anonymous' | 'author' | 'authorRole'>): string {
  return note.anonymous || note.author === '' ? ROLE_INFO[note.authorRole].anonymousName : note.author;
}

/** "Whole board" or "Decide lane". */
export function voteScopeLabel(vote: Pick<Vote, 'scope'>): string {
  if (vote.scope === 'board') return 'Whole board';
  const lane = LANES.find((candidate) => candidate.id === vote.scope);
  return `${lane?.title ?? vote.scope} lane`;
}

/** "2025-06-01" in UTC, or "unknown" for 0. */
export function formatDate(time: number): string {
  return time > 0 ? new Date(time).toISOString().slice(0, 10) : 'unknown';
}
