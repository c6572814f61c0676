import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { caretThroughDelta, type TextDelta } from './caretThroughDelta.ts';

describe('caretThroughDelta', () => {
  it.each<[string, number, TextDelta, number]>([
    ['insert before', 5, [{ retain: 2 }, { insert: 'abc' }], 8],
    ['insert after', 1, [{ retain: 2 }, { insert: 'abc' }], 1],
    ['insert at the caret stays before it', 2, [{ retain: 2 }, { insert: 'abc' }], 2],
    ['delete before', 6, [{ retain: 1 }, { delete: 3 }], 3],
    ['delete around', 3, [{ retain: 1 }, { delete: 5 }], 1],
    ['insert at start', 0, [{ insert: 'x' }], 0],
  ])('%s', (_name, caret, delta, expected) => {
    expect(caretThroughDelta(caret, delta)).toBe(expected);
  });

  it('matches a real Y.Text event', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'hello world');
    let delta: TextDelta = [];
    text.observe((event) => {
      delta = event.delta as TextDelta;
    });
    doc.transact(() => {
      text.insert(0, '>> ');
      text.delete(8, 6);
    });
    expect(text.toString()).toBe('>> hello');
    expect(caretThroughDelta(5, delta)).toBe(8);
  });
});
