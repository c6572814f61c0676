/**
 * Each board has a companion room, `<boardId>__facilitation`, holding what only facilitators
 * may change: the board lock, lane locks and the timer (docs/api.md#facilitation-document).
 * Everyone may read it; the relay gives every connection but a facilitator's view access, so
 * a participant's client cannot start the timer or unlock the board, however it is modified.
 */
export const FACILITATION_SUFFIX = '__facilitation';

/** The root Y.Map of the facilitation document. */
export const FACILITATION_MAP = 'facilitation';
/** `true` while the facilitator has locked the whole board against participants' changes. */
export const BOARD_LOCKED_KEY = 'boardLocked';

/**
 * `<boardId>__private__<secret>`: one participant's notes written in private mode. The secret
 * (16–32 random base64url characters, kept on the author's device) is what makes it theirs;
 * facilitators find these rooms through the API, nobody else can learn their names.
 */
export const PRIVATE_INFIX = '__private__';
const PRIVATE_ROOM = /^(.+)__private__([A-Za-z0-9_-]{16,32})$/;

export type RoomTarget = { readonly boardId: string; readonly kind: 'board' | 'facilitation' | 'private' };

export function facilitationRoomId(boardId: string): string {
  return `${boardId}${FACILITATION_SUFFIX}`;
}

/** Which board a sync room belongs to, and whether it is the board itself or its facilitation room. */
export function parseRoomId(roomId: string): RoomTarget {
  const privateRoom = PRIVATE_ROOM.exec(roomId);
  if (privateRoom?.[1]) return { boardId: privateRoom[1], kind: 'private' };
  if (roomId.endsWith(FACILITATION_SUFFIX) && roomId.length > FACILITATION_SUFFIX.length) {
    return { boardId: roomId.slice(0, -FACILITATION_SUFFIX.length), kind: 'facilitation' };
  }
  return { boardId: roomId, kind: 'board' };
}
