import { createNote, getVotesMap, joinBoard, openVote, placeDot, readVotes, takeBackDot } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { guardedDocs } from '../../../tests/support/guardedDocs.ts';
import type { Connection } from '../relay/Connection.ts';
import { ParticipantGuard } from './ParticipantGuard.ts';
import { VoterBindings } from './VoterBindings.ts';
import { voteRightsRule } from './voteRightsRule.ts';
import { voterRule } from './voterRule.ts';

const connection = (access: string, linkId: string | null) => ({ access, meta: { linkId, lockedOut: false } }) as Connection;

function setup() {
  const voters = new VoterBindings();
  const guard = voters.guard(new ParticipantGuard([voteRightsRule(), voterRule(voters)]));
  const docs = guardedDocs(guard, (doc) => {
    createNote(doc, { id: 'n1', lane: 'decide', text: 'Evening clinics', author: 'F', authorRole: 'practitioner' });
    openVote(doc, { id: 'v1', scope: 'board', dotsPerPerson: 3 });
  });
  const dot = (participantId: string) => ({ voteId: 'v1', noteId: 'n1', participantId, role: 'lay' as const });
  const dotVoters = (doc: Y.Doc) => (readVotes(doc)[0]?.dots ?? []).map((d) => d.voter).sort();
  return { ...docs, voters, dot, dotVoters };
}

describe('voters bound to their socket', () => {
  it('binds a socket to the participant it registers, and undoes dots under any other id', () => {
    const { send, server, person, dot, dotVoters, voters } = setup();
    const socket = connection('edit', 'edit-link');
    expect(send(socket, (doc) => joinBoard(doc, { participantId: 'me', role: 'lay' }))).toBeNull();
    expect(voters.voterOf(socket)).toBe('me');
    expect(send(socket, (doc) => placeDot(doc, dot('invented')))).not.toBeNull();
    expect(send(socket, (doc) => placeDot(doc, dot('me')))).toBeNull();
    expect(dotVoters(server)).toEqual(['me']);
    expect(dotVoters(person)).toEqual(['me']);
  });

  it('binds an unregistered socket (a reconnect within a minute writes nothing) to its first dot’s voter', () => {
    const { send, server, dot, dotVoters } = setup();
    const socket = connection('edit', 'edit-link');
    expect(send(socket, (doc) => placeDot(doc, dot('me')))).toBeNull();
    expect(send(socket, (doc) => takeBackDot(doc, dot('me')))).toBeNull();
    expect(send(socket, (doc) => placeDot(doc, dot('someone-else')))).not.toBeNull();
    expect(dotVoters(server)).toEqual([]);
  });

  it('keeps other voters’ dots when a participant takes them back or replaces the dots map', () => {
    const { send, server, person, dot, dotVoters } = setup();
    const facilitator = connection('facilitate', 'facilitator-link');
    expect(send(facilitator, (doc) => joinBoard(doc, { participantId: 'fran', role: 'practitioner' }))).toBeNull();
    expect(send(facilitator, (doc) => placeDot(doc, dot('fran')))).toBeNull();
    const socket = connection('edit', 'edit-link');
    // An id first used through the facilitator's link cannot be taken by an edit link's socket.
    expect(send(socket, (doc) => takeBackDot(doc, dot('fran')))).not.toBeNull();
    send(socket, (doc) => joinBoard(doc, { participantId: 'me', role: 'lay' }));
    expect(send(socket, (doc) => getVotesMap(doc).get('v1')?.set('dots', new Y.Map()))).not.toBeNull();
    expect(dotVoters(server)).toEqual(['fran']);
    expect(dotVoters(person)).toEqual(['fran']);
  });

  it('leaves the facilitator and linkless connections free', () => {
    const { send, server, dot, dotVoters } = setup();
    expect(send(connection('facilitate', 'facilitator-link'), (doc) => placeDot(doc, dot('a')))).toBeNull();
    expect(send(connection('edit', null), (doc) => placeDot(doc, dot('b')))).toBeNull();
    expect(send(connection('edit', null), (doc) => placeDot(doc, dot('c')))).toBeNull();
    expect(dotVoters(server)).toEqual(['a', 'b', 'c']);
  });
});
