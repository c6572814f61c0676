import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeSnapshot } from '../storage/snapshots.ts';
import { FullStateCache } from './FullStateCache.ts';
import { encodeSyncStep1, encodeSyncStep2 } from './messages.ts';

function docWith(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap('notes').set('n', text);
  return doc;
}

describe('FullStateCache', () => {
  it('encodes the whole doc once and reuses it until cleared', () => {
    const cache = new FullStateCache();
    const doc = docWith('one');
    const first = cache.answerFor(doc);
    expect(first).toEqual(encodeSyncStep2(Y.encodeStateAsUpdate(doc)));
    doc.getMap('notes').set('n', 'two');
    expect(cache.answerFor(doc)).toBe(first);
    cache.clear();
    expect(cache.answerFor(doc)).toEqual(encodeSyncStep2(Y.encodeStateAsUpdate(doc)));
  });

  it('takes a V1 snapshot’s bytes as the answer, and not a V2 one', () => {
    const doc = docWith('snap');
    const snapshot = encodeSnapshot(doc);
    const cache = new FullStateCache();
    cache.fromSnapshot({ ...snapshot, encoding: 'v2', data: Y.encodeStateAsUpdateV2(doc) });
    expect(cache.cached).toBeNull();
    cache.fromSnapshot(snapshot);
    expect(snapshot.encoding).toBe('v1');
    expect(cache.cached).toEqual(encodeSyncStep2(snapshot.data));
  });

  it('greets every joining socket with one encoding of the state vector, renewed when the doc changes', () => {
    const cache = new FullStateCache();
    const doc = docWith('one');
    const first = cache.greetingFor(doc);
    expect(first).toEqual(encodeSyncStep1(doc));
    expect(cache.greetingFor(doc)).toBe(first);
    doc.getMap('notes').set('n', 'two');
    cache.clear();
    const renewed = cache.greetingFor(doc);
    expect(renewed).toEqual(encodeSyncStep1(doc));
    expect(renewed).not.toEqual(first);
  });
});
