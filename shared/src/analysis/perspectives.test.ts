import { describe, expect, it } from 'vitest';
import type { Role } from '../schema/roles.ts';
import type { Dot, Vote } from '../schema/vote.ts';
import { computePerspectives } from './perspectives.ts';
import { tallyVote } from './tally.ts';

/** Builds a vote from "voter:role -> notes" lines, one dot per listed note. */
function tallyOf(ballots: Record<string, { role: Role; notes: string[] }>) {
  const dots: Dot[] = [];
  let seq = 0;
  for (const [voter, ballot] of Object.entries(ballots)) {
    for (const noteId of ballot.notes) dots.push({ id: `d${++seq}`, voter, role: ballot.role, noteId, placedAt: seq });
  }
  const vote: Vote = {
    id: 'v',
    title: '',
    scope: 'board',
    dotsPerPerson: 5,
    hideTotals: false,
    status: 'open',
    openedAt: 0,
    closedAt: 0,
    finalDotIds: null,
    dots,
  };
  return tallyVote(vote, new Set(['keep', 'cure', 'travel', 'cost']));
}

// Three lay participants and two practitioners, as in the end-to-end scenario.
const ROOM = tallyOf({
  l1: { role: 'lay', notes: ['keep', 'travel'] },
  l2: { role: 'lay', notes: ['keep', 'travel'] },
  l3: { role: 'lay', notes: ['keep', 'cure'] },
  p1: { role: 'practitioner', notes: ['cure', 'travel'] },
  p2: { role: 'practitioner', notes: ['cure', 'cost'] },
});

describe('computePerspectives', () => {
  it('gives each role’s share of voters per note, sorted by divergence', () => {
    const result = computePerspectives(ROOM);
    const rows = result.rows.map((row) => [
      row.noteId,
      round(row.shares.lay),
      round(row.shares.practitioner),
      round(row.difference),
    ]);
    expect(rows).toEqual([
      ['keep', 100, 0, 100],
      ['cure', 33, 100, -67],
      ['cost', 0, 50, -50],
      ['travel', 67, 50, 17],
    ]);
  });

  it('calls out the largest differences in plain words', () => {
    const { callouts } = computePerspectives(ROOM);
    expect(callouts.map((c) => [c.noteId, c.message])).toEqual([
      ['keep', 'Lay participants rank this far higher than practitioners'],
      ['cure', 'Practitioners rank this far higher than lay participants'],
      ['cost', 'Practitioners rank this far higher than lay participants'],
    ]);
    expect(callouts[0]?.detail).toBe('100% of lay participants, 0% of practitioners');
  });

  it.each([
    { gap: 'below 20 points: no call-out', lay: 4, practitioner: 5, layFor: 1, practitionerFor: 1, kind: undefined },
    { gap: '25 points: higher', lay: 4, practitioner: 2, layFor: 3, practitionerFor: 1, kind: 'lay-higher' },
    { gap: 'exactly 20 points: higher', lay: 5, practitioner: 5, layFor: 2, practitionerFor: 1, kind: 'lay-higher' },
    {
      gap: 'exactly 40 points: far higher',
      lay: 5,
      practitioner: 5,
      layFor: 1,
      practitionerFor: 3,
      kind: 'practitioner-far-higher',
    },
    {
      gap: 'both at least half but 25 points apart: higher',
      lay: 4,
      practitioner: 2,
      layFor: 3,
      practitionerFor: 2,
      kind: 'practitioner-higher',
    },
    {
      gap: 'both at least half, within 15 points: shared',
      lay: 4,
      practitioner: 4,
      layFor: 3,
      practitionerFor: 3,
      kind: 'shared-priority',
    },
    { gap: 'close but under half: no call-out', lay: 4, practitioner: 4, layFor: 1, practitionerFor: 1, kind: undefined },
  ])('thresholds: $gap', ({ lay, practitioner, layFor, practitionerFor, kind }) => {
    const ballots: Record<string, { role: Role; notes: string[] }> = {};
    for (let i = 0; i < lay; i++) ballots[`l${i}`] = { role: 'lay', notes: i < layFor ? ['keep'] : ['cost'] };
    for (let i = 0; i < practitioner; i++)
      ballots[`p${i}`] = { role: 'practitioner', notes: i < practitionerFor ? ['keep'] : ['cost'] };
    const callout = computePerspectives(tallyOf(ballots)).callouts.find((c) => c.noteId === 'keep');
    expect(callout?.kind).toBe(kind);
  });

  it('no votes: no rows, no call-outs, says so', () => {
    const result = computePerspectives(tallyOf({}));
    expect(result.rows).toEqual([]);
    expect(result.callouts).toEqual([]);
    expect(result.notices).toEqual(['No one has voted yet.']);
  });

  it('one role absent: shares are null (no division by zero) and the notice names the role', () => {
    const result = computePerspectives(tallyOf({ l1: { role: 'lay', notes: ['keep'] }, l2: { role: 'lay', notes: ['cure'] } }));
    expect(result.rows.map((row) => row.shares)).toEqual([
      { lay: 0.5, practitioner: null },
      { lay: 0.5, practitioner: null },
    ]);
    expect(result.rows.every((row) => row.difference === null)).toBe(true);
    expect(result.callouts).toEqual([]);
    expect(result.notices).toEqual(['No practitioners voted, so there is nothing to compare with.']);
  });

  it('a single voter in a role: no call-outs, because one person is always 0 % or 100 %', () => {
    const result = computePerspectives(
      tallyOf({
        l1: { role: 'lay', notes: ['keep'] },
        l2: { role: 'lay', notes: ['keep'] },
        p1: { role: 'practitioner', notes: ['cure'] },
      }),
    );
    expect(result.callouts).toEqual([]);
    expect(result.notices).toEqual(['Only 1 practitioner voted, so differences are not called out.']);
  });
});

function round(share: number | null): number | null {
  return share === null ? null : Math.round(share * 100);
}
