import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { LaneId } from '../schema/lanes.ts';
import type { Note } from '../schema/note.ts';
import type { Reply } from '../schema/reply.ts';
import type { Role } from '../schema/roles.ts';
import { computeNoteStatuses, laneReach, NOTE_STATUS_ORDER, type NoteStatus, traceNote } from './noteStatus.ts';

function note(id: string, lane: LaneId, answers: string[] = [], authorRole: Role = 'lay'): Note {
  return { id, lane, text: id, x: 0, y: 0, color: 'yellow', author: '', authorRole, anonymous: false, createdAt: 0, answers };
}

function reply(noteId: string, authorRole: Role, id = `r-${noteId}-${authorRole}`): Reply {
  return { id, noteId, text: 'Thank you', author: '', authorRole, anonymous: true, createdAt: 0 };
}

function statusesOf(notes: Note[], replies: Reply[] = []): Record<string, NoteStatus> {
  return Object.fromEntries(computeNoteStatuses(notes, replies));
}

describe('computeNoteStatuses', () => {
  it('orders the statuses from said to measured', () => {
    expect(NOTE_STATUS_ORDER).toEqual(['said', 'answered', 'decided', 'being-done', 'measured']);
  });

  it('leaves a note nobody answered as said', () => {
    expect(statusesOf([note('p', 'define'), note('q', 'design', [], 'practitioner')])).toEqual({ p: 'said', q: 'said' });
  });

  it('marks a lay note answered when a practitioner replies, not when a lay participant does', () => {
    const notes = [note('a', 'define'), note('b', 'define'), note('c', 'design', [], 'practitioner')];
    expect(statusesOf(notes, [reply('a', 'practitioner'), reply('b', 'lay'), reply('c', 'practitioner')])).toEqual({
      a: 'answered',
      b: 'said',
      // A practitioner's note is answered by links, not by a colleague's reply.
      c: 'said',
    });
  });

  it('ignores replies to notes that are not on the board', () => {
    expect(statusesOf([note('a', 'define')], [reply('gone', 'practitioner')])).toEqual({ a: 'said' });
  });

  it('walks each stage of the chain: decided, being done, measured', () => {
    const said = note('said', 'define');
    const idea = note('idea', 'design');
    const decision = note('decision', 'decide', ['said', 'idea'], 'practitioner');
    const action = note('action', 'deliver', ['decision'], 'practitioner');
    const measure = note('measure', 'evaluate', ['action'], 'practitioner');
    expect(statusesOf([said, idea, decision])).toMatchObject({ said: 'decided', idea: 'decided', decision: 'decided' });
    expect(statusesOf([said, idea, decision, action])).toMatchObject({
      said: 'being-done',
      decision: 'being-done',
      action: 'being-done',
    });
    expect(statusesOf([said, idea, decision, action, measure])).toEqual({
      said: 'measured',
      idea: 'measured',
      decision: 'measured',
      action: 'measured',
      measure: 'measured',
    });
  });

  it('counts Distribute as being done and lets a later stage skip one (an Evaluate note citing an idea)', () => {
    expect(statusesOf([note('a', 'define'), note('spread', 'distribute', ['a'])])).toMatchObject({ a: 'being-done' });
    expect(statusesOf([note('a', 'design'), note('m', 'evaluate', ['a'])])).toMatchObject({ a: 'measured' });
  });

  it('takes the furthest of several paths', () => {
    const notes = [note('a', 'define'), note('d1', 'decide', ['a']), note('d2', 'decide', ['a']), note('act', 'deliver', ['d2'])];
    expect(statusesOf(notes)).toMatchObject({ a: 'being-done', d1: 'decided', d2: 'being-done' });
  });

  it('keeps practitioner replies below decisions: a decided note stays decided', () => {
    const notes = [note('a', 'define'), note('d', 'decide', ['a'])];
    expect(statusesOf(notes, [reply('a', 'practitioner')])).toMatchObject({ a: 'decided' });
  });

  it('ignores links to missing notes, and a chain broken by a missing note stops there', () => {
    const notes = [note('a', 'define'), note('act', 'deliver', ['gone']), note('m', 'evaluate', ['act', 'also-gone'])];
    expect(statusesOf(notes)).toEqual({ a: 'said', act: 'measured', m: 'measured' });
  });

  it('terminates on cycles and ignores the links that go the wrong way', () => {
    // Written straight into a document by a buggy tool: a ↔ d and two ideas answering each other.
    const notes = [
      note('a', 'define', ['d']),
      note('d', 'decide', ['a']),
      note('i1', 'design', ['i2']),
      note('i2', 'design', ['i1']),
      note('self', 'deliver', ['self']),
    ];
    expect(statusesOf(notes)).toEqual({ a: 'decided', d: 'decided', i1: 'said', i2: 'said', self: 'being-done' });
  });

  it('ignores a link that no longer follows the stages, e.g. after the answered note moved to Evaluate', () => {
    expect(statusesOf([note('moved', 'evaluate'), note('d', 'decide', ['moved'])])).toEqual({ moved: 'measured', d: 'decided' });
    expect(statusesOf([note('a', 'design'), note('d', 'define', ['a'])])).toEqual({ a: 'said', d: 'said' });
  });

  it('treats an anonymous lay note like any lay note', () => {
    const anonymous: Note = { ...note('anon', 'define'), anonymous: true };
    expect(statusesOf([anonymous], [reply('anon', 'practitioner')])).toEqual({ anon: 'answered' });
  });

  it('stays fast and finite on a long board with many links', () => {
    const notes: Note[] = [];
    for (let i = 0; i < 500; i++) notes.push(note(`s${i}`, 'define'));
    for (let i = 0; i < 100; i++)
      notes.push(
        note(
          `d${i}`,
          'decide',
          Array.from({ length: 50 }, (_, k) => `s${(i + k) % 500}`),
        ),
      );
    for (let i = 0; i < 100; i++) notes.push(note(`e${i}`, 'evaluate', [`d${i}`, `d${(i + 1) % 100}`]));
    const statuses = computeNoteStatuses(notes, []);
    expect(statuses.size).toBe(700);
    expect(statuses.get('s0')).toBe('measured');
  });
});

