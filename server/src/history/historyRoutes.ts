import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_TITLE_LENGTH } from '@costudio/shared';
import type { HttpRoute } from '../http/extraRoutes.ts';
import { sendError, sendJson } from '../http/jsonResponses.ts';
import { BodyError, readJsonBody } from '../http/readJsonBody.ts';
import type { Authorize } from '../relay/authorize.ts';
import type { BoardStore } from '../storage/BoardStore.ts';
import type { BoardHistory } from './BoardHistory.ts';
import { checkFacilitatorAccess } from './facilitatorAccess.ts';

const HISTORY_PATH = /^\/api\/boards\/([A-Za-z0-9_-]{1,64})\/history(?:\/(\d{1,15})(\/restore)?)?\/?$/;
const MAX_NAME_BODY_BYTES = 16 * 1024;

export interface HistoryRoutesOptions {
  readonly history: BoardHistory;
  readonly store: BoardStore;
  readonly authorize?: Authorize;
}

/**
 * /api/boards/<id>/history[/<version>[/restore]] (docs/history.md): list and name versions,
 * preview one read-only, restore one as a new change.
 */
export function historyRoutes(options: HistoryRoutesOptions): HttpRoute {
  return async (request, response, pathname) => {
    const match = HISTORY_PATH.exec(pathname);
    if (!match) return false;
    const boardId = match[1] as string;
    const versionId = match[2] === undefined ? null : Number(match[2]);
    const restore = match[3] !== undefined;
    const method = versionId === null || restore ? (versionId === null ? ['GET', 'POST'] : ['POST']) : ['GET'];
    if (!method.includes(request.method ?? '')) {
      sendError(response, 405, 'method_not_allowed', `Use ${method.join(' or ')} here`, { allow: method.join(', ') });
      return true;
    }
    if (!(await options.store.hasBoard(boardId))) {
      sendError(response, 404, 'board_not_found', 'There is no board with this id');
      return true;
    }
    const access = await checkFacilitatorAccess(options.authorize, boardId, request);
    if (!access.allowed) {
      sendError(response, access.status, 'forbidden', access.message);
      return true;
    }
    const { history } = options;
    if (versionId === null && request.method === 'GET') {
      sendJson(response, 200, { versions: await history.list(boardId) });
    } else if (versionId === null) {
      await saveNamed(request, response, history, boardId);
    } else if (!restore) {
      const preview = await history.preview(boardId, versionId);
      if (preview) sendJson(response, 200, preview);
      else sendError(response, 404, 'version_not_found', 'This board has no such version');
    } else {
      const result = await history.restore(boardId, versionId);
      if (result) sendJson(response, 200, result);
      else sendError(response, 404, 'version_not_found', 'This board has no such version');
    }
    return true;
  };
}

async function saveNamed(request: IncomingMessage, response: ServerResponse, history: BoardHistory, boardId: string) {
  let body: unknown;
  try {
    body = await readJsonBody(request, MAX_NAME_BODY_BYTES);
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    sendError(response, error.status, error.code, error.message);
    return;
  }
  const name = (body as { name?: unknown } | null)?.name;
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed === '' || [...trimmed].length > MAX_TITLE_LENGTH) {
    sendError(response, 400, 'invalid_name', `Give the version a name of 1 to ${MAX_TITLE_LENGTH} characters`);
    return;
  }
  sendJson(response, 201, { version: await history.saveNamed(boardId, trimmed) });
}
