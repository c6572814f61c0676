import type * as Y from 'yjs';
import { computeBalance, type ParticipationBalance } from '../analysis/balance.ts';
import { computePerspectives, type Perspectives } from '../analysis/perspectives.ts';
import { tallyVote, type VoteTally } from '../analysis/tally.ts';
import { laneTitle, roleWord } from '../i18n/boardWords.ts';
import { ENGLISH, type Translator } from '../i18n/translator.ts';
import { readEditCounts } from '../schema/activity.ts';
import { LANES, type Lane } from '../schema/lanes.ts';
import { readMeta } from '../schema/meta.ts';
import { type Note, readNotes } from '../schema/note.ts';
import { readParticipants } from '../schema/participant.ts';
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
/** `t` words the analysis (call-outs, balance prompts) in the report's language. */
export function collectMeetingReport(doc: Y.Doc, options: { now?: number; t?: Translator } = {}): MeetingReport {
  const t = options.t ?? ENGLISH;
  const meta = readMeta(doc);
  const notes = readNotes(doc).sort((a, b) => a.y - b.y || a.x - b.x || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const noteIds = new Set(notes.map((note) => note.id));
  const votes = readVotes(doc).map((vote, index) => {
    const tally = tallyVote(vote, noteIds);
    return { vote, number: index + 1, tally, perspectives: computePerspectives(tally, t) };
  });
  return {
    title: meta.title,
    generatedAt: options.now ?? Date.now(),
    boardCreatedAt: meta.createdAt,
    lanes: LANES.map((lane) => ({ lane, notes: notes.filter((note) => note.lane === lane.id) })),
    notesById: new Map(notes.map((note) => [note.id, note])),
    votes,
    balance: computeBalance(
      {
        notes,
        edits: readEditCounts(doc),
        tallies: votes.map((entry) => entry.tally),
        participants: readParticipants(doc),
      },
      t,
    ),
  };
}

/** Who wrote a note, as a report shows it: the name, or "A lay participant" / "A practitioner". */
export function noteAuthorLabel(note: Pick<Note, 'anonymous' | 'author' | 'authorRole'>, t: Translator = ENGLISH): string {
  return note.anonymous || note.author === '' ? roleWord(t, note.authorRole, 'anonymousName') : note.author;
}

/** "Whole board" or "Decide lane", in `t`'s language. */
export function voteScopeLabel(vote: Pick<Vote, 'scope'>, t: Translator = ENGLISH): string {
  if (vote.scope === 'board') return t.t('report.wholeBoard');
  const lane = LANES.find((candidate) => candidate.id === vote.scope);
  return lane ? t.t('report.laneScope', { lane: laneTitle(t, lane.id) }) : vote.scope;
}

/** "2025-06-01" in UTC (a date any spreadsheet reads, in every language), or "unknown" for 0. */
export function formatDate(time: number, t: Translator = ENGLISH): string {
  return time > 0 ? new Date(time).toISOString().slice(0, 10) : t.t('report.dateUnknown');
}
