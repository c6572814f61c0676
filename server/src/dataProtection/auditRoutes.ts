import type { HttpRoute } from '../http/extraRoutes.ts';
import { sendJson } from '../http/jsonResponses.ts';
import type { Authorize } from '../relay/authorize.ts';
import type { AuditStore } from '../storage/AuditStore.ts';
import type { BoardStore } from '../storage/BoardStore.ts';
import { facilitatorGet } from './facilitatorOnly.ts';

const AUDIT_PATH = /^\/api\/boards\/([A-Za-z0-9_-]{1,64})\/audit\/?$/;

export interface AuditRoutesOptions {
  readonly audit: AuditStore;
  readonly store: BoardStore;
  readonly authorize?: Authorize | undefined;
}

/** GET /api/boards/<id>/audit → 200 {entries}: the board's audit log, oldest first, for its facilitators. */
export function auditRoutes(options: AuditRoutesOptions): HttpRoute {
  return facilitatorGet(options, AUDIT_PATH, 'read its audit log', async (boardId, _request, response) => {
    sendJson(response, 200, { entries: await options.audit.listForBoard(boardId) });
  });
}
