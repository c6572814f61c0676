import { describe, expect, it } from 'vitest';
import { emptyLaneRoleCounts } from '../schema/activity.ts';
import type { LaneId } from '../schema/lanes.ts';
import type { Role } from '../schema/roles.ts';
import type { Vote } from '../schema/vote.ts';
import { BALANCE_MIN_SAMPLE, computeBalance } from './balance.ts';
import { tallyVote } from './tally.ts';

function notes(lane: LaneId, counts: { lay: number; practitioner: number }) {
  const list: { id: string; lane: LaneId; authorRole: Role }[] = [];
  for (const role of ['lay', 'practitioner'] as const) {
    for (let i = 0; i < counts[role]; i++) list.push({ id: `${lane}-${role}-${i}`, lane, authorRole: role });
  }
  return list;
}

function people(lay: number, practitioner: number): { role: Role }[] {
  return [
    ...Array.from({ length: lay }, () => ({ role: 'lay' as const })),
    ...Array.from({ length: practitioner }, () => ({ role: 'practitioner' as const })),
  ];
}

const NO_EDITS = emptyLaneRoleCounts();

describe('computeBalance', () => {
  it('the issue’s example: 2 of 30 notes in Decide with half the room lay', () => {
    const result = computeBalance({
      notes: notes('decide', { lay: 2, practitioner: 28 }),
      edits: NO_EDITS,
      tallies: [],
      participants: people(3, 3),
    });
    expect(result.prompts.map((p) => p.message)).toEqual([
      'Lay participants wrote 2 of 30 notes in Decide — invite them in?',
      'Lay participants wrote 2 of 30 notes on the board — invite them in?',
    ]);
    const decide = result.lanes.find((lane) => lane.area === 'decide');
    expect(decide?.notes.shares.lay).toBeCloseTo(2 / 30);
    expect(result.participants.shares).toEqual({ lay: 0.5, practitioner: 0.5 });
  });

  it.each([
    { name: 'below the minimum sample: 0 of 5', lay: 0, practitioner: BALANCE_MIN_SAMPLE - 1, layPeople: 3, prompt: false },
    { name: 'at the minimum sample: 0 of 6', lay: 0, practitioner: BALANCE_MIN_SAMPLE, layPeople: 3, prompt: true },
    { name: 'one lay note out of one (a single note never prompts)', lay: 0, practitioner: 1, layPeople: 3, prompt: false },
    {
      name: 'lay share just at half their participant share: 3 of 12 vs 50 %',
      lay: 3,
      practitioner: 9,
      layPeople: 3,
      prompt: false,
    },
    { name: 'lay share just under half: 2 of 12 vs 50 %', lay: 2, practitioner: 10, layPeople: 3, prompt: true },
    { name: 'fair share: 6 of 12', lay: 6, practitioner: 6, layPeople: 3, prompt: false },
    { name: 'no lay participants at all', lay: 0, practitioner: 12, layPeople: 0, prompt: false },
  ])('$name', ({ lay, practitioner, layPeople, prompt }) => {
    const result = computeBalance({
      notes: notes('design', { lay, practitioner }),
      edits: NO_EDITS,
      tallies: [],
      participants: people(layPeople, 3),
    });
    expect(result.prompts.some((p) => p.area === 'design')).toBe(prompt);
  });

  it('no participants recorded: shares are null, no prompt, no division by zero', () => {
    const result = computeBalance({
      notes: notes('define', { lay: 0, practitioner: 10 }),
      edits: NO_EDITS,
      tallies: [],
      participants: [],
    });
    expect(result.participants.shares).toEqual({ lay: null, practitioner: null });
    expect(result.prompts).toEqual([]);
  });

  it('an empty board: every share is null', () => {
    const result = computeBalance({ notes: [], edits: NO_EDITS, tallies: [], participants: people(2, 2) });
    expect(result.overall.notes).toEqual({
      counts: { lay: 0, practitioner: 0 },
      total: 0,
      shares: { lay: null, practitioner: null },
    });
    expect(result.prompts).toEqual([]);
  });

  it('counts edits per lane and role, and prompts on them', () => {
    const edits = emptyLaneRoleCounts();
    edits.deliver = { lay: 1, practitioner: 11 };
    const result = computeBalance({ notes: [], edits, tallies: [], participants: people(2, 2) });
    expect(result.overall.edits.counts).toEqual({ lay: 1, practitioner: 11 });
    expect(result.prompts.map((p) => p.message)).toContain('Lay participants made 1 of 12 edits in Deliver — invite them in?');
  });

  it('counts votes by the lane of the voted note and the voter’s role, across votes', () => {
    const boardNotes = [...notes('decide', { lay: 1, practitioner: 1 }), ...notes('design', { lay: 1, practitioner: 0 })];
    const vote = (id: string, dots: [string, Role, string][]): Vote => ({
      id,
      title: '',
      scope: 'board',
      dotsPerPerson: 10,
      hideTotals: false,
      status: 'open',
      openedAt: 0,
      closedAt: 0,
      finalDotIds: null,
      dots: dots.map(([voter, role, noteId], i) => ({ id: `${id}-${i}`, voter, role, noteId, placedAt: i })),
    });
    const ids = new Set(boardNotes.map((n) => n.id));
    const tallies = [
      tallyVote(
        vote('v1', [
          ['a', 'practitioner', 'decide-lay-0'],
          ['b', 'lay', 'design-lay-0'],
        ]),
        ids,
      ),
      tallyVote(
        vote('v2', [
          ['a', 'practitioner', 'decide-practitioner-0'],
          ['a', 'practitioner', 'decide-lay-0'],
        ]),
        ids,
      ),
    ];
    const result = computeBalance({ notes: boardNotes, edits: NO_EDITS, tallies, participants: people(1, 1) });
    expect(result.lanes.find((l) => l.area === 'decide')?.votes.counts).toEqual({ lay: 0, practitioner: 3 });
    expect(result.lanes.find((l) => l.area === 'design')?.votes.counts).toEqual({ lay: 1, practitioner: 0 });
    expect(result.overall.votes.total).toBe(4);
  });

  it('people who changed role: notes keep the role they were written with, participants count by role now', () => {
    // Two people: one wrote 8 notes as lay, then switched to practitioner.
    const result = computeBalance({
      notes: notes('evaluate', { lay: 8, practitioner: 0 }),
      edits: NO_EDITS,
      tallies: [],
      participants: people(1, 1),
    });
    const evaluate = result.lanes.find((l) => l.area === 'evaluate');
    expect(evaluate?.notes.counts).toEqual({ lay: 8, practitioner: 0 });
    expect(result.participants.counts).toEqual({ lay: 1, practitioner: 1 });
    expect(result.prompts).toEqual([]);
  });
});
