import { describe, expect, it } from 'vitest';
import type { Role } from '../schema/roles.ts';
import type { Dot, Vote } from '../schema/vote.ts';
import { dotsLeft, tallyVote } from './tally.ts';

let dotSeq = 0;
function dot(voter: string, role: Role, noteId: string, placedAt: number, id = `d${String(++dotSeq).padStart(3, '0')}`): Dot {
  return { id, voter, role, noteId, placedAt };
}

function vote(dots: Dot[], options: Partial<Vote> = {}): Vote {
  return {
    id: 'v1',
    title: '',
    scope: 'board',
    dotsPerPerson: 3,
    hideTotals: false,
    status: 'open',
    openedAt: 0,
    closedAt: 0,
    finalDotIds: null,
    ...options,
    dots,
  };
}

const NOTES = new Set(['a', 'b', 'c']);

describe('tallyVote', () => {
  const cases: {
    name: string;
    vote: Vote;
    notes?: ReadonlySet<string>;
    perNote: Record<string, { lay: number; practitioner: number }>;
    votersByRole: { lay: number; practitioner: number };
    excess: number;
  }[] = [
    { name: 'no votes', vote: vote([]), perNote: {}, votersByRole: { lay: 0, practitioner: 0 }, excess: 0 },
    {
      name: 'dots by role, stacking allowed',
      vote: vote([
        dot('p1', 'lay', 'a', 1),
        dot('p1', 'lay', 'a', 2),
        dot('p2', 'practitioner', 'b', 1),
        dot('p3', 'lay', 'b', 5),
      ]),
      perNote: { a: { lay: 2, practitioner: 0 }, b: { lay: 1, practitioner: 1 } },
      votersByRole: { lay: 2, practitioner: 1 },
      excess: 0,
    },
    {
      name: 'only practitioners voted (one role absent)',
      vote: vote([dot('p2', 'practitioner', 'c', 1)]),
      perNote: { c: { lay: 0, practitioner: 1 } },
      votersByRole: { lay: 0, practitioner: 1 },
      excess: 0,
    },
    {
      name: 'excess dots from two devices: earliest N by (placedAt, id) count',
      vote: vote(
        [
          dot('p1', 'lay', 'a', 10, 'x1'),
          dot('p1', 'lay', 'b', 10, 'x0'), // same time as x1, smaller id: counts first
          dot('p1', 'lay', 'c', 30, 'x2'),
          dot('p1', 'lay', 'c', 5, 'x3'),
        ],
        { dotsPerPerson: 2 },
      ),
      perNote: { c: { lay: 1, practitioner: 0 }, b: { lay: 1, practitioner: 0 } },
      votersByRole: { lay: 1, practitioner: 0 },
      excess: 2,
    },
    {
      name: 'person who changed role mid-vote counts with the role of their first dot',
      vote: vote([dot('p1', 'lay', 'a', 1), dot('p1', 'practitioner', 'b', 2), dot('p2', 'practitioner', 'b', 3)]),
      perNote: { a: { lay: 1, practitioner: 0 }, b: { lay: 1, practitioner: 1 } },
      votersByRole: { lay: 1, practitioner: 1 },
      excess: 0,
    },
    {
      name: 'dots on deleted notes are ignored and free the allowance',
      vote: vote([dot('p1', 'lay', 'gone', 1), dot('p1', 'lay', 'a', 2), dot('p1', 'lay', 'b', 3)], { dotsPerPerson: 2 }),
      perNote: { a: { lay: 1, practitioner: 0 }, b: { lay: 1, practitioner: 0 } },
      votersByRole: { lay: 1, practitioner: 0 },
      excess: 0,
    },
    {
      name: 'closed vote counts only dots recorded at close',
      vote: vote([dot('p1', 'lay', 'a', 1, 'k1'), dot('p2', 'lay', 'a', 99, 'late')], {
        status: 'closed',
        closedAt: 50,
        finalDotIds: new Set(['k1']),
      }),
      perNote: { a: { lay: 1, practitioner: 0 } },
      votersByRole: { lay: 1, practitioner: 0 },
      excess: 0,
    },
  ];

  it.each(cases)('$name', ({ vote: v, notes, perNote, votersByRole, excess }) => {
    const tally = tallyVote(v, notes ?? NOTES);
    const got = Object.fromEntries(tally.notes.map((note) => [note.noteId, note.dots]));
    expect(got).toEqual(perNote);
    expect(tally.votersByRole).toEqual(votersByRole);
    expect(tally.excessDots).toHaveLength(excess);
    for (const voter of tally.voters.values()) expect(voter.counted.length).toBeLessThanOrEqual(v.dotsPerPerson);
  });

  it('lists notes most dots first, ties by note id', () => {
    const tally = tallyVote(
      vote([dot('p1', 'lay', 'b', 1), dot('p2', 'lay', 'a', 1), dot('p3', 'lay', 'c', 1), dot('p3', 'lay', 'c', 2)]),
      NOTES,
    );
    expect(tally.notes.map((note) => note.noteId)).toEqual(['c', 'a', 'b']);
  });

  it('counts distinct voters per note, not dots', () => {
    const tally = tallyVote(vote([dot('p1', 'lay', 'a', 1), dot('p1', 'lay', 'a', 2), dot('p1', 'lay', 'a', 3)]), NOTES);
    expect(tally.byNote.get('a')?.voters).toEqual({ lay: 1, practitioner: 0 });
    expect(tally.byNote.get('a')?.totalDots).toBe(3);
  });

  it('reports the excess dots themselves so the owner can clean them up', () => {
    const tally = tallyVote(vote([dot('p1', 'lay', 'a', 1, 'e1'), dot('p1', 'lay', 'b', 2, 'e2')], { dotsPerPerson: 1 }), NOTES);
    expect(tally.voters.get('p1')?.excess.map((d) => d.id)).toEqual(['e2']);
  });
});

describe('dotsLeft', () => {
  it.each([
    { placed: 0, per: 3, left: 3 },
    { placed: 2, per: 3, left: 1 },
    { placed: 3, per: 3, left: 0 },
    { placed: 5, per: 3, left: 0 },
  ])('$placed placed of $per leaves $left', ({ placed, per, left }) => {
    const dots = Array.from({ length: placed }, (_, i) => dot('p1', 'lay', 'a', i));
    expect(dotsLeft(vote(dots, { dotsPerPerson: per }), 'p1', NOTES)).toBe(left);
    expect(dotsLeft(vote(dots, { dotsPerPerson: per }), 'someone-else', NOTES)).toBe(per);
  });
});
