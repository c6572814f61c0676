import { authorizationHeaders, captureTokenFromLocation } from '../device/boardTokens.ts';
import { routeFromPath } from '../router/route.ts';

/** A request the page started; `answered` once its JSON (or null) is in. */
export interface StartedRequest {
  json: Promise<unknown>;
  answered: boolean;
  answer: unknown;
}

const started = new Map<string, StartedRequest>();

/**
 * The board's first view as JSON, asked for with this device's link
 * (GET /api/boards/<id>/first-view); null for any failure (offline, refused, a server without
 * the route, not JSON). Read it with readFirstView.
 */
export async function fetchFirstViewJson(boardId: string): Promise<unknown> {
  try {
    const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/first-view`, {
      headers: authorizationHeaders(boardId),
      cache: 'no-store',
    });
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

/**
 * Asks for the first view of the board in the address, if it is a board's: called by the page's
 * first, tiny script (early.ts) while the app's own script is still loading. The share link's
 * token is taken from the address first, as the board's connection would take it.
 */
export function startFirstViewRequest(pathname: string): void {
  const route = routeFromPath(pathname);
  if (route.page !== 'board') return;
  captureTokenFromLocation(route.boardId);
  const request: StartedRequest = { json: fetchFirstViewJson(route.boardId), answered: false, answer: null };
  void request.json.then((answer) => {
    request.answer = answer;
    request.answered = true;
  });
  started.set(route.boardId, request);
}

/** The request started for this board, once; undefined when none was. */
export function takeStartedRequest(boardId: string): StartedRequest | undefined {
  const request = started.get(boardId);
  started.delete(boardId);
  return request;
}
