import { privateRoomId } from '@costudio/shared';
import { localCopyName } from '../offline/localCopy.ts';

/**
 * What this device keeps about boards, by localStorage key (each module owns its key; the test
 * beside this file writes through every one of them and checks that forgetting clears it):
 * maps from board id to a value, lists of board ids, and keys with the board id in them.
 */
const MAPS_BY_BOARD = ['costudio.boardTokens', 'costudio.participantIds', 'costudio.privateRooms', 'costudio.authorSecrets'];
const LISTS_OF_BOARDS = ['costudio.joinedBoards', 'costudio.createdBoards'];
const RECENT_BOARDS = 'costudio.recentBoards';
const KEYS_OF_BOARD = (boardId: string) => [`costudio.lastVisit.${boardId}`, `costudio.pending.${boardId}`];
/** The remembered name: forgotten with the last board this device joined. */
const IDENTITY = 'costudio.identity';

/**
 * Forgets a board on this device (issue 15): its local copy in IndexedDB (and its private
 * room's), its link, the participant pseudonym, visit marks, unsent-change marks, its place in
 * the recent boards, the remembered name when no other joined board remains, and the cached
 * app when no board remains at all. For a board
 * that was deleted, and for "Forget on this device" on a shared PC. Never throws: a blocked
 * storage simply has nothing to forget. Resolves once IndexedDB has deleted the copies (close
 * the board's IndexeddbPersistence first, or deletion waits for it).
 */
export async function forgetBoardOnDevice(boardId: string): Promise<void> {
  const secret = readMap('costudio.privateRooms')[boardId];
  const rooms = typeof secret === 'string' ? [boardId, privateRoomId(boardId, secret)] : [boardId];
  try {
    for (const key of MAPS_BY_BOARD) {
      const { [boardId]: _forgotten, ...others } = readMap(key);
      write(key, others);
    }
    for (const key of LISTS_OF_BOARDS)
      write(
        key,
        readList(key).filter((id) => id !== boardId),
      );
    write(
      RECENT_BOARDS,
      readList(RECENT_BOARDS).filter((entry) => (entry as { id?: unknown } | null)?.id !== boardId),
    );
    for (const key of rooms.flatMap(KEYS_OF_BOARD)) localStorage.removeItem(key);
    if (readList('costudio.joinedBoards').length === 0) localStorage.removeItem(IDENTITY);
  } catch {
    // No localStorage (private browsing, blocked): nothing was kept there.
  }
  await Promise.all(rooms.map((id) => deleteDatabase(localCopyName(id))));
  if (noBoardRemains()) await forgetCachedApp();
  window.dispatchEvent(new Event('storage'));
}

function noBoardRemains(): boolean {
  return (
    [RECENT_BOARDS, ...LISTS_OF_BOARDS].every((key) => readList(key).length === 0) &&
    Object.keys(readMap('costudio.boardTokens')).length === 0
  );
}

/**
 * With no board left on the device, the cached app goes too (the service worker's caches and
 * its registration), so a shared PC keeps no trace of Costudio; the next visit loads it afresh.
 */
async function forgetCachedApp(): Promise<void> {
  try {
    if (typeof caches !== 'undefined') await Promise.all((await caches.keys()).map((name) => caches.delete(name)));
    const registrations = (await navigator.serviceWorker?.getRegistrations?.()) ?? [];
    await Promise.all(registrations.map((registration) => registration.unregister()));
  } catch {
    // A browser without caches or service workers has nothing cached.
  }
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    try {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onerror = () => resolve();
    } catch {
      resolve();
    }
  });
}

function readMap(key: string): Record<string, unknown> {
  const value = read(key);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function readList(key: string): unknown[] {
  const value = read(key);
  return Array.isArray(value) ? value : [];
}

function read(key: string): unknown {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? null : (JSON.parse(raw) as unknown);
  } catch {
    return null;
  }
}

function write(key: string, value: Record<string, unknown> | unknown[]): void {
  if (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0) localStorage.removeItem(key);
  else localStorage.setItem(key, JSON.stringify(value));
}
