import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getNotesMap } from '../schema/boardDoc.ts';
import { NOTE_COLORS } from '../schema/colors.ts';
import { LANE_IDS } from '../schema/lanes.ts';
import { getNoteText, readNote, readNotes } from '../schema/note.ts';
import { ROLES } from '../schema/roles.ts';
import { createNote, deleteNote, moveNote, setNoteColor } from './noteOps.ts';
import { applyTextEdit } from './textEdit.ts';

/**
 * Seeded random-operation convergence, after Yjs's own tests: N people edit one board through
 * the typed operations while their updates travel with random delays and in random order. Once
 * everything is delivered, every copy must be identical and every note must read valid.
 * A failing seed reproduces exactly: run it alone to debug.
 */
const PEOPLE = 4;
const OPERATIONS = 400;
const SEEDS = [1, 2, 3, 42, 1234, 20240601];

interface Person {
  doc: Y.Doc;
  /** Updates this person has made that not everyone has received yet, per recipient. */
  outbox: Map<number, Uint8Array[]>;
}

function connect(count: number): Person[] {
  const people: Person[] = [];
  for (let index = 0; index < count; index++) {
    const doc = new Y.Doc();
    doc.clientID = index + 1; // deterministic client ids keep a seed's run reproducible
    people.push({ doc, outbox: new Map() });
  }
  for (const [index, person] of people.entries()) {
    person.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'network') return;
      for (let other = 0; other < count; other++) {
        if (other === index) continue;
        const queue = person.outbox.get(other) ?? [];
        queue.push(update);
        person.outbox.set(other, queue);
      }
    });
  }
  return people;
}

/** Delivers a random subset of pending updates to random people, in shuffled order. */
function deliverSome(gen: prng.PRNG, people: Person[], all = false): void {
  const pending: { to: number; update: Uint8Array }[] = [];
  for (const person of people) {
    for (const [to, queue] of person.outbox) {
      const take = all ? queue.length : prng.int32(gen, 0, queue.length);
      // Updates from one sender may arrive out of order too: Yjs must hold them until it can.
      for (const update of queue.splice(0, take)) pending.push({ to, update });
    }
  }
  for (let index = pending.length - 1; index > 0; index--) {
    const swap = prng.int32(gen, 0, index);
    [pending[index], pending[swap]] = [pending[swap] as (typeof pending)[number], pending[index] as (typeof pending)[number]];
  }
  for (const { to, update } of pending) Y.applyUpdate((people[to] as Person).doc, update, 'network');
}

/**
 * A random edit of the kind a text box produces: it starts and ends on whole characters, since
 * a caret cannot sit inside an emoji. (Yjs replaces a surrogate pair split by a concurrent
 * insert with U+FFFD on one side only, so edits must never land mid-pair.)
 */
function randomEditOf(gen: prng.PRNG, current: string): string {
  const chars = Array.from(current);
  const start = prng.int32(gen, 0, chars.length);
  const removed = prng.int32(gen, 0, Math.min(5, chars.length - start));
  const inserted = prng.bool(gen) ? prng.word(gen, 0, 6) : pick(gen, ['', ' ', '😀', 'é', '\n']);
  chars.splice(start, removed, inserted);
  return chars.join('');
}

/** prng.oneOf for readonly lists. */
function pick<T>(gen: prng.PRNG, list: readonly T[]): T {
  return list[prng.int32(gen, 0, list.length - 1)] as T;
}

type OperationKind = 'create' | 'move' | 'colour' | 'delete' | 'text';

function randomOperation(gen: prng.PRNG, doc: Y.Doc, step: number): OperationKind {
  const ids = Array.from(getNotesMap(doc).keys());
  const id = ids.length > 0 ? pick(gen, ids) : null;
  const lane = pick(gen, LANE_IDS);
  const kind = id === null ? 0 : prng.int32(gen, 0, 9);
  if (kind <= 1 || id === null) {
    createNote(doc, {
      id: `n${doc.clientID}-${step}`,
      lane,
      author: prng.word(gen, 0, 8),
      authorRole: pick(gen, ROLES),
      anonymous: prng.int32(gen, 0, 4) === 0,
      text: prng.word(gen, 0, 10),
      color: pick(gen, NOTE_COLORS),
      createdAt: step,
    });
    return 'create';
  }
  if (kind <= 3) {
    const exact = prng.bool(gen);
    moveNote(doc, id, exact ? { lane, x: prng.int32(gen, -50, 2400), y: prng.int32(gen, 0, 3000) } : { lane });
    return 'move';
  }
  if (kind === 4) {
    setNoteColor(doc, id, pick(gen, NOTE_COLORS));
    return 'colour';
  }
  if (kind === 5) {
    deleteNote(doc, id);
    return 'delete';
  }
  const text = getNoteText(doc, id);
  if (text) applyTextEdit(text, randomEditOf(gen, text.toString()));
  return 'text';
}

describe('random operations by several people converge', () => {
  it.each(SEEDS)('seed %i', (seed) => {
    const gen = prng.create(seed);
    const people = connect(PEOPLE);
    const ran = new Map<OperationKind, number>();
    for (let step = 0; step < OPERATIONS; step++) {
      const person = pick(gen, people);
      const kind = randomOperation(gen, person.doc, step);
      ran.set(kind, (ran.get(kind) ?? 0) + 1);
      if (prng.int32(gen, 0, 9) === 0) deliverSome(gen, people);
    }
    // The run must have exercised every operation, concurrently: copies differ before the
    // final delivery, or convergence would be proven on nothing.
    expect([...ran.keys()].sort()).toEqual(['colour', 'create', 'delete', 'move', 'text']);
    const divergent = new Set(people.map((person) => JSON.stringify(person.doc.toJSON())));
    expect(divergent.size).toBeGreaterThan(1);
    deliverSome(gen, people, true);

    const [first, ...others] = people.map((person) => person.doc);
    const reference = (first as Y.Doc).toJSON();
    for (const doc of others) expect(doc.toJSON()).toEqual(reference);

    const notes = getNotesMap(first as Y.Doc);
    expect(notes.size).toBeGreaterThan(0);
    notes.forEach((value, id) => {
      const note = readNote(id, value);
      expect(note, `note ${id}`).not.toBeNull();
      expect(value.get('text')).toBeInstanceOf(Y.Text);
      if (note?.anonymous) expect(note.author).toBe('');
    });
    const sortedNotes = (doc: Y.Doc) => readNotes(doc).sort((a, b) => a.id.localeCompare(b.id));
    for (const doc of others) expect(sortedNotes(doc)).toEqual(sortedNotes(first as Y.Doc));
  });
});
