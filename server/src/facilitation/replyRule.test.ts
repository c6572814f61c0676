import {
  addReply,
  createNote,
  deleteNote,
  deleteReply,
  detachNotes,
  getRepliesMap,
  joinBoard,
  type LaneId,
  readReplies,
  setParticipantRole,
} from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { guardedDocs } from '../../../tests/support/guardedDocs.ts';
import type { Connection } from '../relay/Connection.ts';
import { laneLockRule } from './laneLockRule.ts';
import { ParticipantGuard } from './ParticipantGuard.ts';
import { replyRule } from './replyRule.ts';
import { VoterBindings } from './VoterBindings.ts';

const connection = (access: string, linkId: string | null) => ({ access, meta: { linkId, lockedOut: false } }) as Connection;

function setup() {
  const voters = new VoterBindings();
  const locked = new Set<LaneId>();
  const guard = voters.guard(new ParticipantGuard([replyRule(voters, () => locked)]));
  const docs = guardedDocs(guard, (doc) => {
    createNote(doc, { id: 'said', lane: 'define', text: 'Letters are confusing', author: 'Ann', authorRole: 'lay' });
    createNote(doc, { id: 'decided', lane: 'decide', text: 'Rewrite the letters', author: 'F', authorRole: 'practitioner' });
  });
  const reply = (noteId: string, authorRole: 'lay' | 'practitioner', id?: string) => (doc: Y.Doc) => {
    addReply(doc, { noteId, text: `${authorRole} says`, author: 'Someone', authorRole, anonymous: false, ...(id ? { id } : {}) });
  };
  const replies = (doc: Y.Doc) => readReplies(doc).map((r) => `${r.noteId}:${r.authorRole}:${r.author}:${r.text}`);
  return { ...docs, locked, reply, replies };
}

