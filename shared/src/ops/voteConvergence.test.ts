import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { tallyVote } from '../analysis/tally.ts';
import type { Role } from '../schema/roles.ts';
import { readVotes } from '../schema/vote.ts';
import { createNote, deleteNote } from './noteOps.ts';
import { existingNoteIds, openVote, placeDot, pruneExcessDots, takeBackDot } from './voteOps.ts';

const DOTS_PER_PERSON = 3;
const SEEDS = Array.from({ length: 24 }, (_, i) => 1000 + i);
const OPS_PER_SEED = 250;
/** Excess dots seen across all seeds: proves the random runs really raced for the last dot. */
let excessSeen = 0;

/** Who is logged in on which replica: p1 and p3 each use two devices at once. */
const SEATS: readonly { participantId: string; role: Role; replica: number }[] = [
  { participantId: 'p1', role: 'lay', replica: 0 },
  { participantId: 'p1', role: 'lay', replica: 1 },
  { participantId: 'p2', role: 'practitioner', replica: 1 },
  { participantId: 'p3', role: 'practitioner', replica: 2 },
  { participantId: 'p3', role: 'practitioner', replica: 3 },
  { participantId: 'p4', role: 'lay', replica: 3 },
];

function syncPair(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** The tally as plain data, so replicas can be compared with toEqual. */
function snapshot(doc: Y.Doc, voteId: string) {
  const vote = readVotes(doc).find((v) => v.id === voteId);
  if (!vote) throw new Error('vote missing');
  const tally = tallyVote(vote, existingNoteIds(doc));
  return {
    notes: tally.notes,
    votersByRole: tally.votersByRole,
    counted: [...tally.voters.values()].map((v) => [v.participantId, v.counted.map((dot) => dot.id)]),
    excess: tally.excessDots.map((dot) => dot.id),
  };
}

function maxCounted(doc: Y.Doc, voteId: string): number {
  const vote = readVotes(doc).find((v) => v.id === voteId);
  if (!vote) return 0;
  return Math.max(0, ...[...tallyVote(vote, existingNoteIds(doc)).voters.values()].map((v) => v.counted.length));
}

describe('concurrent dot voting converges (seeded random operations)', () => {
  it.each(SEEDS)('seed %i', (seed) => {
    const gen = prng.create(seed);
    const origin = new Y.Doc();
    const noteIds = Array.from({ length: 5 }, (_, i) =>
      createNote(origin, { lane: 'decide', author: 'A', authorRole: 'lay', id: `n${i}` }),
    );
    const voteId = openVote(origin, { scope: 'decide', dotsPerPerson: DOTS_PER_PERSON, id: 'vote', now: 0 });
    const replicas = Array.from({ length: 4 }, () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(origin));
      return doc;
    });
    let clock = 1;
    for (let step = 0; step < OPS_PER_SEED; step++) {
      const seat = prng.oneOf(gen, SEATS as { participantId: string; role: Role; replica: number }[]);
      const doc = replicas[seat.replica] as Y.Doc;
      const noteId = prng.oneOf(gen, noteIds);
      const action = prng.int32(gen, 0, 99);
      // Clocks on different devices disagree; a few dots share a timestamp so the id tiebreak is exercised.
      const now = clock + prng.int32(gen, -3, 3);
      clock += prng.int32(gen, 0, 2);
      if (action < 55) placeDot(doc, { voteId, participantId: seat.participantId, role: seat.role, noteId, now });
      else if (action < 75) takeBackDot(doc, { voteId, participantId: seat.participantId, noteId });
      else if (action < 82) pruneExcessDots(doc, voteId, seat.participantId);
      else if (action < 83) deleteNote(doc, noteId);
      else syncPair(doc, prng.oneOf(gen, replicas));
      expect(maxCounted(doc, voteId)).toBeLessThanOrEqual(DOTS_PER_PERSON);
    }
    for (const a of replicas) for (const b of replicas) if (a !== b) syncPair(a, b);
    const expected = snapshot(replicas[0] as Y.Doc, voteId);
    excessSeen += expected.excess.length;
    for (const doc of replicas) {
      expect(snapshot(doc, voteId)).toEqual(expected);
      expect(maxCounted(doc, voteId)).toBeLessThanOrEqual(DOTS_PER_PERSON);
    }
    // After the owners' devices clean up, no excess dots remain anywhere.
    for (const seat of SEATS) pruneExcessDots(replicas[seat.replica] as Y.Doc, voteId, seat.participantId);
    for (const a of replicas) for (const b of replicas) if (a !== b) syncPair(a, b);
    for (const doc of replicas) expect(snapshot(doc, voteId).excess).toEqual([]);
  });

  it('the random runs above produced excess dots to resolve (the test is not vacuous)', () => {
    expect(excessSeen).toBeGreaterThan(0);
  });

  it('two devices of one person racing for the last dots produce excess that every replica agrees on', () => {
    let sawExcess = 0;
    for (const seed of SEEDS) {
      const gen = prng.create(seed);
      const base = new Y.Doc();
      const ids = ['a', 'b', 'c'].map((id) => createNote(base, { lane: 'define', author: 'A', authorRole: 'lay', id }));
      const voteId = openVote(base, { scope: 'board', dotsPerPerson: 2, id: 'v' });
      const phone = new Y.Doc();
      const laptop = new Y.Doc();
      Y.applyUpdate(phone, Y.encodeStateAsUpdate(base));
      Y.applyUpdate(laptop, Y.encodeStateAsUpdate(base));
      for (const doc of [phone, laptop, phone, laptop]) {
        placeDot(doc, { voteId, participantId: 'p1', role: 'lay', noteId: prng.oneOf(gen, ids), now: prng.int32(gen, 0, 5) });
      }
      syncPair(phone, laptop);
      expect(snapshot(phone, voteId)).toEqual(snapshot(laptop, voteId));
      expect(maxCounted(phone, voteId)).toBe(2);
      sawExcess += snapshot(phone, voteId).excess.length;
    }
    expect(sawExcess).toBe(2 * SEEDS.length);
  });
});
