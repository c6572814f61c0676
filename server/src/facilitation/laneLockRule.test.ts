import { createNote, deleteNote, getNoteText, type LaneId, moveNote, readNotes, setNoteColor } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { guardedDocs } from '../../../tests/support/guardedDocs.ts';
import type { Connection } from '../relay/Connection.ts';
import { laneLockRule } from './laneLockRule.ts';
import { ParticipantGuard } from './ParticipantGuard.ts';

const participant = { access: 'edit' } as Connection;
const facilitator = { access: 'facilitate' } as Connection;

/** A server doc with a guard, and a person's doc kept in step with it. */
function setup(locked: LaneId[]) {
  const lanes = new Set<LaneId>(locked);
  const guard = new ParticipantGuard([laneLockRule(() => lanes)]);
  const { server, person, send } = guardedDocs(guard, (doc) => {
    createNote(doc, { id: 'open', lane: 'define', text: 'open lane', author: 'F', authorRole: 'practitioner' });
    createNote(doc, { id: 'shut', lane: 'decide', text: 'locked lane', author: 'F', authorRole: 'practitioner' });
  });
  const notes = (doc: Y.Doc) =>
    Object.fromEntries(readNotes(doc).map((n) => [n.id, { lane: n.lane, text: n.text, x: n.x, y: n.y, color: n.color }]));
  return { lanes, server, person, send, notes };
}

describe('lane locks, enforced by ParticipantGuard', () => {
  it('lets everything through while no lane is locked', () => {
    const { send, server, notes } = setup([]);
    expect(send(participant, (doc) => moveNote(doc, 'open', { lane: 'decide' }))).toBeNull();
    expect(notes(server).open?.lane).toBe('decide');
  });

  it("undoes a participant's move into a locked lane, for the server and for the participant", () => {
    const { send, server, person, notes } = setup(['decide']);
    const before = notes(server);
    expect(send(participant, (doc) => moveNote(doc, 'open', { lane: 'decide', x: 900, y: 400 }))).not.toBeNull();
    expect(notes(server)).toEqual(before);
    expect(notes(person)).toEqual(before);
  });

  it('undoes edits, recolouring, moves out and deletion of a note in a locked lane', () => {
    const { send, server, person, notes } = setup(['decide']);
    const before = notes(server);
    const changes: ((doc: Y.Doc) => void)[] = [
      (doc) => getNoteText(doc, 'shut')?.insert(0, 'sneaky '),
      (doc) => getNoteText(doc, 'shut')?.delete(0, 6),
      (doc) => setNoteColor(doc, 'shut', 'pink'),
      (doc) => moveNote(doc, 'shut', { lane: 'define' }),
      (doc) => deleteNote(doc, 'shut'),
    ];
    for (const change of changes) {
      expect(send(participant, change)).not.toBeNull();
      expect(notes(server)).toEqual(before);
      expect(notes(person)).toEqual(before);
    }
  });

  it('undoes a note created in a locked lane', () => {
    const { send, server, person } = setup(['decide']);
    send(participant, (doc) => createNote(doc, { id: 'new', lane: 'decide', text: 'x', author: 'P', authorRole: 'lay' }));
    expect(getNoteText(server, 'new')).toBeNull();
    expect(getNoteText(person, 'new')).toBeNull();
  });

  it('keeps the changes to open lanes that came in the same update (an offline batch)', () => {
    const { send, server, notes } = setup(['decide']);
    send(participant, (doc) =>
      doc.transact(() => {
        getNoteText(doc, 'open')?.insert(0, 'kept: ');
        getNoteText(doc, 'shut')?.insert(0, 'refused: ');
        createNote(doc, { id: 'elsewhere', lane: 'design', text: 'new idea', author: 'P', authorRole: 'lay' });
      }),
    );
    expect(notes(server).open?.text).toBe('kept: open lane');
    expect(notes(server).shut?.text).toBe('locked lane');
    expect(notes(server).elsewhere?.text).toBe('new idea');
  });

  it("lets the facilitator change a locked lane, and later restores the facilitator's version", () => {
    const { send, server, notes } = setup(['decide']);
    expect(send(facilitator, (doc) => getNoteText(doc, 'shut')?.insert(0, 'agreed: '))).toBeNull();
    send(participant, (doc) => deleteNote(doc, 'shut'));
    expect(notes(server).shut?.text).toBe('agreed: locked lane');
  });

  it("keeps a participant's later edits working after one was undone", () => {
    const { send, server, person, notes } = setup(['decide']);
    send(participant, (doc) => getNoteText(doc, 'shut')?.insert(0, 'no '));
    expect(send(participant, (doc) => getNoteText(doc, 'open')?.insert(0, 'yes '))).toBeNull();
    expect(notes(server).open?.text).toBe('yes open lane');
    expect(notes(person)).toEqual(notes(server));
    expect(server.store.pendingStructs).toBeNull();
  });

  it('follows locks made and lifted between updates', () => {
    const { send, server, lanes, notes } = setup([]);
    send(participant, (doc) => getNoteText(doc, 'shut')?.insert(0, 'before lock: '));
    lanes.add('decide');
    send(participant, (doc) => getNoteText(doc, 'shut')?.insert(0, 'during lock: '));
    expect(notes(server).shut?.text).toBe('before lock: locked lane');
    lanes.delete('decide');
    send(participant, (doc) => getNoteText(doc, 'shut')?.insert(0, 'after: '));
    expect(notes(server).shut?.text).toBe('after: before lock: locked lane');
  });
});
