import { type ShareLinks, tokenFrom } from '../auth/ShareLinks.ts';
import type { HttpRoute } from '../http/extraRoutes.ts';
import { sendError, sendJson } from '../http/jsonResponses.ts';
import type { PrivateRoomStore } from '../storage/PrivateRoomStore.ts';

const PRIVATE_PATH = /^\/api\/boards\/([A-Za-z0-9_-]{1,64})\/private-rooms\/?$/;

/** `GET /api/boards/<id>/private-rooms` (facilitator link): the rooms to review and reveal. */
export function privateRoutes(links: ShareLinks, rooms: PrivateRoomStore): HttpRoute {
  return async (request, response, pathname) => {
    const match = PRIVATE_PATH.exec(pathname);
    if (!match) return false;
    const boardId = match[1] as string;
    if (request.method !== 'GET') {
      sendError(response, 405, 'method_not_allowed', 'Use GET here', { allow: 'GET' });
      return true;
    }
    const token = tokenFrom(new URLSearchParams(), request);
    const decision = await links.check(boardId, token);
    if ('refuse' in decision || decision.access !== 'facilitate' || token === null) {
      sendError(response, 403, 'not_facilitator', 'Only the board’s facilitator link can see private notes');
      return true;
    }
    sendJson(response, 200, { rooms: await rooms.list(boardId) });
    return true;
  };
}