describe('traceNote', () => {
  const notes = [
    note('a', 'define'),
    note('b', 'design'),
    note('d', 'decide', ['a', 'b']),
    note('act', 'deliver', ['d']),
    note('m', 'evaluate', ['act', 'a']),
    note('other', 'decide', ['b']),
  ];
  const ids = (list: readonly Note[]) => list.map((entry) => entry.id);

  it('follows links both ways, transitively, each note once, nearest first', () => {
    expect(ids(traceNote(notes, 'a').later)).toEqual(['d', 'm', 'act']);
    expect(ids(traceNote(notes, 'a').earlier)).toEqual([]);
    expect(ids(traceNote(notes, 'act').earlier)).toEqual(['d', 'a', 'b']);
    expect(ids(traceNote(notes, 'act').later)).toEqual(['m']);
    expect(ids(traceNote(notes, 'm').earlier).sort()).toEqual(['a', 'act', 'b', 'd']);
  });

  it('does not wander sideways into siblings', () => {
    expect(ids(traceNote(notes, 'd').later)).toEqual(['act', 'm']);
    expect(ids(traceNote(notes, 'd').earlier)).not.toContain('other');
  });

  it('is empty for an unknown note and terminates on cycles', () => {
    expect(traceNote(notes, 'nope')).toEqual({ earlier: [], later: [] });
    const cyclic = [note('x', 'define', ['y']), note('y', 'decide', ['x'])];
    expect(ids(traceNote(cyclic, 'x').later)).toEqual(['y']);
    expect(ids(traceNote(cyclic, 'x').earlier)).toEqual([]);
  });
});

describe('laneReach', () => {
  it('counts, per lane, lay notes and those that reached a decision or further', () => {
    const notes = [
      note('a', 'define'),
      note('b', 'define'),
      note('c', 'define'),
      note('p', 'define', [], 'practitioner'),
      note('i', 'design'),
      note('d', 'decide', ['a', 'p'], 'practitioner'),
      note('act', 'deliver', ['d'], 'practitioner'),
      note('m', 'evaluate', ['i'], 'practitioner'),
    ];
    const reach = laneReach(notes, computeNoteStatuses(notes, [reply('b', 'practitioner')]));
    // b was only answered; c said; p is a practitioner's note and is not counted.
    expect(reach.define).toEqual({ layNotes: 3, layReachedDecision: 1 });
    expect(reach.design).toEqual({ layNotes: 1, layReachedDecision: 1 });
    expect(reach.decide).toEqual({ layNotes: 0, layReachedDecision: 0 });
    expect(Object.keys(reach)).toEqual(['define', 'design', 'deliver', 'decide', 'distribute', 'evaluate']);
  });
});

describe('statuses across two people editing at once', () => {
  it('agree on both devices once their links and replies merge', async () => {
    const { createNote } = await import('../ops/noteOps.ts');
    const { linkNotes } = await import('../ops/linkOps.ts');
    const { addReply } = await import('../ops/replyOps.ts');
    const { readNotes } = await import('../schema/note.ts');
    const { readReplies } = await import('../schema/reply.ts');
    const a = new Y.Doc();
    const said = createNote(a, { lane: 'define', text: 'Too far to travel', author: 'Ann', authorRole: 'lay' });
    const decision = createNote(a, { lane: 'decide', text: 'Run a clinic in town', author: 'Dr B', authorRole: 'practitioner' });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // Offline, at the same time: one links the decision, the other replies.
    expect(linkNotes(a, decision, said)).toBe(true);
    expect(
      addReply(b, { noteId: said, text: 'Noted', author: 'Dr C', authorRole: 'practitioner', anonymous: false }),
    ).not.toBeNull();
    expect(computeNoteStatuses(readNotes(b), readReplies(b)).get(said)).toBe('answered');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) expect(computeNoteStatuses(readNotes(doc), readReplies(doc)).get(said)).toBe('decided');
  });
});