describe('replyRule', () => {
  it('takes a reply in the role the socket registered, and undoes one in another role', () => {
    const { send, server, person, reply, replies } = setup();
    const lay = connection('edit', 'edit-link');
    expect(send(lay, (doc) => joinBoard(doc, { participantId: 'lay-device', role: 'lay' }))).toBeNull();
    expect(send(lay, reply('said', 'practitioner'))).not.toBeNull();
    expect(send(lay, reply('said', 'lay'))).toBeNull();
    expect(replies(server)).toEqual(['said:lay:Someone:lay says']);
    expect(replies(person)).toEqual(replies(server));

    const practitioner = connection('edit', 'edit-link');
    send(practitioner, (doc) => joinBoard(doc, { participantId: 'gp-device', role: 'practitioner' }));
    expect(send(practitioner, reply('said', 'practitioner'))).toBeNull();
    expect(replies(server)).toHaveLength(2);
  });

  it('follows a role change, and lets an unregistered socket reply only as a lay participant', () => {
    const { send, server, reply } = setup();
    const socket = connection('edit', 'edit-link');
    expect(send(socket, reply('said', 'practitioner'))).not.toBeNull();
    expect(send(socket, reply('said', 'lay'))).toBeNull();
    send(socket, (doc) => joinBoard(doc, { participantId: 'me', role: 'lay' }));
    send(socket, (doc) => setParticipantRole(doc, 'me', 'practitioner'));
    expect(send(socket, reply('said', 'practitioner'))).toBeNull();
    // Both written in the same millisecond, so their order is their random ids': compare the set.
    expect(
      readReplies(server)
        .map((r) => r.authorRole)
        .sort(),
    ).toEqual(['lay', 'practitioner']);
  });

  it('undoes any rewrite of a reply already written: author, role, text or note', () => {
    const { send, server, person, reply, replies } = setup();
    const writer = connection('edit', 'edit-link');
    send(writer, (doc) => joinBoard(doc, { participantId: 'gp', role: 'practitioner' }));
    send(writer, reply('said', 'practitioner', 'r1'));
    const before = replies(server);
    const other = connection('edit', 'edit-link');
    send(other, (doc) => joinBoard(doc, { participantId: 'lay', role: 'lay' }));
    for (const [field, value] of [
      ['author', 'Forged'],
      ['authorRole', 'lay'],
      ['text', 'Something else'],
      ['noteId', 'decided'],
      ['anonymous', true],
    ] as const) {
      expect(
        send(other, (doc) => getRepliesMap(doc).get('r1')?.set(field, value)),
        field,
      ).not.toBeNull();
    }
    // Even its writer cannot change it: a reply is written once.
    expect(send(writer, (doc) => getRepliesMap(doc).get('r1')?.set('text', 'edited'))).not.toBeNull();
    expect(replies(server)).toEqual(before);
    expect(replies(person)).toEqual(before);
  });

  it('lets a reply be deleted by the socket that wrote it, or with its note, and by nobody else', () => {
    const { send, server, reply } = setup();
    const writer = connection('edit', 'edit-link');
    const other = connection('edit', 'edit-link');
    send(writer, (doc) => joinBoard(doc, { participantId: 'w', role: 'lay' }));
    send(other, (doc) => joinBoard(doc, { participantId: 'o', role: 'lay' }));
    send(writer, reply('said', 'lay', 'mine'));
    send(writer, reply('decided', 'lay', 'on-decided'));
    expect(send(other, (doc) => deleteReply(doc, 'mine'))).not.toBeNull();
    expect(
      readReplies(server)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['mine', 'on-decided']);
    expect(send(writer, (doc) => deleteReply(doc, 'mine'))).toBeNull();
    // As erasure and other tools do: the note and its replies in one transaction.
    expect(
      send(other, (doc) =>
        doc.transact(() => {
          deleteNote(doc, 'decided');
          detachNotes(doc, new Set(['decided']));
        }),
      ),
    ).toBeNull();
    expect(getRepliesMap(server).size).toBe(0);
  });

  it('refuses adding or deleting replies on notes in a locked lane', () => {
    const { send, server, locked, reply } = setup();
    const socket = connection('edit', 'edit-link');
    send(socket, (doc) => joinBoard(doc, { participantId: 'me', role: 'lay' }));
    send(socket, reply('decided', 'lay', 'before-lock'));
    locked.add('decide');
    expect(send(socket, reply('decided', 'lay'))).not.toBeNull();
    expect(send(socket, (doc) => deleteReply(doc, 'before-lock'))).not.toBeNull();
    expect(send(socket, reply('said', 'lay'))).toBeNull();
    expect(
      readReplies(server)
        .map((r) => r.noteId)
        .sort(),
    ).toEqual(['decided', 'said']);
  });

  it('keeps the thread of a note in a locked lane that a participant tried to delete', () => {
    const voters = new VoterBindings();
    const locked = new Set<LaneId>(['decide']);
    const guard = voters.guard(new ParticipantGuard([laneLockRule(() => locked), replyRule(voters, () => locked)]));
    const { send, server } = guardedDocs(guard, (doc) => {
      createNote(doc, { id: 'decided', lane: 'decide', text: 'Rewrite the letters', author: 'F', authorRole: 'practitioner' });
      addReply(doc, { id: 'r', noteId: 'decided', text: 'Good', author: 'A', authorRole: 'lay', anonymous: false });
    });
    const deleteWithThread = (doc: Y.Doc) =>
      doc.transact(() => {
        deleteNote(doc, 'decided');
        detachNotes(doc, new Set(['decided']));
      });
    expect(send(connection('edit', 'edit-link'), deleteWithThread)).not.toBeNull();
    expect(readReplies(server).map((r) => r.id)).toEqual(['r']);
  });

  it('binds neither facilitators nor servers that run without links', () => {
    const { send, server, reply } = setup();
    expect(send(connection('facilitate', 'f-link'), reply('said', 'practitioner'))).toBeNull();
    expect(send(connection('edit', null), reply('said', 'practitioner'))).toBeNull();
    expect(readReplies(server)).toHaveLength(2);
  });
});
