import type * as Y from 'yjs';

/** `true` while the whole board is locked; the relay then refuses participants' edits. */
export const BOARD_LOCKED_KEY = 'boardLocked';

export function isBoardLocked(map: Y.Map<unknown> | undefined): boolean {
  return map?.get(BOARD_LOCKED_KEY) === true;
}

export function setBoardLocked(map: Y.Map<unknown>, locked: boolean): void {
  map.set(BOARD_LOCKED_KEY, locked);
}
