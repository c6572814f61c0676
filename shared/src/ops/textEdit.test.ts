import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_NOTE_TEXT_LENGTH } from '../schema/note.ts';
import { applyTextEdit } from './textEdit.ts';

function textIn(content: string): { doc: Y.Doc; text: Y.Text } {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, content);
  return { doc, text };
}

/** Two docs that start from the same text, as two people with the same note open. */
function twoPeople(content: string): [Y.Text, Y.Text] {
  const a = textIn(content);
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a.doc));
  return [a.text, b.getText('t')];
}

function exchange(a: Y.Text, b: Y.Text): void {
  const docA = a.doc as Y.Doc;
  const docB = b.doc as Y.Doc;
  const fromA = Y.encodeStateAsUpdate(docA, Y.encodeStateVector(docB));
  const fromB = Y.encodeStateAsUpdate(docB, Y.encodeStateVector(docA));
  Y.applyUpdate(docB, fromA);
  Y.applyUpdate(docA, fromB);
}

describe('applyTextEdit', () => {
  it.each<[string, string, string]>([
    ['append', 'hello', 'hello world'],
    ['prepend', 'world', 'hello world'],
    ['insert in the middle', 'helo', 'hello'],
    ['delete in the middle', 'hello', 'helo'],
    ['replace a word', 'a red car', 'a blue car'],
    ['clear', 'something', ''],
    ['from empty', '', 'something'],
    ['repeated letters', 'aaaa', 'aaaaa'],
    ['an emoji replaced by another', 'a😀b', 'a😃b'],
    ['emoji sharing a low surrogate', '\uD83D\uDE00', '\uD83C\uDE00'],
    ['an emoji inserted beside another', '😀', '😀😀'],
    ['newlines', 'one\ntwo', 'one\nand\ntwo'],
  ])('%s', (_label, before, after) => {
    const { text } = textIn(before);
    applyTextEdit(text, after);
    expect(text.toString()).toBe(after);
  });

  it('writes one transaction with the given origin, and nothing when the text is unchanged', () => {
    const { doc, text } = textIn('hello');
    const origins: unknown[] = [];
    doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));
    applyTextEdit(text, 'hello', 'me');
    expect(origins).toEqual([]);
    applyTextEdit(text, 'jello!', 'me');
    expect(origins).toEqual(['me']);
  });

  it('touches only the changed span (the rest keeps its identity)', () => {
    const { doc, text } = textIn('the quick brown fox');
    const deltas: unknown[] = [];
    text.observe((event) => deltas.push(event.delta));
    applyTextEdit(text, 'the quick red fox');
    expect(deltas).toEqual([[{ retain: 10 }, { delete: 5 }, { insert: 'red' }]]);
    expect(doc.getText('t').toString()).toBe('the quick red fox');
  });

  it('never leaves half of a surrogate pair behind', () => {
    const { text } = textIn('x😀y');
    applyTextEdit(text, 'x😃y');
    const deltas: { insert?: string }[] = [];
    text.observe((event) => deltas.push(...(event.delta as { insert?: string }[])));
    applyTextEdit(text, 'x🙂y');
    const inserted = deltas.find((delta) => delta.insert !== undefined)?.insert ?? '';
    expect(inserted).toBe('🙂');
  });

  it('bounds the text to MAX_NOTE_TEXT_LENGTH', () => {
    const { text } = textIn('');
    applyTextEdit(text, 'z'.repeat(MAX_NOTE_TEXT_LENGTH + 10));
    expect(text.length).toBe(MAX_NOTE_TEXT_LENGTH);
  });

  it('works on a Y.Text not yet in a doc', () => {
    const text = new Y.Text('abc');
    const doc = new Y.Doc();
    doc.getMap('m').set('t', text);
    applyTextEdit(text, 'abXc');
    expect(text.toString()).toBe('abXc');
  });
});

describe('two people typing into one note at once', () => {
  it.each<[string, string, string, string, string]>([
    ['different places', 'hello world', 'hello brave world', 'hello world!', 'hello brave world!'],
    ['same place', 'ab', 'aXb', 'aYb', ''],
    ['one deletes while the other appends', 'one two three', 'one three', 'one two three four', 'one three four'],
    ['both append', 'note', 'note A', 'note B', ''],
  ])('%s: both keep their characters', (_label, start, editA, editB, expected) => {
    const [a, b] = twoPeople(start);
    applyTextEdit(a, editA);
    applyTextEdit(b, editB);
    exchange(a, b);
    expect(a.toString()).toBe(b.toString());
    if (expected) {
      expect(a.toString()).toBe(expected);
    } else {
      // Concurrent inserts at one spot: the order is Yjs's choice, but nothing is lost.
      const inserted = [editA.replace(start.slice(0, 1), ''), editB.replace(start.slice(0, 1), '')];
      for (const part of inserted) for (const char of part) expect(a.toString()).toContain(char);
      expect(a.toString().length).toBe(editA.length + editB.length - start.length);
    }
  });
});
