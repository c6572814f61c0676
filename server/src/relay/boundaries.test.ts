import { join } from 'node:path';
import { CloseCode, MAX_FRAME_BYTES } from '@costudio/shared';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it, vi } from 'vitest';

// Real servers and sockets on a shared two-core machine: allow for a slow moment.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

import * as Y from 'yjs';
import { type Harness, startHarness, synced } from '../../../tests/support/harness.ts';
import { endOf } from '../../../tests/support/rawSocket.ts';
import { waitFor } from '../../../tests/support/waitFor.ts';
import { DATABASE_FILE, SqliteBoardStore } from '../storage/SqliteBoardStore.ts';

let harness: Harness;

afterEach(async () => {
  await harness?.close();
});

function frame(...parts: Array<number | Uint8Array>): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeVarUint(encoder, part);
    else encoding.writeVarUint8Array(encoder, part);
  }
  return encoding.toUint8Array(encoder);
}

/** A second client in another room that must keep working whatever the bad socket did. */
async function bystanders(h: Harness) {
  const a = h.provider('bystanders');
  const b = h.provider('bystanders');
  await Promise.all([synced(a), synced(b)]);
  let n = 0;
  return {
    async stillSyncing() {
      n++;
      a.doc.getMap('notes').set(`after-${n}`, n);
      await waitFor(() => b.doc.getMap('notes').get(`after-${n}`) === n, 'the bystander room to keep syncing');
      expect(a.wsconnected && b.wsconnected).toBe(true);
    },
  };
}

