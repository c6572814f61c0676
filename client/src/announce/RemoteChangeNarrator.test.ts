import { createNote, deleteNote, moveNote } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { AnnounceLevel } from '../settings/deviceSettings.ts';
import { RemoteChangeNarrator } from './RemoteChangeNarrator.ts';

/** Two docs joined like two browsers: updates cross with a non-local origin. */
function connectedPair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, update, 'remote'));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, update, 'remote'));
  return [a, b];
}

function listen(doc: Y.Doc, options: { level?: AnnounceLevel; ready?: boolean; awareness?: Awareness } = {}) {
  const heard: string[] = [];
  new RemoteChangeNarrator({
    doc,
    awareness: options.awareness ?? null,
    level: () => options.level ?? 'less',
    ready: () => options.ready ?? true,
    say: (message) => heard.push(message),
  });
  return heard;
}

describe('RemoteChangeNarrator', () => {
  it("reads out others' adds, moves and deletes, never this person's own", () => {
    const [mine, theirs] = connectedPair();
    const heard = listen(mine);
    const id = createNote(theirs, { lane: 'define', author: 'Sam', authorRole: 'practitioner' });
    moveNote(theirs, id, { lane: 'decide' });
    deleteNote(theirs, id);
    createNote(mine, { lane: 'design', author: 'Me', authorRole: 'lay' });
    expect(heard).toEqual([
      'A practitioner added a note to Define.',
      'Someone moved a note from Define to Decide.',
      'Someone removed a note from Decide.',
    ]);
  });

  it('names the person from awareness at level more', () => {
    const [mine, theirs] = connectedPair();
    const awareness = new Awareness(mine);
    // Awareness states of others are keyed by their Yjs client id.
    awareness.states.set(theirs.clientID, { name: 'Sam', role: 'practitioner' });
    const heard = listen(mine, { level: 'more', awareness });
    const id = createNote(theirs, { lane: 'define', author: 'Sam', authorRole: 'practitioner' });
    moveNote(theirs, id, { lane: 'decide' });
    expect(heard).toEqual([
      'Sam (practitioner) added a note to Define.',
      'Sam (practitioner) moved a note from Define to Decide.',
    ]);
    awareness.destroy();
  });

  it('says nothing at level none, and nothing before the first sync', () => {
    const [mine, theirs] = connectedPair();
    expect(listen(mine, { level: 'none' })).toEqual([]);
    const beforeSync = listen(mine, { ready: false });
    createNote(theirs, { lane: 'define', author: 'Sam', authorRole: 'practitioner' });
    expect(beforeSync).toEqual([]);
  });

  it('sums up a change to many notes in one sentence', () => {
    const [mine, theirs] = connectedPair();
    const heard = listen(mine);
    theirs.transact(() => {
      for (let i = 0; i < 5; i++) createNote(theirs, { lane: 'define', author: 'Sam', authorRole: 'practitioner' });
    });
    expect(heard).toEqual(['Others changed 5 notes.']);
  });
});
