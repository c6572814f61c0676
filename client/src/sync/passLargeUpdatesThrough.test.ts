import { MESSAGE_SYNC } from '@costudio/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { passLargeUpdatesThrough } from './passLargeUpdatesThrough.ts';

const SYNC_STEP_2 = 1;
const providers: WebsocketProvider[] = [];

afterEach(() => {
  for (const provider of providers.splice(0)) provider.destroy();
});

/** A board's worth of text, as the relay would send it. */
function boardUpdate(notes: number, clientID = 7): Uint8Array {
  const source = new Y.Doc();
  source.clientID = clientID;
  const map = source.getMap<Y.Text>('notes');
  source.transact(() => {
    for (let i = 0; i < notes; i++) map.set(`n${i}`, new Y.Text(`note number ${i}`));
  });
  return Y.encodeStateAsUpdate(source);
}

function receive(provider: WebsocketProvider, update: Uint8Array): void {
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, SYNC_STEP_2);
  encoding.writeVarUint8Array(message, update);
  const handler = provider.messageHandlers[MESSAGE_SYNC];
  handler?.(encoding.createEncoder(), decoding.createDecoder(encoding.toUint8Array(message)), provider, true, MESSAGE_SYNC);
}

function open(threshold: number) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider('ws://127.0.0.1:9', 'board', doc, { connect: false });
  providers.push(provider);
  passLargeUpdatesThrough(provider, threshold);
  const heard: { update: Uint8Array; origin: unknown; transaction: Y.Transaction }[] = [];
  doc.on('update', (update, origin, _doc, transaction) => heard.push({ update, origin, transaction }));
  return { doc, provider, heard };
}

describe('passLargeUpdatesThrough', () => {
  it('hands a large sync step 2 to the update listeners as received, once, with the provider as origin', () => {
    const { doc, provider, heard } = open(1_000);
    const update = boardUpdate(200);
    receive(provider, update);
    expect(doc.getMap('notes').size).toBe(200);
    expect(provider.synced).toBe(true);
    expect(heard).toHaveLength(1);
    expect(heard[0]?.update).toEqual(update);
    expect(heard[0]?.origin).toBe(provider);
    expect(heard[0]?.transaction.local).toBe(false);
    // What the listeners got rebuilds the same doc.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, heard[0]?.update as Uint8Array);
    expect(copy.getMap('notes').toJSON()).toEqual(doc.getMap('notes').toJSON());
  });

  it('leaves an update into a doc that already holds content to Yjs, so only what is new is stored', () => {
    const { doc, provider, heard } = open(1_000);
    // The same writer's first 100 notes are already here (this device's copy).
    Y.applyUpdate(doc, boardUpdate(100));
    const update = boardUpdate(200);
    receive(provider, update);
    expect(doc.getMap('notes').size).toBe(200);
    expect(heard).toHaveLength(2);
    expect(heard[1]?.update.length).toBeLessThan(update.length * 0.75);
  });

  it('hears a local write made on sync or by an observer of the large update, after the update itself', () => {
    const { doc, provider, heard } = open(1_000);
    const notes = doc.getMap('notes');
    let repaired = false;
    notes.observe(() => {
      if (repaired) return;
      repaired = true;
      doc.getMap('meta').set('repaired', true);
    });
    provider.on('sync', () => doc.getMap('members').set('me', true));
    receive(provider, boardUpdate(200));
    expect(heard.map(({ origin, transaction }) => [origin === provider, transaction.local])).toEqual([
      [true, false],
      [false, true],
      [false, true],
    ]);
    const copy = new Y.Doc();
    for (const { update } of heard) Y.applyUpdate(copy, update);
    expect(copy.getMap('meta').get('repaired')).toBe(true);
    expect(copy.getMap('members').get('me')).toBe(true);
    expect(copy.getMap('notes').size).toBe(200);
  });

  it('says nothing when the update brings nothing new, as Yjs would', () => {
    const { provider, heard } = open(1_000);
    const update = boardUpdate(200);
    receive(provider, update);
    receive(provider, update);
    expect(heard).toHaveLength(1);
  });

  it('leaves small updates to Yjs, and keeps the listeners on the doc', () => {
    const { doc, provider, heard } = open(1_000_000);
    const update = boardUpdate(3);
    receive(provider, update);
    expect(heard).toHaveLength(1);
    expect(doc.getMap('notes').size).toBe(3);
    doc.getMap('notes').set('local', new Y.Text('typed here'));
    expect(heard).toHaveLength(2);
    expect(heard[1]?.transaction.local).toBe(true);
  });

  it('puts the listeners back after a large update, so local edits are heard and sent', () => {
    const { doc, provider, heard } = open(1_000);
    receive(provider, boardUpdate(200));
    doc.getMap('notes').set('local', new Y.Text('typed here'));
    expect(heard).toHaveLength(2);
    expect(heard[1]?.origin).not.toBe(provider);
  });
});
