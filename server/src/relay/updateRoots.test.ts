import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateRoots } from './updateRoots.ts';

/** A board-like doc: a note (a Y.Map with a Y.Text) and a vote, shared with one person's copy. */
function boardAndPerson(): { server: Y.Doc; person: Y.Doc } {
  const server = new Y.Doc();
  const note = new Y.Map<unknown>();
  server.getMap('notes').set('n1', note);
  const text = new Y.Text();
  note.set('text', text);
  text.insert(0, 'hello');
  server.getMap('votes').set('v1', new Y.Map());
  const person = new Y.Doc();
  Y.applyUpdate(person, Y.encodeStateAsUpdate(server));
  return { server, person };
}

/** What `change` on the person's doc would change on the server, by top-level name. */
function rootsOf(change: (doc: Y.Doc) => void): string[] | null {
  const { server, person } = boardAndPerson();
  const before = Y.encodeStateVector(person);
  change(person);
  const roots = updateRoots(server, Y.encodeStateAsUpdate(person, before));
  return roots === null ? null : [...roots].sort();
}

const note = (doc: Y.Doc) => doc.getMap('notes').get('n1') as Y.Map<unknown>;

describe('updateRoots', () => {
  it.each<[string, (doc: Y.Doc) => void, string[] | null]>([
    ['typing into a note’s text', (doc) => (note(doc).get('text') as Y.Text).insert(5, ' world'), ['notes']],
    ['deleting from a note’s text', (doc) => (note(doc).get('text') as Y.Text).delete(0, 2), ['notes']],
    ['moving a note (a field of its map)', (doc) => note(doc).set('x', 10), ['notes']],
    [
      'overwriting that field again',
      (doc) => {
        for (const x of [1, 2]) note(doc).set('x', x);
      },
      ['notes'],
    ],
    [
      'a new note with its own text, typed into',
      (doc) => {
        const fresh = new Y.Map<unknown>();
        doc.getMap('notes').set('n2', fresh);
        const text = new Y.Text();
        fresh.set('text', text);
        text.insert(0, 'new');
      },
      ['notes'],
    ],
    ['changing a vote’s settings', (doc) => (doc.getMap('votes').get('v1') as Y.Map<unknown>).set('open', false), ['votes']],
    ['deleting a vote', (doc) => doc.getMap('votes').delete('v1'), ['votes']],
    [
      'a note and a vote at once',
      (doc) =>
        doc.transact(() => {
          note(doc).set('x', 1);
          doc.getMap('votes').delete('v1');
        }),
      ['notes', 'votes'],
    ],
    [
      'thirty fields of a new note, one set twice (beside its own first value)',
      (doc) =>
        doc.transact(() => {
          const fresh = new Y.Map<unknown>();
          doc.getMap('notes').set('n3', fresh);
          for (let i = 0; i < 30; i++) fresh.set(`k${i}`, i);
          fresh.set('k15', 'again');
        }),
      ['notes'],
    ],
    ['a map the board did not have yet', (doc) => doc.getMap('bench').set('probe', 'x'), ['bench']],
  ])('names what %s changes', (_, change, expected) => {
    expect(rootsOf(change)).toEqual(expected);
  });

  it('cannot tell without the change an update builds on', () => {
    const { server, person } = boardAndPerson();
    const before = Y.encodeStateVector(person);
    note(person).set('x', 1);
    const missing = Y.encodeStateAsUpdate(person, before);
    const after = Y.encodeStateVector(person);
    note(person).set('x', 2);
    // The second overwrite sits beside the first, which the server has not got.
    expect(updateRoots(server, Y.encodeStateAsUpdate(person, after))).toBeNull();
    Y.applyUpdate(server, missing);
    expect([...(updateRoots(server, Y.encodeStateAsUpdate(person, after)) ?? [])]).toEqual(['notes']);
  });

  it('leaves a large paste to be judged by applying it', () => {
    expect(rootsOf((doc) => (note(doc).get('text') as Y.Text).insert(0, 'x'.repeat(20_000)))).toBeNull();
    expect(rootsOf((doc) => (note(doc).get('text') as Y.Text).insert(0, 'x'.repeat(2_000)))).toEqual(['notes']);
  });

  it('cannot tell what bytes that are not an update change', () => {
    expect(updateRoots(new Y.Doc(), new Uint8Array([5, 0x80]))).toBeNull();
  });
});
