import { laneTitle } from '../i18n/boardWords.ts';
import { ENGLISH, type Translator } from '../i18n/translator.ts';
import { emptyLaneRoleCounts, emptyRoleCounts, type LaneRoleCounts } from '../schema/activity.ts';
import { LANE_IDS, type LaneId } from '../schema/lanes.ts';
import type { Note } from '../schema/note.ts';
import type { Participant } from '../schema/participant.ts';
import { atLeast, type RoleShares, roleShares, sumRoleCounts } from './shares.ts';
import type { VoteTally } from './tally.ts';

/**
 * When to prompt the facilitator. In a lane (or the whole board) and for one kind of
 * contribution, the prompt appears when all hold:
 * - there are at least BALANCE_MIN_SAMPLE contributions of that kind there (one or two notes
 *   say nothing about balance);
 * - lay participants are at least one of the participants;
 * - the lay share of contributions is below BALANCE_PROMPT_RATIO × the lay share of
 *   participants, i.e. lay people contribute less than half of what their numbers suggest.
 */
export const BALANCE_MIN_SAMPLE = 6;
export const BALANCE_PROMPT_RATIO = 0.5;

export type BalanceMetric = 'notes' | 'edits' | 'votes';
export const BALANCE_METRICS: readonly BalanceMetric[] = ['notes', 'edits', 'votes'];

/** 'board' means the whole board (all lanes together). */
export type BalanceArea = LaneId | 'board';

export interface AreaBalance {
  readonly area: BalanceArea;
  readonly notes: RoleShares;
  readonly edits: RoleShares;
  /** Counted dots, attributed to the lane the note is in now. */
  readonly votes: RoleShares;
}

export interface BalancePrompt {
  readonly area: BalanceArea;
  readonly metric: BalanceMetric;
  readonly layCount: number;
  readonly total: number;
  /** e.g. "Lay participants wrote 2 of 30 notes in Decide — invite them in?" */
  readonly message: string;
}

export interface ParticipationBalance {
  /** Everyone who joined the board, by their current role. */
  readonly participants: RoleShares;
  /** One entry per lane, in lane order. */
  readonly lanes: readonly AreaBalance[];
  readonly overall: AreaBalance;
  readonly prompts: readonly BalancePrompt[];
}

export interface BalanceInput {
  readonly notes: readonly Pick<Note, 'id' | 'lane' | 'authorRole'>[];
  readonly edits: LaneRoleCounts;
  readonly tallies: readonly VoteTally[];
  readonly participants: readonly Pick<Participant, 'role'>[];
}

/**
 * Share of notes, edits and votes by role, per lane and overall, against each role's share of
 * participants. Notes count by the author's role when writing, edits by the editor's role
 * when editing, votes by the voter's role in that vote; participants by their role now.
 */
export function computeBalance(input: BalanceInput, t: Translator = ENGLISH): ParticipationBalance {
  const notes = emptyLaneRoleCounts();
  const votes = emptyLaneRoleCounts();
  const laneOfNote = new Map<string, LaneId>();
  for (const note of input.notes) {
    notes[note.lane][note.authorRole] += 1;
    laneOfNote.set(note.id, note.lane);
  }
  for (const tally of input.tallies) {
    for (const note of tally.notes) {
      const lane = laneOfNote.get(note.noteId);
      if (!lane) continue;
      votes[lane].lay += note.dots.lay;
      votes[lane].practitioner += note.dots.practitioner;
    }
  }
  const participantCounts = emptyRoleCounts();
  for (const participant of input.participants) participantCounts[participant.role] += 1;
  const participants = roleShares(participantCounts);

  const lanes: AreaBalance[] = LANE_IDS.map((lane) => ({
    area: lane,
    notes: roleShares(notes[lane]),
    edits: roleShares(input.edits[lane]),
    votes: roleShares(votes[lane]),
  }));
  const overall: AreaBalance = {
    area: 'board',
    notes: roleShares(sumRoleCounts(LANE_IDS.map((lane) => notes[lane]))),
    edits: roleShares(sumRoleCounts(LANE_IDS.map((lane) => input.edits[lane]))),
    votes: roleShares(sumRoleCounts(LANE_IDS.map((lane) => votes[lane]))),
  };

  const prompts: BalancePrompt[] = [];
  for (const area of [...lanes, overall]) {
    for (const metric of BALANCE_METRICS) {
      const prompt = promptFor(area.area, metric, area[metric], participants, t);
      if (prompt) prompts.push(prompt);
    }
  }
  return { participants, lanes, overall, prompts };
}

function promptFor(
  area: BalanceArea,
  metric: BalanceMetric,
  shares: RoleShares,
  participants: RoleShares,
  t: Translator,
): BalancePrompt | null {
  const layParticipantShare = participants.shares.lay;
  const layShare = shares.shares.lay;
  if (shares.total < BALANCE_MIN_SAMPLE || layParticipantShare === null || layParticipantShare === 0 || layShare === null)
    return null;
  if (atLeast(layShare, BALANCE_PROMPT_RATIO * layParticipantShare)) return null;
  const layCount = shares.counts.lay;
  return {
    area,
    metric,
    layCount,
    total: shares.total,
    message: t.t('balance.prompt', {
      metric,
      lay: layCount,
      total: shares.total,
      area: area === 'board' ? 'board' : 'lane',
      lane: area === 'board' ? '' : laneTitle(t, area),
    }),
  };
}
