import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SavedTracker } from './savedTracker.ts';

function savedPayload(entries: [number, number][]): decoding.Decoder {
  const sv = new Map(entries);
  const encoder = encoding.createEncoder();
  // Same encoding Y.encodeStateVector produces.
  encoding.writeVarUint(encoder, sv.size);
  for (const [client, clock] of sv) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
  }
  const outer = encoding.createEncoder();
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(encoder));
  return decoding.createDecoder(encoding.toUint8Array(outer));
}

describe('SavedTracker', () => {
  it('is saved with no local changes, unsaved after one, saved once the relay says so', () => {
    const doc = new Y.Doc();
    const tracker = new SavedTracker(doc);
    expect(tracker.allSaved()).toBe(true);
    doc.getMap('m').set('a', 1);
    expect(tracker.allSaved()).toBe(false);
    const clock = Y.getState(doc.store, doc.clientID);
    tracker.readSavedMessage(savedPayload([[doc.clientID + 1, 99]]));
    expect(tracker.allSaved()).toBe(false);
    tracker.readSavedMessage(savedPayload([[doc.clientID, clock]]));
    expect(tracker.allSaved()).toBe(true);
  });

  it('never moves backwards and notifies only on progress', () => {
    const doc = new Y.Doc();
    const tracker = new SavedTracker(doc);
    doc.getMap('m').set('a', 1);
    doc.getMap('m').set('b', 2);
    let calls = 0;
    tracker.subscribe(() => calls++);
    tracker.readSavedMessage(savedPayload([[doc.clientID, 2]]));
    tracker.readSavedMessage(savedPayload([[doc.clientID, 1]]));
    expect(calls).toBe(1);
    expect(tracker.allSaved()).toBe(true);
  });
});
