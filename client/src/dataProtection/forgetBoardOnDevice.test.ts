import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { authorSecretFor } from '../device/authorSecret.ts';
import { rememberBoardToken } from '../device/boardTokens.ts';
import { saveIdentity } from '../device/identity.ts';
import { readRecentBoards, rememberBoard } from '../device/recentBoards.ts';
import { PendingChanges } from '../offline/PendingChanges.ts';
import { ownPrivateRoomId } from '../privateWriting/privateRoom.ts';
import { rememberCreatedBoard } from '../voting/createdBoards.ts';
import { participantIdFor } from '../voting/participantId.ts';
import { writeVisit } from '../whatsNew/visitRecord.ts';
import { forgetBoardOnDevice } from './forgetBoardOnDevice.ts';

const BOARD = 'wardSevenBoard01';
const OTHER = 'anotherBoard0002';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, String(value));
  removeItem = (key: string) => void this.items.delete(key);
}

let storage: MemoryStorage;
let deleted: string[];
let cacheNames: string[];
let unregistered: number;

beforeEach(() => {
  storage = new MemoryStorage();
  deleted = [];
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('crypto', globalThis.crypto);
  cacheNames = ['costudio-app-v1'];
  unregistered = 0;
  vi.stubGlobal('caches', {
    keys: async () => [...cacheNames],
    delete: async (name: string) => {
      cacheNames = cacheNames.filter((each) => each !== name);
      return true;
    },
  });
  vi.stubGlobal('navigator', {
    serviceWorker: { getRegistrations: async () => [{ unregister: async () => ++unregistered > 0 }] },
  });
  vi.stubGlobal('indexedDB', {
    deleteDatabase(name: string) {
      deleted.push(name);
      const request: { onsuccess?: () => void } = {};
      queueMicrotask(() => request.onsuccess?.());
      return request;
    },
  });
});
afterEach(() => vi.unstubAllGlobals());

/** Everything a visit to a board leaves on the device, written by the modules that own it. */
function visit(boardId: string): void {
  saveIdentity({ name: 'Pat', role: 'lay' }, boardId);
  rememberBoardToken(boardId, 'payload.signature');
  rememberBoard({ id: boardId, title: 'Ward' });
  rememberCreatedBoard(boardId);
  participantIdFor(boardId);
  authorSecretFor(boardId);
  const room = ownPrivateRoomId(boardId);
  writeVisit(boardId, { note: 'abc' });
  const doc = new Y.Doc();
  for (const id of [boardId, room]) {
    const pending = new PendingChanges(doc, id);
    doc.getText('t').insert(0, 'x');
    pending.destroy();
  }
}

const mentions = (boardId: string) => [...storage.items].filter(([key, value]) => `${key}${value}`.includes(boardId));

describe('forgetBoardOnDevice', () => {
  it('leaves nothing on the device that names the board, and keeps the other boards', async () => {
    visit(BOARD);
    visit(OTHER);
    expect(mentions(BOARD).length).toBeGreaterThan(5);
    const room = ownPrivateRoomId(BOARD);

    await forgetBoardOnDevice(BOARD);
    expect(mentions(BOARD)).toEqual([]);
    expect(deleted).toEqual([`costudio-board-${BOARD}`, `costudio-board-${room}`]);
    expect(readRecentBoards().map((board) => board.id)).toEqual([OTHER]);
    // Another board still joined: the remembered name and the cached app stay for it.
    expect(storage.getItem('costudio.identity')).not.toBeNull();
    expect([cacheNames, unregistered]).toEqual([['costudio-app-v1'], 0]);

    await forgetBoardOnDevice(OTHER);
    expect([...storage.items.keys()]).toEqual([]);
    expect([cacheNames, unregistered]).toEqual([[], 1]);
  });
});
