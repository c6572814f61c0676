import { type FirstView, readFirstView } from '@costudio/shared';
import { authorizationHeaders, captureTokenFromLocation } from '../device/boardTokens.ts';
import { routeFromPath } from '../router/route.ts';

const requests = new Map<string, Promise<FirstView | null>>();

/**
 * Asks for the board's first view (GET /api/boards/<id>/first-view) with this device's link.
 * Null for any failure (offline, refused, a server without the route, a malformed answer): the
 * board then simply opens as it always did, from its document.
 */
export async function requestFirstView(boardId: string): Promise<FirstView | null> {
  try {
    const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/first-view`, {
      headers: authorizationHeaders(boardId),
      cache: 'no-store',
    });
    return response.ok ? readFirstView(await response.json()) : null;
  } catch {
    return null;
  }
}

/**
 * Starts the first view's request for the board in the address as the page starts, before React
 * has drawn anything, so it travels while the app starts up. The share link's token is taken
 * from the address first, as the board's connection would take it.
 */
export function prefetchFirstView(pathname: string): void {
  const route = routeFromPath(pathname);
  if (route.page !== 'board') return;
  captureTokenFromLocation(route.boardId);
  requests.set(route.boardId, requestFirstView(route.boardId));
}

/** The first view prefetched for this board (once), or a new request. */
export function takeFirstView(boardId: string): Promise<FirstView | null> {
  const prefetched = requests.get(boardId);
  requests.delete(boardId);
  return prefetched ?? requestFirstView(boardId);
}
