import { PARTICIPANT_ID_PATTERN } from '@costudio/shared';
import * as random from 'lib0/random';
import { readStored, writeStored } from '../device/deviceStorage.ts';

const KEY = 'costudio.participantIds';
const MAX_BOARDS = 200;

/**
 * This device's participant id on a board: a random pseudonym made once and kept, so the same
 * person keeps the same dots after a reload. One id per board, so two boards cannot be linked
 * through it. If storage is unavailable the id lasts for this page only (see deviceStorage.ts).
 */
export function participantIdFor(boardId: string): string {
  const stored = readIds();
  const existing = stored[boardId];
  if (existing) return existing;
  const id = random.uuidv4().replaceAll('-', '');
  const kept = Object.entries(stored).slice(-(MAX_BOARDS - 1));
  writeStored(KEY, Object.fromEntries([...kept, [boardId, id]]));
  return id;
}

function readIds(): Record<string, string> {
  const stored = readStored(KEY);
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  const ids: Record<string, string> = {};
  for (const [boardId, id] of Object.entries(stored as Record<string, unknown>)) {
    if (typeof id === 'string' && PARTICIPANT_ID_PATTERN.test(id)) ids[boardId] = id;
  }
  return ids;
}
