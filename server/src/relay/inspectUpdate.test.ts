import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { inspectUpdate } from './inspectUpdate.ts';

describe('inspectUpdate', () => {
  it('reports the clock reached by each client in the update', () => {
    const doc = new Y.Doc();
    doc.clientID = 7;
    const text = doc.getText('t');
    text.insert(0, 'abc');
    const before = Y.encodeStateVector(doc);
    text.insert(3, 'de');
    const summary = inspectUpdate(Y.encodeStateAsUpdate(doc, before));
    expect(summary.empty).toBe(false);
    expect([...summary.clocks]).toEqual([[7, 5]]);
  });

  it('calls an update with no structs and no deletions empty', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('a', 1);
    expect(inspectUpdate(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc))).empty).toBe(true);
    expect(inspectUpdate(new Uint8Array([0, 0])).empty).toBe(true);
  });

  it('does not call a deletion empty', () => {
    const doc = new Y.Doc();
    const map = doc.getMap('m');
    map.set('a', 1);
    const sv = Y.encodeStateVector(doc);
    map.delete('a');
    const deletion = Y.encodeStateAsUpdate(doc, sv);
    expect(inspectUpdate(deletion).empty).toBe(false);
  });

  it.each([
    ['random bytes', new Uint8Array([5, 200, 13, 99, 1])],
    ['a truncated update', new Uint8Array([1, 1, 7])],
    ['nothing', new Uint8Array([])],
  ])('throws on %s', (_name, bytes) => {
    expect(() => inspectUpdate(bytes)).toThrow();
  });
});
