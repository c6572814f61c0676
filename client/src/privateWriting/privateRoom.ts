import { privateRoomId } from '@costudio/shared';
import { readStored, writeStored } from '../device/deviceStorage.ts';

const KEY = 'costudio.privateRooms';

/**
 * This device's private room on a board, `<boardId>__private__<secret>`. The secret is random
 * and never leaves the device except to open the room, so no other participant can name (and
 * so open) it; facilitators find it through `GET /api/boards/<id>/private-rooms`.
 */
export function ownPrivateRoomId(boardId: string): string {
  const stored = readStored(KEY);
  const rooms =
    typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  let secret = rooms[boardId];
  if (typeof secret !== 'string') {
    const bytes = crypto.getRandomValues(new Uint8Array(18));
    secret = btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    writeStored(KEY, { ...rooms, [boardId]: secret });
  }
  return privateRoomId(boardId, secret as string);
}
