import { type Access, isAccess, isValidBoardId } from '@costudio/shared';
import { readStored, writeStored } from './deviceStorage.ts';

const KEY = 'costudio.boardTokens';
const MAX_BOARDS = 200;
const TOKEN_IN_FRAGMENT = /(?:^#|&)token=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/;

type Stored = Record<string, string>;

function readAll(): Stored {
  const stored = readStored(KEY);
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  const tokens: Stored = {};
  for (const [board, token] of Object.entries(stored)) if (typeof token === 'string') tokens[board] = token;
  return tokens;
}

/** Keeps a board's share-link token on this device, so reloads and later visits need no link. */
export function rememberBoardToken(boardId: string, token: string): void {
  if (!isValidBoardId(boardId)) return;
  const { [boardId]: _previous, ...others } = readAll();
  const kept = Object.entries(others).slice(0, MAX_BOARDS - 1);
  writeStored(KEY, { [boardId]: token, ...Object.fromEntries(kept) });
}

export function boardToken(boardId: string): string | null {
  return readAll()[boardId] ?? null;
}

/** The board's link as the API's credential (`Authorization: Bearer …`); none on a device without one. */
export function authorizationHeaders(boardId: string): Record<string, string> {
  const token = boardToken(boardId);
  return token ? { authorization: `Bearer ${token}` } : {};
}

/**
 * Takes `#token=…` from the address (where share links carry it, so it never reaches a server
 * log or a Referer header), stores it for the board and removes it from the address bar, so
 * it is not copied along when someone shares their screen or the page address.
 */
export function captureTokenFromLocation(boardId: string): void {
  const match = TOKEN_IN_FRAGMENT.exec(location.hash);
  if (!match?.[1]) return;
  rememberBoardToken(boardId, match[1]);
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}

/**
 * The access a token claims, read without checking its signature: for showing the right
 * controls only. The relay checks the signature and refuses what the link does not allow.
 */
export function claimedAccess(token: string | null): Access | null {
  if (!token) return null;
  try {
    const payload = token.split('.')[0] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const access = (JSON.parse(json) as { a?: unknown }).a;
    return isAccess(access) ? access : null;
  } catch {
    return null;
  }
}

/** This device's access to a board: its link's, or "edit" on a server that runs without links. */
export function boardAccess(boardId: string): Access {
  return claimedAccess(boardToken(boardId)) ?? 'edit';
}
