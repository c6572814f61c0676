import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readNotes } from '../schema/note.ts';
import { readParticipants } from '../schema/participant.ts';
import { readVotes } from '../schema/vote.ts';
import { createAnonymousNote } from './anonymousNoteOps.ts';
import { eraseContributions, isErasureTarget } from './eraseOps.ts';
import { createNote } from './noteOps.ts';
import { joinBoard } from './participantOps.ts';
import { openVote, placeDot } from './voteOps.ts';

const ALICE_PHRASE = 'Walrus-teacup-5521 nobody told me';

function board() {
  const doc = new Y.Doc();
  joinBoard(doc, { participantId: 'alice', role: 'lay' });
  joinBoard(doc, { participantId: 'bob', role: 'practitioner' });
  const alice1 = createNote(doc, { lane: 'define', text: ALICE_PHRASE, author: 'Alice', authorRole: 'lay' });
  const alice2 = createNote(doc, { lane: 'design', text: `${ALICE_PHRASE} again`, author: ' Alice ', authorRole: 'lay' });
  const bob = createNote(doc, { lane: 'define', text: 'Bob keeps this', author: 'Bob', authorRole: 'practitioner' });
  const anonymous = createAnonymousNote(doc, { lane: 'define', text: 'Said quietly', authorRole: 'lay' });
  const vote = openVote(doc, { scope: 'board', dotsPerPerson: 5 });
  for (const [participantId, noteId] of [
    ['alice', bob],
    ['alice', anonymous],
    ['bob', alice1],
    ['bob', bob],
  ] as const) {
    expect(placeDot(doc, { voteId: vote, participantId, role: 'lay', noteId }).ok).toBe(true);
  }
  return { doc, alice1, alice2, bob, anonymous };
}

const contains = (bytes: Uint8Array, phrase: string) => Buffer.from(bytes).includes(Buffer.from(phrase));

describe('eraseContributions', () => {
  it('erases a person’s named notes, their dots, dots on their notes and their entry, and nothing else', () => {
    const { doc, bob, anonymous } = board();
    expect(contains(Y.encodeStateAsUpdate(doc), ALICE_PHRASE)).toBe(true);
    const count = eraseContributions(doc, { author: 'Alice', participantId: 'alice' });
    expect(count).toEqual({ notes: 2, dots: 3, participants: 1, replies: 0 });
    expect(
      readNotes(doc)
        .map((note) => note.id)
        .sort(),
    ).toEqual([anonymous, bob].sort());
    const dots = readVotes(doc)[0]?.dots ?? [];
    expect(dots.map((dot) => [dot.voter, dot.noteId])).toEqual([['bob', bob]]);
    expect(readParticipants(doc).map((participant) => participant.id)).toEqual(['bob']);
    // A garbage-collected doc keeps no byte of the erased text, nor the author's name.
    const state = Y.encodeStateAsUpdate(doc);
    expect(contains(state, ALICE_PHRASE)).toBe(false);
    expect(contains(state, 'Alice')).toBe(false);
    expect(eraseContributions(doc, { author: 'Alice', participantId: 'alice' })).toEqual({
      notes: 0,
      dots: 0,
      participants: 0,
      replies: 0,
    });
  });

  it('erases one note by id, anonymous ones included, with the dots on it', () => {
    const { doc, anonymous } = board();
    expect(eraseContributions(doc, { noteIds: [anonymous] })).toEqual({ notes: 1, dots: 1, participants: 0, replies: 0 });
    expect(readNotes(doc)).toHaveLength(3);
    expect(contains(Y.encodeStateAsUpdate(doc), 'Said quietly')).toBe(false);
  });

  it('converges with a peer that was typing in the erased note: the text stays gone', () => {
    const { doc, alice1 } = board();
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const text = peer.getMap<Y.Map<unknown>>('notes').get(alice1)?.get('text') as Y.Text;
    text.insert(0, 'Typed meanwhile ');
    eraseContributions(doc, { noteIds: [alice1] });
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(peer)));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)));
    expect(doc.getMap('notes').toJSON()).toEqual(peer.getMap('notes').toJSON());
    expect(readNotes(doc).some((note) => note.id === alice1)).toBe(false);
    expect(contains(Y.encodeStateAsUpdate(doc), 'Typed meanwhile')).toBe(false);
  });

  it('knows an empty target', () => {
    expect(isErasureTarget({})).toBe(false);
    expect(isErasureTarget({ author: '  ' })).toBe(false);
    expect(isErasureTarget({ noteIds: ['n'] })).toBe(true);
  });
});

describe('note authorship', () => {
  it('lets only the holder of the author secret show a note is theirs, with unrelated keys per note', async () => {
    const { isAuthoredBy, noteAuthorKey } = await import('../schema/noteAuthorship.ts');
    const doc = new Y.Doc();
    const secret = 'device-secret-0123456789';
    const mine = createNote(doc, { lane: 'define', text: 'Mine', author: 'Al', authorRole: 'lay', authorSecret: secret });
    const anonymous = createAnonymousNote(doc, { lane: 'define', text: 'Also mine', authorRole: 'lay', authorSecret: secret });
    const theirs = createNote(doc, { lane: 'define', text: 'Theirs', author: 'Bo', authorRole: 'lay' });
    const notes = doc.getMap<Y.Map<unknown>>('notes');
    expect(isAuthoredBy(notes.get(mine), mine, secret)).toBe(true);
    expect(isAuthoredBy(notes.get(anonymous), anonymous, secret)).toBe(true);
    expect(isAuthoredBy(notes.get(theirs), theirs, secret)).toBe(false);
    expect(isAuthoredBy(notes.get(mine), mine, 'another-secret-0123456')).toBe(false);
    expect(isAuthoredBy(notes.get(mine), anonymous, secret)).toBe(false);
    expect(notes.get(mine)?.get('authorKey')).not.toBe(notes.get(anonymous)?.get('authorKey'));
    expect(noteAuthorKey(secret, mine)).toMatch(/^[0-9a-f]{64}$/);
  });
});