describe('Relay boundaries', () => {
  it.each([
    ['random bytes', Uint8Array.from([0xde, 0xad, 0xbe, 0xef, 0x99, 0x01])],
    ['a truncated varint', Uint8Array.from([0x80])],
    ['an unknown message type', frame(42)],
    ['an unknown sync message type', frame(0, 7, new Uint8Array([0]))],
    ['an update that is not a Yjs update', frame(0, 2, Uint8Array.from([3, 250, 251, 252, 7, 7, 7]))],
    ['malformed awareness', frame(1, Uint8Array.from([1, 5, 1, 3, 123, 120, 120]))],
  ])('closes only the socket that sent %s, with MALFORMED_MESSAGE, logged once', async (_name, bytes) => {
    harness = await startHarness();
    const others = await bystanders(harness);
    const bad = await harness.raw('/sync/victim');
    bad.send(bytes);
    bad.send(bytes);
    const closed = await endOf(bad, 10_000);
    expect(closed.code).toBe(CloseCode.MALFORMED_MESSAGE);
    expect(closed.reason).toMatch(/^Malformed message: .+/);
    await others.stillSyncing();
    expect(harness.logs.filter((l) => l.msg === 'malformed message; closing that connection')).toHaveLength(1);
    expect((await harness.storedDoc('victim')).getMap('notes').size).toBe(0);
  });

  it('closes a socket that sends a frame above MAX_FRAME_BYTES with MESSAGE_TOO_LARGE', async () => {
    harness = await startHarness();
    const others = await bystanders(harness);
    const bad = await harness.raw('/sync/big');
    bad.send(new Uint8Array(MAX_FRAME_BYTES + 1));
    const closed = await endOf(bad, 10_000);
    expect(closed).toEqual({ code: CloseCode.MESSAGE_TOO_LARGE, reason: `Frame larger than ${MAX_FRAME_BYTES} bytes` });
    await others.stillSyncing();
  });

  it.each([
    ['/sync/bad.id', /Invalid board id/],
    [`/sync/${'x'.repeat(65)}`, /Invalid board id/],
    ['/sync/', /Invalid board id/],
    ['/sync/a/b', /Invalid board id/],
    ['/elsewhere/abc', /Path must be \/sync\/<boardId>/],
  ])('refuses %s with INVALID_BOARD_ID', async (path, reason) => {
    harness = await startHarness();
    const client = await harness.raw(path);
    const closed = await endOf(client, 10_000);
    expect(closed.code).toBe(CloseCode.INVALID_BOARD_ID);
    expect(closed.reason).toMatch(reason);
  });

  it('gives view-only connections awareness and updates but ignores their edits without closing them', async () => {
    harness = await startHarness({
      authorize: async ({ params }) => (params.get('as') === 'viewer' ? { access: 'view' } : { access: 'edit' }),
    });
    const editor = harness.provider('shared');
    const viewer = harness.provider('shared', { params: { as: 'viewer' } });
    await Promise.all([synced(editor), synced(viewer)]);
    viewer.doc.getMap('notes').set('sneaky', 1);
    viewer.awareness.setLocalStateField('user', { name: 'Vi' });
    editor.doc.getMap('notes').set('real', 1);
    await waitFor(() => viewer.doc.getMap('notes').get('real') === 1, 'the viewer to receive edits');
    await waitFor(() => editor.awareness.getStates().has(viewer.doc.clientID), 'the viewer’s awareness');
    expect(editor.doc.getMap('notes').has('sneaky')).toBe(false);
    expect((await harness.storedDoc('shared')).getMap('notes').has('sneaky')).toBe(false);
    expect(viewer.wsconnected).toBe(true);
    expect(harness.logs.filter((l) => l.msg === 'ignoring document updates from a view-only connection')).toHaveLength(1);
  });

  it('refuses a connection when authorize says so, with its code and reason', async () => {
    harness = await startHarness({ authorize: async () => ({ refuse: { code: CloseCode.FORBIDDEN, reason: 'Not yours' } }) });
    const client = await harness.raw('/sync/private?token=secret-value');
    expect(await endOf(client, 10_000)).toEqual({ code: CloseCode.FORBIDDEN, reason: 'Not yours' });
    expect(JSON.stringify(harness.logs)).not.toContain('secret-value');
  });

  it('closes the connections a predicate picks, with the given code', async () => {
    harness = await startHarness({
      authorize: async ({ params }) => ({ access: 'edit', meta: { linkId: params.get('link'), lockedOut: false } }),
    });
    const revoked = await harness.raw('/sync/b1?link=L1');
    const kept = await harness.raw('/sync/b1?link=L2');
    await waitFor(() => revoked.frames.length > 0 && kept.frames.length > 0, 'both to be greeted');
    const count = harness.server.closeConnectionsWhere(
      (c) => c.meta?.linkId === 'L1',
      CloseCode.LINK_REVOKED,
      'Link switched off',
    );
    expect(count).toBe(1);
    expect(await endOf(revoked, 10_000)).toEqual({ code: CloseCode.LINK_REVOKED, reason: 'Link switched off' });
    expect(kept.isOpen()).toBe(true);
  });

  it('refuses a board whose snapshot cannot be read with LOAD_FAILED, never an empty board', async () => {
    harness = await startHarness();
    const store = new SqliteBoardStore(join(harness.dataDir, DATABASE_FILE), { backgroundCheckpoints: false });
    await store.createBoard('broken', { data: Uint8Array.from([9, 9, 9, 9]), encoding: 'v2' });
    await store.close();
    const others = await bystanders(harness);
    const client = await harness.raw('/sync/broken');
    const closed = await endOf(client, 10_000);
    expect(closed.code).toBe(CloseCode.LOAD_FAILED);
    expect(closed.reason).toMatch(/could not be loaded/);
    expect(client.frames).toEqual([]);
    await others.stillSyncing();
  });

  it('quarantines an unreadable log row and serves the rest of the board', async () => {
    harness = await startHarness();
    const good = new Y.Doc();
    good.getMap('notes').set('ok', 1);
    const store = new SqliteBoardStore(join(harness.dataDir, DATABASE_FILE), { backgroundCheckpoints: false });
    await store.appendUpdates([
      { boardId: 'partly', update: Y.encodeStateAsUpdate(good) },
      { boardId: 'partly', update: Uint8Array.from([1, 1, 200, 7]) },
    ]);
    await store.close();
    const reader = harness.provider('partly');
    await synced(reader);
    expect(reader.doc.getMap('notes').get('ok')).toBe(1);
    expect(harness.logs.some((l) => l.msg === 'quarantined an unreadable stored update')).toBe(true);
  });

  it('closes writers with STORAGE_FAILED when the disk is full, relays nothing, and carries on', async () => {
    harness = await startHarness({}, { maxPageCount: 24 });
    const writer = harness.provider('full');
    const reader = harness.provider('full');
    await Promise.all([synced(writer), synced(reader)]);
    const closes: number[] = [];
    writer.on('connection-close', (event) => {
      if (event) closes.push(event.code);
    });
    writer.doc.getMap('notes').set('huge', 'x'.repeat(200_000));
    await waitFor(() => closes.includes(CloseCode.STORAGE_FAILED), 'the writer to be closed with STORAGE_FAILED');
    expect(reader.doc.getMap('notes').has('huge')).toBe(false);
    reader.doc.getMap('notes').set('small', 1);
    const check = harness.provider('full');
    await synced(check);
    await waitFor(() => check.doc.getMap('notes').get('small') === 1, 'a small edit to still go through');
    expect(harness.logs.filter((l) => l.msg === 'commit failed; updates not applied or relayed').length).toBeGreaterThan(0);
  });

  it('closes clients with 1001 on shutdown after storing what they sent', async () => {
    harness = await startHarness();
    const client = await harness.raw('/sync/bye');
    const doc = new Y.Doc();
    doc.getMap('notes').set('last', 'word');
    client.send(frame(0, 2, Y.encodeStateAsUpdate(doc)));
    await harness.server.close();
    expect((await endOf(client, 10_000)).code).toBe(1001);
    expect((await harness.storedDoc('bye')).getMap('notes').get('last')).toBe('word');
  });
});
