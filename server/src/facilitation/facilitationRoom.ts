import { FACILITATION_SUFFIX, PRIVATE_INFIX } from '@costudio/shared';

/**
 * A board's sync rooms (names in @costudio/shared's schema/facilitation.ts): the board itself,
 * its facilitation room (only facilitators write), and private-writing rooms, whose secret
 * names only their author and the facilitators' API know.
 */
const PRIVATE_ROOM = new RegExp(`^(.+)${PRIVATE_INFIX}([A-Za-z0-9_-]{16,32})$`);

export type RoomTarget = { readonly boardId: string; readonly kind: 'board' | 'facilitation' | 'private' };

/** Which board a sync room belongs to, and whether it is the board itself or its facilitation room. */
export function parseRoomId(roomId: string): RoomTarget {
  const privateRoom = PRIVATE_ROOM.exec(roomId);
  if (privateRoom?.[1]) return { boardId: privateRoom[1], kind: 'private' };
  if (roomId.endsWith(FACILITATION_SUFFIX) && roomId.length > FACILITATION_SUFFIX.length) {
    return { boardId: roomId.slice(0, -FACILITATION_SUFFIX.length), kind: 'facilitation' };
  }
  return { boardId: roomId, kind: 'board' };
}
