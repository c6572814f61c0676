import { firstViewOf } from '@costudio/shared';
import { accessOf, type BoardDocRouteOptions, boardGet } from '../dataProtection/facilitatorOnly.ts';
import type { HttpRoute } from '../http/extraRoutes.ts';
import { sendJson } from '../http/jsonResponses.ts';

const PATH = /^\/api\/boards\/([A-Za-z0-9_-]{1,64})\/first-view\/?$/;

/**
 * GET /api/boards/<id>/first-view (docs/api.md): the notes at the top of each lane
 * (shared/src/protocol/firstView.ts), for anyone the relay would let read the board: the same
 * link, the same refusals. A page draws them while the whole document arrives, which on a board
 * of 10,000 notes is megabytes to receive and decode. Never cached, by the browser or a proxy.
 */
export function firstViewRoute(options: BoardDocRouteOptions): HttpRoute {
  return boardGet(
    options,
    PATH,
    async (boardId, request) => {
      const decision = await accessOf(options.authorize, boardId, request);
      return 'status' in decision ? decision : null;
    },
    async (boardId, _request, response) => {
      const { doc } = await options.rooms.openRoom(boardId);
      sendJson(response, 200, firstViewOf(doc));
    },
  );
}
