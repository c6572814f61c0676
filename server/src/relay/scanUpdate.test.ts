import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { scanUpdate } from './scanUpdate.ts';
import { readDependencies } from './updateDependencies.ts';

/** The reference: Yjs's own full decoding, read by readDependencies. */
function decodeFully(update: Uint8Array): { empty: boolean; dependencies: ReturnType<typeof readDependencies> } {
  const decoded = Y.decodeUpdate(update);
  return { empty: decoded.structs.length === 0 && decoded.ds.clients.size === 0, dependencies: readDependencies(decoded) };
}

type Outcome = { ok: true; value: ReturnType<typeof decodeFully> } | { ok: false };
const outcome = (read: () => ReturnType<typeof decodeFully>): Outcome => {
  try {
    return { ok: true, value: read() };
  } catch {
    return { ok: false };
  }
};

/** One random edit of every kind of content a Yjs 13 doc can hold. */
function randomEdit(gen: prng.PRNG, doc: Y.Doc): void {
  const text = doc.getText('text');
  const map = doc.getMap('map');
  const array = doc.getArray<unknown>('array');
  const xml = doc.getXmlFragment('xml');
  switch (prng.int32(gen, 0, 9)) {
    case 0:
      text.insert(prng.int32(gen, 0, text.length), prng.utf16String(gen, 6));
      break;
    case 1:
      if (text.length > 0) text.delete(prng.int32(gen, 0, text.length - 1), 1);
      break;
    case 2:
      text.format(0, Math.min(2, text.length), { bold: prng.bool(gen) });
      break;
    case 3:
      text.insertEmbed(prng.int32(gen, 0, text.length), { image: prng.word(gen) });
      break;
    case 4:
      map.set(prng.word(gen, 1, 3), { n: prng.int32(gen, -9, 9), list: [prng.real53(gen), null, true], s: prng.word(gen) });
      break;
    case 5:
      map.set(prng.word(gen, 1, 3), new Uint8Array([prng.uint32(gen, 0, 255), 1, 2]));
      break;
    case 6:
      map.set('sub', new Y.Doc({ meta: { kind: 'sub' } }));
      break;
    case 7:
      array.insert(0, [prng.int32(gen, 0, 99), prng.word(gen), new Y.Map()]);
      break;
    case 8:
      if (array.length > 0) array.delete(0, 1);
      else map.delete('sub');
      break;
    default: {
      const element = new Y.XmlElement(prng.word(gen, 1, 4));
      element.setAttribute('lane', prng.word(gen));
      xml.insert(0, [element, new Y.XmlText(prng.word(gen))]);
      // A hook is an element to Yjs's encoder (type ref 5, with its name), whatever the typings say.
      xml.insert(0, [new Y.XmlHook('hook') as unknown as Y.XmlElement]);
    }
  }
}

describe('scanUpdate', () => {
  it('reads the same emptiness and dependencies as a full Yjs decoding, on seeded random updates', () => {
    const gen = prng.create(20261206);
    const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    let checked = 0;
    for (let round = 0; round < 150; round++) {
      const doc = prng.oneOf(gen, docs);
      const before = Y.encodeStateVector(doc);
      for (let i = prng.int32(gen, 1, 4); i > 0; i--) randomEdit(gen, doc);
      const updates = [Y.encodeStateAsUpdate(doc, before), Y.encodeStateAsUpdate(doc)];
      // Merged updates of several docs hold Skip structs (gaps) and several clients.
      if (round % 10 === 9)
        updates.push(Y.mergeUpdates(docs.map((d) => Y.encodeStateAsUpdate(d, Y.encodeStateVector(docs[0] as Y.Doc)))));
      for (const update of updates) {
        expect(scanUpdate(update)).toEqual(decodeFully(update));
        checked++;
      }
      // Now and then the docs sync, so later updates build on each other's items.
      if (round % 7 === 6) for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('refuses exactly the damaged updates that Yjs refuses, and reads the rest alike', () => {
    const gen = prng.create(42);
    const doc = new Y.Doc();
    for (let i = 0; i < 24; i++) randomEdit(gen, doc);
    const update = Y.encodeStateAsUpdate(doc);
    const damaged: Uint8Array[] = [];
    // Every truncation, and every byte set to values that matter to the grammar (struct info
    // bits, content and type refs, varint continuation, JSON and string bytes).
    for (let length = 0; length < update.length; length++) damaged.push(update.slice(0, length));
    for (let at = 0; at < update.length; at++) {
      for (const value of [0, 1, 7, 8, 10, 0x22, 0x7f, 0x80, 0xff, (update[at] as number) ^ 1]) {
        const copy = update.slice();
        copy[at] = value;
        damaged.push(copy);
      }
    }
    let refused = 0;
    for (const bytes of damaged) {
      const expected = outcome(() => decodeFully(bytes));
      expect(outcome(() => scanUpdate(bytes))).toEqual(expected);
      if (!expected.ok) refused++;
    }
    expect(refused).toBeGreaterThan(1_000);
  });
});
