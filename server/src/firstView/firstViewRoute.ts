import { firstViewOf } from '@costudio/shared';
import { accessOf, answeredUnknownBoard, type BoardDocRouteOptions } from '../dataProtection/facilitatorOnly.ts';
import type { HttpRoute } from '../http/extraRoutes.ts';
import { sendError, sendJson } from '../http/jsonResponses.ts';

const PATH = /^\/api\/boards\/([A-Za-z0-9_-]{1,64})\/first-view\/?$/;

/**
 * GET /api/boards/<id>/first-view (docs/api.md): the notes at the top of each lane
 * (shared/src/protocol/firstView.ts), for anyone the relay would let read the board: the same
 * link, the same refusals. A page draws them while the whole document arrives, which on a board
 * of 10,000 notes is megabytes to receive and decode. Never cached, by the browser or a proxy.
 */
export function firstViewRoute(options: BoardDocRouteOptions): HttpRoute {
  return async (request, response, pathname) => {
    const boardId = PATH.exec(pathname)?.[1];
    if (boardId === undefined) return false;
    if (request.method !== 'GET') {
      sendError(response, 405, 'method_not_allowed', 'Use GET here', { allow: 'GET' });
      return true;
    }
    if (await answeredUnknownBoard(options.store, boardId, response)) return true;
    const decision = await accessOf(options.authorize, boardId, request);
    if ('status' in decision) {
      sendError(response, decision.status, 'forbidden', decision.message);
      return true;
    }
    const { doc } = await options.rooms.openRoom(boardId);
    sendJson(response, 200, firstViewOf(doc));
    return true;
  };
}
