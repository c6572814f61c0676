import { createNote, deleteNote, getNoteText, LANE_IDS, moveNote, NOTE_COLORS, readNotes, setNoteColor } from '@costudio/shared';
import * as prng from 'lib0/prng';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { boardView } from '../support/boardState.ts';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';
import { eventually } from '../support/waitFor.ts';

let server: InProcessServer;
const clients: BoardClient[] = [];

function connect(boardId: string): BoardClient {
  const client = connectBoardClient(server.syncUrl, boardId);
  clients.push(client);
  return client;
}

beforeEach(async () => {
  server = await startInProcessServer();
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.dispose();
});

/** One random edit a person could make, written through the shared typed operations. */
function randomEdit(gen: prng.PRNG, doc: Y.Doc, author: string): void {
  const ids = readNotes(doc).map((note) => note.id);
  const pick = () => ids[prng.uint32(gen, 0, ids.length - 1)] ?? '';
  const roll = prng.uint32(gen, 0, 99);
  if (ids.length === 0 || roll < 25) {
    createNote(doc, { lane: prng.oneOf(gen, [...LANE_IDS]), author, authorRole: 'lay', text: prng.word(gen, 0, 6) }, author);
  } else if (roll < 70) {
    const text = getNoteText(doc, pick());
    text?.insert(prng.uint32(gen, 0, text.length), prng.word(gen, 1, 4));
  } else if (roll < 80) {
    const text = getNoteText(doc, pick());
    if (text && text.length > 0) text.delete(prng.uint32(gen, 0, text.length - 1), 1);
  } else if (roll < 90) {
    moveNote(
      doc,
      pick(),
      { lane: prng.oneOf(gen, [...LANE_IDS]), x: prng.uint32(gen, 0, 2000), y: prng.uint32(gen, 0, 2000) },
      author,
    );
  } else if (roll < 97) {
    setNoteColor(doc, pick(), prng.oneOf(gen, [...NOTE_COLORS]), author);
  } else {
    deleteNote(doc, pick(), author);
  }
}

/** Lets sockets deliver between bursts so edits genuinely cross in flight. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('two people on one board', () => {
  it('converge after concurrent seeded random edits through the relay', async () => {
    const alice = connect('converge');
    const bob = connect('converge');
    await Promise.all([alice.whenSynced(), bob.whenSynced()]);
    for (const seed of [1, 2, 3]) {
      const aliceGen = prng.create(seed * 2);
      const bobGen = prng.create(seed * 2 + 1);
      for (let step = 0; step < 60; step++) {
        randomEdit(aliceGen, alice.doc, 'Alice');
        randomEdit(bobGen, bob.doc, 'Bob');
        if (step % 5 === 0) await turn();
      }
      await eventually(() => {
        expect(Y.encodeStateVector(bob.doc)).toEqual(Y.encodeStateVector(alice.doc));
      });
      expect(boardView(bob.doc)).toEqual(boardView(alice.doc));
      expect(readNotes(alice.doc).length).toBeGreaterThan(0);
    }
  });

  it('keeps both people’s characters when they type into the same note at once', async () => {
    const alice = connect('same-note');
    const bob = connect('same-note');
    await Promise.all([alice.whenSynced(), bob.whenSynced()]);
    const id = createNote(alice.doc, { lane: 'define', author: 'Alice', authorRole: 'practitioner', text: '' });
    await eventually(() => expect(getNoteText(bob.doc, id)).toBeInstanceOf(Y.Text));
    const aliceText = getNoteText(alice.doc, id);
    const bobText = getNoteText(bob.doc, id);
    for (const char of 'waiting times') aliceText?.insert(aliceText.length, char);
    for (const char of 'ramps') bobText?.insert(0, char);
    await eventually(() => {
      expect(getNoteText(bob.doc, id)?.toString()).toBe(getNoteText(alice.doc, id)?.toString());
      expect(getNoteText(alice.doc, id)?.length).toBe('waiting times'.length + 'ramps'.length);
    });
    const merged = getNoteText(alice.doc, id)?.toString() ?? '';
    expect(merged).toContain('waiting times');
    expect(merged.replace('waiting times', '')).toBe('spmar');
  });
});

describe('a late joiner', () => {
  it('gets every note and every character, also after the writers have left', async () => {
    const alice = connect('late');
    const bob = connect('late');
    await Promise.all([alice.whenSynced(), bob.whenSynced()]);
    const gen = prng.create(42);
    for (let step = 0; step < 150; step++) {
      randomEdit(gen, step % 2 === 0 ? alice.doc : bob.doc, step % 2 === 0 ? 'Alice' : 'Bob');
      if (step % 10 === 0) await turn();
    }
    await eventually(() => expect(boardView(bob.doc)).toEqual(boardView(alice.doc)));
    const expected = boardView(alice.doc);
    expect(expected.notes.length).toBeGreaterThan(3);

    const carol = connect('late');
    await carol.whenSynced();
    expect(boardView(carol.doc)).toEqual(expected);

    alice.destroy();
    bob.destroy();
    const dave = connect('late');
    await dave.whenSynced();
    expect(boardView(dave.doc)).toEqual(expected);
    expect(Y.encodeStateVector(dave.doc)).toEqual(Y.encodeStateVector(alice.doc));
  });
});
