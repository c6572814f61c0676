import { isValidBoardId, MAX_TITLE_LENGTH } from '@costudio/shared';
import { readStored, writeStored } from './deviceStorage.ts';

export interface RecentBoard {
  id: string;
  title: string;
  /** Milliseconds since the epoch. */
  openedAt: number;
}

const KEY = 'costudio.recentBoards';
const MAX_RECENT = 20;

/** Boards opened before on this device, newest first; malformed entries are dropped. */
export function readRecentBoards(): RecentBoard[] {
  const stored = readStored(KEY);
  if (!Array.isArray(stored)) return [];
  const boards: RecentBoard[] = [];
  for (const entry of stored as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { id, title, openedAt } = entry as Record<string, unknown>;
    if (typeof id !== 'string' || !isValidBoardId(id)) continue;
    boards.push({
      id,
      title: typeof title === 'string' ? title.slice(0, MAX_TITLE_LENGTH) : '',
      openedAt: typeof openedAt === 'number' && Number.isFinite(openedAt) ? openedAt : 0,
    });
  }
  return boards.sort((a, b) => b.openedAt - a.openedAt);
}

export function rememberBoard(board: { id: string; title?: string }, now = Date.now()): void {
  const others = readRecentBoards().filter((entry) => entry.id !== board.id);
  const previous = readRecentBoards().find((entry) => entry.id === board.id);
  const entry: RecentBoard = { id: board.id, title: board.title ?? previous?.title ?? '', openedAt: now };
  writeStored(KEY, [entry, ...others].slice(0, MAX_RECENT));
}
