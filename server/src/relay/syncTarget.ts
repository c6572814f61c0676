import { isValidBoardId, SYNC_PATH } from '@costudio/shared';

export type SyncTarget = { readonly boardId: string; readonly params: URLSearchParams } | { readonly error: string };

const PREFIX = `${SYNC_PATH}/`;

/** Reads the board id and query parameters from a socket URL such as `/sync/abc?saved=1`. */
export function parseSyncTarget(requestUrl: string | undefined): SyncTarget {
  let url: URL;
  try {
    url = new URL(requestUrl ?? '/', 'http://relay.invalid');
  } catch {
    return { error: 'Unreadable URL' };
  }
  if (!url.pathname.startsWith(PREFIX)) return { error: `Path must be ${PREFIX}<boardId>` };
  const boardId = url.pathname.slice(PREFIX.length);
  if (!isValidBoardId(boardId)) return { error: 'Invalid board id: use 1 to 64 letters, digits, - or _' };
  return { boardId, params: url.searchParams };
}
