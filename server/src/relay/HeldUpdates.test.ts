import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { HeldUpdates, MAX_HELD_UPDATES } from './HeldUpdates.ts';
import { knownTo, readDependencies } from './updateDependencies.ts';

/** A client's two successive edits, and the room that has neither yet. */
function twoEdits() {
  const room = new Y.Doc();
  const client = new Y.Doc();
  client.getText('t').insert(0, 'first');
  const first = Y.encodeStateAsUpdate(client);
  const afterFirst = Y.encodeStateVector(client);
  client.getText('t').insert(5, ' second');
  const second = Y.encodeStateAsUpdate(client, afterFirst);
  return { room, first, second };
}

const dependencies = (update: Uint8Array) => readDependencies(Y.decodeUpdate(update));

describe('HeldUpdates', () => {
  it('keeps an update until what it builds on is in the doc, then gives it back once', () => {
    const { room, first, second } = twoEdits();
    const held = new HeldUpdates<string>();
    const sender = {};
    expect(held.hold(sender, second, dependencies(second), 'second')).toBe(true);
    expect(held.release(knownTo(room))).toEqual([]);
    Y.applyUpdate(room, first);
    expect(held.release(knownTo(room))).toEqual(['second']);
    expect(held.release(knownTo(room))).toEqual([]);
    expect(held.size).toBe(0);
  });

  it('drops what a sender held when it leaves', () => {
    const { room, first, second } = twoEdits();
    const held = new HeldUpdates<string>();
    const sender = {};
    held.hold(sender, second, dependencies(second), 'second');
    held.drop(sender);
    Y.applyUpdate(room, first);
    expect(held.release(knownTo(room))).toEqual([]);
  });

  it('refuses to hold more than the budget for one sender, but not for another', () => {
    const { second } = twoEdits();
    const held = new HeldUpdates<number>();
    const flooder = {};
    for (let i = 0; i < MAX_HELD_UPDATES; i++) expect(held.hold(flooder, second, dependencies(second), i)).toBe(true);
    expect(held.hold(flooder, second, dependencies(second), -1)).toBe(false);
    expect(held.hold({}, second, dependencies(second), -2)).toBe(true);
  });
});
