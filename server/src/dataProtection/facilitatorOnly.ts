import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Access, PRIVATE_INFIX } from '@costudio/shared';
import type * as Y from 'yjs';
import type { HttpRoute } from '../http/extraRoutes.ts';
import { sendError } from '../http/jsonResponses.ts';
import type { Authorize } from '../relay/authorize.ts';
import type { BoardStore } from '../storage/BoardStore.ts';

export type Refusal = { readonly status: number; readonly message: string };

/**
 * Whether the request's link (`Authorization: Bearer <token>` or `?token=`) facilitates this
 * board: null when it does, else why not, in plain words. A view or edit link, or a link of
 * another board, is refused. Without a hook (a server embedded with no access control)
 * everyone may, exactly as everyone may edit.
 */
export async function refuseUnlessFacilitator(
  authorize: Authorize | undefined,
  boardId: string,
  request: IncomingMessage,
  what: string,
): Promise<Refusal | null> {
  const decision = await accessOf(authorize, boardId, request);
  if ('status' in decision) return decision;
  if (decision.access !== 'facilitate') {
    return { status: 403, message: `Only the board’s facilitators can ${what}. Your link lets you ${decision.access} it.` };
  }
  return null;
}

/** What the request's link may do on this board (everything without a hook), or why it may do nothing. */
export async function accessOf(
  authorize: Authorize | undefined,
  boardId: string,
  request: IncomingMessage,
): Promise<{ readonly access: Access } | Refusal> {
  if (!authorize) return { access: 'facilitate' };
  const params = new URL(request.url ?? '/', 'http://x').searchParams;
  const decision = await authorize({ boardId, params, request });
  if ('refuse' in decision) return { status: 403, message: decision.refuse.reason };
  return { access: decision.access };
}

/**
 * Answers 404 for an id that is not a stored board (or names a private room, which these
 * routes never act on) and returns true; false when the board exists.
 */
export async function answeredUnknownBoard(store: BoardStore, boardId: string, response: ServerResponse): Promise<boolean> {
  if (!boardId.includes(PRIVATE_INFIX) && (await store.hasBoard(boardId))) return false;
  sendError(response, 404, 'board_not_found', 'There is no board with this id');
  return true;
}

/** What a facilitator's GET of one board's document needs: its room (for the doc), the store and authorization. */
export interface BoardDocRouteOptions {
  readonly rooms: { openRoom(boardId: string): Promise<{ readonly doc: Y.Doc }> };
  readonly store: BoardStore;
  readonly authorize?: Authorize | undefined;
}

/**
 * A GET endpoint of one board for its facilitators: matches `path` (the board id in its first
 * group), answers 405, 404 and 403 itself, and otherwise leaves the answer to `answer`.
 */
export function facilitatorGet(
  options: { readonly store: BoardStore; readonly authorize?: Authorize | undefined },
  path: RegExp,
  what: string,
  answer: (boardId: string, request: IncomingMessage, response: ServerResponse) => Promise<void>,
): HttpRoute {
  return boardGet(
    options,
    path,
    (boardId, request) => refuseUnlessFacilitator(options.authorize, boardId, request, what),
    answer,
  );
}

/**
 * A GET endpoint of one board: matches `path` (the board id in its first group), answers 405 and
 * 404 itself, 403 when `refuse` gives a refusal, and otherwise leaves the answer to `answer`.
 */
export function boardGet(
  options: { readonly store: BoardStore },
  path: RegExp,
  refuse: (boardId: string, request: IncomingMessage) => Promise<Refusal | null>,
  answer: (boardId: string, request: IncomingMessage, response: ServerResponse) => Promise<void>,
): HttpRoute {
  return async (request, response, pathname) => {
    const boardId = path.exec(pathname)?.[1];
    if (boardId === undefined) return false;
    if (request.method !== 'GET') {
      sendError(response, 405, 'method_not_allowed', 'Use GET here', { allow: 'GET' });
      return true;
    }
    if (await answeredUnknownBoard(options.store, boardId, response)) return true;
    const refusal = await refuse(boardId, request);
    if (refusal) {
      sendError(response, refusal.status, 'forbidden', refusal.message);
      return true;
    }
    await answer(boardId, request, response);
    return true;
  };
}
