import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canIntegrate, knownTo, readDependencies } from './updateDependencies.ts';

const FACILITATOR = 1;
const ATTACKER = 2;

const dependenciesOf = (update: Uint8Array) => readDependencies(Y.decodeUpdate(update));

/** Whether Yjs itself leaves anything pending when `update` is applied to a copy of `doc`. */
function leavesPending(doc: Y.Doc, update: Uint8Array): boolean {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  Y.applyUpdate(copy, update);
  return copy.store.pendingStructs !== null || copy.store.pendingDs !== null;
}

/** The room's doc: the facilitator's note and vote, as the relay holds them. */
function room(): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = FACILITATOR;
  doc.getText('note').insert(0, 'Locked lane note');
  doc.getMap('vote').set('status', 'open');
  return doc;
}

/**
 * The attack of issue 13: the attacker copies the room, forges the facilitator's next struct
 * (F, c) in its own copy, builds edits on it, and sends only its own part.
 */
function deferredAttack(server: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const attacker = new Y.Doc();
  Y.applyUpdate(attacker, Y.encodeStateAsUpdate(server));
  attacker.clientID = FACILITATOR;
  attacker.getText('note').insert(0, 'x');
  const withForgery = Y.encodeStateVector(attacker);
  attacker.clientID = ATTACKER;
  edit(attacker);
  return Y.encodeStateAsUpdate(attacker, withForgery);
}

describe('canIntegrate', () => {
  it('holds back an edit that waits for the facilitator’s next change (text after a struct not yet made)', () => {
    const server = room();
    const update = deferredAttack(server, (doc) => doc.getText('note').insert(1, ' appended'));
    expect(leavesPending(server, update)).toBe(true);
    expect(canIntegrate(dependenciesOf(update), knownTo(server))).toBe(false);
  });

  it('holds back a deletion of clocks the facilitator has not reached yet', () => {
    const server = room();
    const update = deferredAttack(server, (doc) => doc.getText('note').delete(0, 1));
    expect(leavesPending(server, update)).toBe(true);
    expect(canIntegrate(dependenciesOf(update), knownTo(server))).toBe(false);
  });

  it('holds back a key set in a map the room has not received (its parent is another client’s item)', () => {
    const server = room();
    const [maker, setter] = [3, ATTACKER].map((clientID) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
      doc.clientID = clientID;
      return doc;
    }) as [Y.Doc, Y.Doc];
    maker.getArray<Y.Map<string>>('notes').push([new Y.Map<string>()]);
    Y.applyUpdate(setter, Y.encodeStateAsUpdate(maker));
    setter.getArray<Y.Map<string>>('notes').get(0).set('text', 'hello');
    const update = Y.encodeStateAsUpdate(setter, Y.encodeStateVector(maker));
    expect(leavesPending(server, update)).toBe(true);
    expect(canIntegrate(dependenciesOf(update), knownTo(server))).toBe(false);
  });

  it('holds back an update whose own structs start past what the room has of that client', () => {
    const server = room();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    client.clientID = ATTACKER;
    client.getMap('vote').set('a', 1);
    const first = Y.encodeStateVector(client);
    client.getMap('vote').set('b', 2);
    const second = Y.encodeStateAsUpdate(client, first);
    expect(canIntegrate(dependenciesOf(second), knownTo(server))).toBe(false);
    // Once the first arrives, the second fits.
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
    expect(canIntegrate(dependenciesOf(second), knownTo(server))).toBe(true);
  });

  it('lets ordinary edits through, including ones that build on structs in the same update', () => {
    const server = room();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    client.clientID = ATTACKER;
    const before = Y.encodeStateVector(client);
    client.getText('note').insert(4, ' new');
    client.getText('note').insert(8, ' more');
    client.getText('note').delete(0, 3);
    client.getMap('vote').set('status', 'closed');
    const update = Y.encodeStateAsUpdate(client, before);
    expect(canIntegrate(dependenciesOf(update), knownTo(server))).toBe(true);
  });

  it('agrees with Yjs on seeded random updates between diverging docs', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let held = 0;
    for (let round = 0; round < 300; round++) {
      const docs = [1, 2, 3].map((clientID) => {
        const doc = new Y.Doc();
        doc.clientID = clientID;
        return doc;
      });
      const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
      const server = docs[0] as Y.Doc;
      for (let step = 0; step < 12; step++) {
        const doc = docs[Math.floor(random() * docs.length)] as Y.Doc;
        const text = doc.getText('t');
        // Nested maps: their keys' parent is an item of another client, not a root name.
        const notes = doc.getArray<Y.Map<number>>('notes');
        const choice = random();
        if (choice < 0.15) notes.push([new Y.Map<number>()]);
        else if (choice < 0.3 && notes.length > 0) notes.get(Math.floor(random() * notes.length)).set('x', step);
        else if (random() < 0.3 && text.length > 0) text.delete(Math.floor(random() * text.length), 1);
        else text.insert(Math.floor(random() * (text.length + 1)), 'ab');
        if (random() < 0.4) sync(doc, docs[Math.floor(random() * docs.length)] as Y.Doc);
      }
      const sender = docs[1 + Math.floor(random() * 2)] as Y.Doc;
      // A diff against another doc's state leaves out what that doc has and the server may not.
      const since = Y.encodeStateVector(docs[Math.floor(random() * docs.length)] as Y.Doc);
      const update = Y.encodeStateAsUpdate(sender, since);
      const pending = leavesPending(server, update);
      if (pending) held++;
      expect(canIntegrate(dependenciesOf(update), knownTo(server))).toBe(!pending);
    }
    // The rounds must exercise both answers, or the comparison proves nothing.
    expect(held).toBeGreaterThan(20);
    expect(held).toBeLessThan(280);
  });
});
