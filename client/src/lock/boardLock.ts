import { BOARD_LOCKED_KEY } from '@costudio/shared';
import type * as Y from 'yjs';

export function isBoardLocked(map: Y.Map<unknown> | undefined): boolean {
  return map?.get(BOARD_LOCKED_KEY) === true;
}

export function setBoardLocked(map: Y.Map<unknown>, locked: boolean): void {
  map.set(BOARD_LOCKED_KEY, locked);
}
