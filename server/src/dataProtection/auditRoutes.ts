import type { HttpRoute } from '../http/extraRoutes.ts';
import { sendError, sendJson } from '../http/jsonResponses.ts';
import type { Authorize } from '../relay/authorize.ts';
import type { AuditStore } from '../storage/AuditStore.ts';
import type { BoardStore } from '../storage/BoardStore.ts';
import { answeredUnknownBoard, refuseUnlessFacilitator } from './facilitatorOnly.ts';

const AUDIT_PATH = /^\/api\/boards\/([A-Za-z0-9_-]{1,64})\/audit\/?$/;

export interface AuditRoutesOptions {
  readonly audit: AuditStore;
  readonly store: BoardStore;
  readonly authorize?: Authorize | undefined;
}

/** GET /api/boards/<id>/audit → 200 {entries}: the board's audit log, oldest first, for its facilitators. */
export function auditRoutes(options: AuditRoutesOptions): HttpRoute {
  return async (request, response, pathname) => {
    const match = AUDIT_PATH.exec(pathname);
    if (!match) return false;
    const boardId = match[1] as string;
    if (request.method !== 'GET') {
      sendError(response, 405, 'method_not_allowed', 'Use GET here', { allow: 'GET' });
      return true;
    }
    if (await answeredUnknownBoard(options.store, boardId, response)) return true;
    const refusal = await refuseUnlessFacilitator(options.authorize, boardId, request, 'read its audit log');
    if (refusal) {
      sendError(response, refusal.status, 'forbidden', refusal.message);
      return true;
    }
    sendJson(response, 200, { entries: await options.audit.listForBoard(boardId) });
    return true;
  };
}
