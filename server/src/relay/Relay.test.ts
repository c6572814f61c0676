import { CURRENT_SCHEMA_VERSION, MESSAGE_SAVED, readMeta } from '@costudio/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Harness, synced } from '../../../tests/support/harness.ts';
import { syncFrame } from '../../../tests/support/rawSocket.ts';
import { harnessPerTest } from '../../../tests/support/relayTestFixture.ts';
import { waitFor } from '../../../tests/support/waitFor.ts';

const startHarness = harnessPerTest();
let harness: Harness;

async function healthz(): Promise<{ rooms: number; connections: number }> {
  return (await (await fetch(`${harness.server.url}/healthz`)).json()) as { rooms: number; connections: number };
}

async function metricsText(): Promise<string> {
  return (await fetch(`${harness.server.url}/metrics`)).text();
}

function savedVectors(messages: Uint8Array[]): Array<Map<number, number>> {
  return messages.flatMap((message) => {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MESSAGE_SAVED) return [];
    return [Y.decodeStateVector(decoding.readVarUint8Array(decoder))];
  });
}

describe('Relay with the stock y-websocket client', () => {
  it('makes two clients converge and gives a late joiner everything, migrated', async () => {
    harness = await startHarness();
    const a = harness.provider('board-1');
    const b = harness.provider('board-1');
    await Promise.all([synced(a), synced(b)]);
    a.doc.getMap('notes').set('from-a', 'A');
    b.doc.getMap('notes').set('from-b', 'B');
    await waitFor(() => a.doc.getMap('notes').size === 2 && b.doc.getMap('notes').size === 2, 'convergence');
    const late = harness.provider('board-1');
    await synced(late);
    expect(late.doc.getMap('notes').toJSON()).toEqual({ 'from-a': 'A', 'from-b': 'B' });
    expect(readMeta(late.doc).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('has every update stored before any other client can see it', async () => {
    harness = await startHarness();
    const writer = harness.provider('durable');
    const reader = harness.provider('durable');
    await Promise.all([synced(writer), synced(reader)]);
    const checks: Array<Promise<boolean>> = [];
    reader.doc.getMap('notes').observe((event) => {
      for (const key of event.keysChanged) {
        checks.push(harness.storedDoc('durable').then((doc) => doc.getMap('notes').has(key)));
      }
    });
    for (let i = 0; i < 20; i++) writer.doc.getMap('notes').set(`n${i}`, i);
    await waitFor(() => reader.doc.getMap('notes').size === 20, 'reader to see all updates');
    expect(await Promise.all(checks)).toEqual(Array(20).fill(true));
  });

  it('tells a ?saved=1 client when its updates are durable, and nobody else', async () => {
    harness = await startHarness();
    const saver = await harness.raw('/sync/saved-board?saved=1');
    const plain = await harness.raw('/sync/saved-board');
    const doc = new Y.Doc();
    doc.clientID = 4242;
    doc.getMap('notes').set('n', 'hello');
    saver.send(syncFrame(2, Y.encodeStateAsUpdate(doc)));
    await waitFor(() => savedVectors(saver.frames).length > 0, 'a saved message');
    expect(savedVectors(saver.frames).at(-1)?.get(4242)).toBe(Y.getState(doc.store, 4242));
    expect((await harness.storedDoc('saved-board')).getMap('notes').get('n')).toBe('hello');
    await waitFor(() => plain.frames.some((m) => m[0] === 0 && m[1] === 2), 'the relayed update');
    expect(savedVectors(plain.frames)).toEqual([]);
  });

  it('acknowledges a saving client that reconnects with nothing new', async () => {
    harness = await startHarness();
    const doc = new Y.Doc();
    const first = harness.provider('again', { doc, params: { saved: '1' } });
    await synced(first);
    doc.getMap('notes').set('n', 1);
    await waitFor(async () => (await harness.storedDoc('again')).getMap('notes').get('n') === 1, 'the note stored');
    first.destroy();
    const saver = await harness.raw('/sync/again?saved=1');
    // What the stock client sends on connect: its awareness (which names its client id), then
    // its sync step 2 answering ours, which is empty because the server already has everything.
    const states = encoding.createEncoder();
    encoding.writeVarUint(states, 1);
    encoding.writeVarUint(states, doc.clientID);
    encoding.writeVarUint(states, 1);
    encoding.writeVarString(states, '{}');
    const awareness = encoding.createEncoder();
    encoding.writeVarUint(awareness, 1);
    encoding.writeVarUint8Array(awareness, encoding.toUint8Array(states));
    saver.send(encoding.toUint8Array(awareness));
    saver.send(syncFrame(1, new Uint8Array([0, 0])));
    await waitFor(() => savedVectors(saver.frames).length > 0, 'a saved message');
    expect(savedVectors(saver.frames).at(-1)?.get(doc.clientID)).toBe(Y.getState(doc.store, doc.clientID));
  });

  it('relays awareness, echoing it to the sender too', async () => {
    harness = await startHarness();
    const a = harness.provider('aware');
    const b = harness.provider('aware');
    await Promise.all([synced(a), synced(b)]);
    a.awareness.setLocalStateField('user', { name: 'Ada' });
    await waitFor(() => (b.awareness.getStates().get(a.doc.clientID) as { user?: unknown })?.user !== undefined, 'awareness');
    a.destroy();
    await waitFor(() => !b.awareness.getStates().has(a.doc.clientID), 'awareness removal when a leaves');
  });

  it('unloads an empty room after the delay and reloads it with everything', async () => {
    harness = await startHarness({ unloadDelayMs: 20 });
    const a = harness.provider('unload');
    await synced(a);
    a.doc.getMap('notes').set('kept', true);
    await waitFor(async () => (await harness.storedDoc('unload')).getMap('notes').get('kept') === true, 'the note stored');
    a.destroy();
    await waitFor(async () => (await healthz()).rooms === 0, 'room to unload');
    const b = harness.provider('unload');
    await synced(b);
    expect(b.doc.getMap('notes').get('kept')).toBe(true);
  });

  it('compacts the log into a snapshot past the bound, keeping every update', async () => {
    harness = await startHarness({ compactMaxUpdates: 5 });
    const a = harness.provider('compact');
    await synced(a);
    for (let i = 0; i < 23; i++) {
      a.doc.getMap('notes').set(`n${i}`, i);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await waitFor(async () => /costudio_compactions_total [1-9]/.test(await metricsText()), 'a compaction');
    const b = harness.provider('compact');
    await synced(b);
    await waitFor(() => b.doc.getMap('notes').size === 23, 'all notes after compaction');
    expect((await harness.storedDoc('compact')).getMap('notes').size).toBe(23);
  });
});
