import { isValidBoardId } from '@costudio/shared';
import { readStored, writeStored } from '../device/deviceStorage.ts';

const KEY = 'costudio.createdBoards';
const MAX_BOARDS = 200;

/** Remembers that this device created a board, which makes it the board's facilitator for now. */
export function rememberCreatedBoard(boardId: string): void {
  if (!isValidBoardId(boardId)) return;
  const others = readCreatedBoards().filter((id) => id !== boardId);
  writeStored(KEY, [boardId, ...others].slice(0, MAX_BOARDS));
}

export function wasCreatedOnThisDevice(boardId: string): boolean {
  return readCreatedBoards().includes(boardId);
}

function readCreatedBoards(): string[] {
  const stored = readStored(KEY);
  return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
}
