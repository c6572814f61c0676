import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { tallyVote } from '../analysis/tally.ts';
import { readVote, readVotes } from '../schema/vote.ts';
import { createNote, deleteNote } from './noteOps.ts';
import { closeVote, existingNoteIds, openVote, placeDot, pruneExcessDots, setHideTotals, takeBackDot } from './voteOps.ts';

function board() {
  const doc = new Y.Doc();
  const idea = createNote(doc, {
    lane: 'decide',
    author: 'Sam',
    authorRole: 'lay',
    text: 'Keep the clinic open late',
    id: 'idea',
  });
  const other = createNote(doc, {
    lane: 'design',
    author: '',
    authorRole: 'practitioner',
    anonymous: true,
    text: 'x',
    id: 'other',
  });
  return { doc, idea, other };
}

function tallyOf(doc: Y.Doc, voteId: string) {
  const vote = readVotes(doc).find((v) => v.id === voteId);
  if (!vote) throw new Error('vote missing');
  return tallyVote(vote, existingNoteIds(doc));
}

describe('vote ops', () => {
  it('opens a vote with its settings and reads it back', () => {
    const { doc } = board();
    const id = openVote(doc, { scope: 'decide', dotsPerPerson: 2, hideTotals: true, title: ' Which first? ', now: 100 });
    expect(readVotes(doc)).toEqual([
      {
        id,
        title: 'Which first?',
        scope: 'decide',
        dotsPerPerson: 2,
        hideTotals: true,
        status: 'open',
        openedAt: 100,
        closedAt: 0,
        finalDotIds: null,
        dots: [],
      },
    ]);
  });

  it.each([
    { asked: 0, stored: 1 },
    { asked: 2.7, stored: 2 },
    { asked: 500, stored: 20 },
  ])('clamps $asked dots per person to $stored', ({ asked, stored }) => {
    const { doc } = board();
    const id = openVote(doc, { scope: 'board', dotsPerPerson: asked });
    expect(readVotes(doc).find((v) => v.id === id)?.dotsPerPerson).toBe(stored);
  });

  it('places dots, records the role, allows stacking and refuses the dot beyond the allowance', () => {
    const { doc, idea } = board();
    const voteId = openVote(doc, { scope: 'board', dotsPerPerson: 2 });
    const first = placeDot(doc, { voteId, participantId: 'p1', role: 'lay', noteId: idea });
    const second = placeDot(doc, { voteId, participantId: 'p1', role: 'lay', noteId: idea });
    const third = placeDot(doc, { voteId, participantId: 'p1', role: 'lay', noteId: idea });
    expect([first.ok && first.dotsLeft, second.ok && second.dotsLeft]).toEqual([1, 0]);
    expect(third).toEqual({ ok: false, reason: 'no-dots-left' });
    expect(tallyOf(doc, voteId).byNote.get(idea)?.dots).toEqual({ lay: 2, practitioner: 0 });
    expect(readVotes(doc)[0]?.dots.every((dot) => dot.role === 'lay' && dot.voter === 'p1')).toBe(true);
  });

  it.each([
    { name: 'unknown vote', voteId: 'nope', noteId: 'idea', reason: 'vote-not-found' },
    { name: 'unknown note', voteId: 'V', noteId: 'ghost', reason: 'note-not-found' },
    { name: 'note in another lane than the vote', voteId: 'V', noteId: 'other', reason: 'note-outside-vote' },
  ])('refuses a dot on $name', ({ voteId, noteId, reason }) => {
    const { doc } = board();
    openVote(doc, { scope: 'decide', id: 'V' });
    expect(placeDot(doc, { voteId, participantId: 'p1', role: 'lay', noteId })).toEqual({ ok: false, reason });
  });

  it('takes back a dot, which gives it back to spend again', () => {
    const { doc, idea } = board();
    const voteId = openVote(doc, { scope: 'board', dotsPerPerson: 1 });
    placeDot(doc, { voteId, participantId: 'p1', role: 'lay', noteId: idea });
    expect(takeBackDot(doc, { voteId, participantId: 'p2', noteId: idea })).toBe(false);
    expect(takeBackDot(doc, { voteId, participantId: 'p1', noteId: idea })).toBe(true);
    expect(tallyOf(doc, voteId).notes).toEqual([]);
    expect(placeDot(doc, { voteId, participantId: 'p1', role: 'lay', noteId: idea }).ok).toBe(true);
  });

  it('gives a dot back when its note is deleted', () => {
    const { doc, idea, other } = board();
    const voteId = openVote(doc, { scope: 'board', dotsPerPerson: 1 });
    placeDot(doc, { voteId, participantId: 'p1', role: 'lay', noteId: other });
    deleteNote(doc, other);
    expect(placeDot(doc, { voteId, participantId: 'p1', role: 'lay', noteId: idea }).ok).toBe(true);
  });

  it('closing freezes the result: no new dots, no take-backs, late dots from offline devices do not count', () => {
    const { doc, idea } = board();
    const offline = new Y.Doc();
    const voteId = openVote(doc, { scope: 'board', dotsPerPerson: 3 });
    placeDot(doc, { voteId, participantId: 'p1', role: 'lay', noteId: idea });
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(doc));
    expect(closeVote(doc, voteId, 500)).toBe(true);
    expect(closeVote(doc, voteId, 600)).toBe(false);
    expect(placeDot(doc, { voteId, participantId: 'p2', role: 'practitioner', noteId: idea })).toEqual({
      ok: false,
      reason: 'vote-closed',
    });
    expect(takeBackDot(doc, { voteId, participantId: 'p1', noteId: idea })).toBe(false);
    // The offline device still thinks the vote is open and votes; its dot arrives after the close.
    expect(placeDot(offline, { voteId, participantId: 'p2', role: 'practitioner', noteId: idea }).ok).toBe(true);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(offline));
    const vote = readVote(voteId, doc.getMap('votes').get(voteId));
    expect(vote?.status).toBe('closed');
    expect(vote?.closedAt).toBe(500);
    expect(vote?.dots).toHaveLength(2);
    expect(tallyOf(doc, voteId).byNote.get(idea)?.dots).toEqual({ lay: 1, practitioner: 0 });
  });

  it('hides and shows totals', () => {
    const { doc } = board();
    const voteId = openVote(doc, { scope: 'board' });
    expect(setHideTotals(doc, voteId, true)).toBe(true);
    expect(readVotes(doc)[0]?.hideTotals).toBe(true);
    expect(setHideTotals(doc, 'missing', true)).toBe(false);
  });

  it('one person on two devices: both place their last dot, only N count, and the owner cleans up', () => {
    const { doc: phone, idea, other } = board();
    const laptop = new Y.Doc();
    const voteId = openVote(phone, { scope: 'board', dotsPerPerson: 2 });
    placeDot(phone, { voteId, participantId: 'p1', role: 'lay', noteId: idea, now: 1 });
    Y.applyUpdate(laptop, Y.encodeStateAsUpdate(phone));
    // Offline from each other, each device sees one dot left and spends it.
    expect(placeDot(phone, { voteId, participantId: 'p1', role: 'lay', noteId: idea, now: 3 }).ok).toBe(true);
    expect(placeDot(laptop, { voteId, participantId: 'p1', role: 'lay', noteId: other, now: 2 }).ok).toBe(true);
    Y.applyUpdate(phone, Y.encodeStateAsUpdate(laptop));
    Y.applyUpdate(laptop, Y.encodeStateAsUpdate(phone));
    for (const doc of [phone, laptop]) {
      const tally = tallyOf(doc, voteId);
      expect(tally.voters.get('p1')?.counted.map((dot) => dot.placedAt)).toEqual([1, 2]);
      expect(tally.excessDots.map((dot) => dot.placedAt)).toEqual([3]);
    }
    expect(placeDot(phone, { voteId, participantId: 'p1', role: 'lay', noteId: idea })).toEqual({
      ok: false,
      reason: 'no-dots-left',
    });
    expect(pruneExcessDots(phone, voteId, 'p1')).toBe(1);
    expect(pruneExcessDots(phone, voteId, 'p1')).toBe(0);
    expect(readVotes(phone)[0]?.dots).toHaveLength(2);
  });

  it('takes back an uncounted dot before a counted one', () => {
    const { doc, idea } = board();
    const twin = new Y.Doc();
    const voteId = openVote(doc, { scope: 'board', dotsPerPerson: 1 });
    Y.applyUpdate(twin, Y.encodeStateAsUpdate(doc));
    placeDot(doc, { voteId, participantId: 'p1', role: 'lay', noteId: idea, now: 1, dotId: 'early' });
    placeDot(twin, { voteId, participantId: 'p1', role: 'lay', noteId: idea, now: 2, dotId: 'late' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(twin));
    takeBackDot(doc, { voteId, participantId: 'p1', noteId: idea });
    expect(readVotes(doc)[0]?.dots.map((dot) => dot.id)).toEqual(['early']);
  });
});
