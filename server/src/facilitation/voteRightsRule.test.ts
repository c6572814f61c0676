import {
  closeVote,
  createNote,
  getVotesMap,
  moveNote,
  openVote,
  placeDot,
  readVotes,
  setHideTotals,
  takeBackDot,
} from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { guardedDocs } from '../../../tests/support/guardedDocs.ts';
import type { Connection } from '../relay/Connection.ts';
import { ParticipantGuard } from './ParticipantGuard.ts';
import { voteRightsRule } from './voteRightsRule.ts';

const participant = { access: 'edit', meta: { linkId: 'edit-link', lockedOut: false } } as Connection;
const facilitator = { access: 'facilitate', meta: { linkId: 'facilitator-link', lockedOut: false } } as Connection;
/** On a server that runs without share links, everyone may edit everything, as before links. */
const linkless = { access: 'edit', meta: { linkId: null, lockedOut: false } } as Connection;

function setup() {
  const guard = new ParticipantGuard([voteRightsRule()]);
  const { server, person, send } = guardedDocs(guard, (doc) => {
    createNote(doc, { id: 'n1', lane: 'decide', text: 'Evening clinics', author: 'F', authorRole: 'practitioner' });
    openVote(doc, { id: 'v1', scope: 'board', dotsPerPerson: 2, hideTotals: true, title: 'Try first?' });
  });
  const votes = (doc: Y.Doc) => readVotes(doc).map(({ dots, ...vote }) => ({ ...vote, dots: dots.length }));
  return { server, person, send, votes };
}

const dot = { voteId: 'v1', noteId: 'n1', participantId: 'participant-a', role: 'lay' as const };

describe('vote rights, enforced by ParticipantGuard', () => {
  it('lets a participant place and take back dots', () => {
    const { send, server, votes } = setup();
    expect(send(participant, (doc) => expect(placeDot(doc, dot).ok).toBe(true))).toBeNull();
    expect(votes(server)[0]?.dots).toBe(1);
    expect(send(participant, (doc) => expect(takeBackDot(doc, dot)).toBe(true))).toBeNull();
    expect(votes(server)[0]?.dots).toBe(0);
  });

  it('undoes a participant closing, unhiding, retitling, deleting or opening a vote, and keeps the dots', () => {
    const { send, server, person, votes } = setup();
    send(participant, (doc) => placeDot(doc, dot));
    const before = votes(server);
    const changes: ((doc: Y.Doc) => void)[] = [
      (doc) => closeVote(doc, 'v1'),
      (doc) => setHideTotals(doc, 'v1', false),
      (doc) => getVotesMap(doc).get('v1')?.set('dotsPerPerson', 20),
      (doc) => getVotesMap(doc).delete('v1'),
      (doc) => openVote(doc, { id: 'v2', scope: 'define' }),
    ];
    for (const change of changes) {
      expect(send(participant, change)).not.toBeNull();
      expect(votes(server)).toEqual(before);
      expect(votes(person)).toEqual(before);
    }
  });

  it('lets the facilitator run votes, and linkless connections on a server without links', () => {
    const { send, server, votes } = setup();
    expect(send(facilitator, (doc) => setHideTotals(doc, 'v1', false))).toBeNull();
    expect(votes(server)[0]?.hideTotals).toBe(false);
    expect(send(linkless, (doc) => closeVote(doc, 'v1'))).toBeNull();
    expect(votes(server)[0]?.status).toBe('closed');
  });

  it('says beforehand which updates it may undo: a participant’s vote changes, not their notes, nothing of a facilitator’s', () => {
    const guard = new ParticipantGuard([voteRightsRule()]);
    const { server, person } = guardedDocs(guard, (doc) => {
      createNote(doc, { id: 'n1', lane: 'decide', text: 'Evening clinics', author: 'F', authorRole: 'practitioner' });
      openVote(doc, { id: 'v1', scope: 'board', dotsPerPerson: 2, hideTotals: true, title: 'Try first?' });
    });
    const updateOf = (change: (doc: Y.Doc) => void) => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(person));
      const before = Y.encodeStateVector(copy);
      change(copy);
      return Y.encodeStateAsUpdate(copy, before);
    };
    const move = updateOf((doc) => moveNote(doc, 'n1', { lane: 'decide', x: 40, y: 80 }));
    const close = updateOf((doc) => closeVote(doc, 'v1'));
    // A note's move goes out before the server applies it; a vote's closing is judged first.
    expect(guard.mayRefuse(server, participant, move)).toBe(false);
    expect(guard.mayRefuse(server, participant, close)).toBe(true);
    expect(guard.mayRefuse(server, facilitator, close)).toBe(false);
    expect(guard.mayRefuse(server, linkless, close)).toBe(false);
  });
});
