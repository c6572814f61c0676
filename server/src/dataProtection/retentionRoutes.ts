import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpRoute } from '../http/extraRoutes.ts';
import { sendError, sendJson } from '../http/jsonResponses.ts';
import { BodyError, readJsonBody } from '../http/readJsonBody.ts';
import type { Authorize } from '../relay/authorize.ts';
import type { BoardStore, RetentionPolicy } from '../storage/BoardStore.ts';
import { answeredUnknownBoard, refuseUnlessFacilitator } from './facilitatorOnly.ts';

const PATH = /^\/api\/boards\/([A-Za-z0-9_-]{1,64})\/retention\/?$/;
const DAY_MS = 86_400_000;
const MAX_DAYS = 36_500;

export interface RetentionRoutesOptions {
  readonly store: BoardStore;
  /** The server's RETENTION_DAYS; null when boards are kept by default. */
  readonly defaultDays: number | null;
  readonly authorize?: Authorize | undefined;
}

/**
 * GET /api/boards/<id>/retention → {defaultDays, policy, lastActiveAt, deletesAt} and
 * PUT {keep: true} | {days: n} | {useDefault: true} (facilitator, docs/privacy.md): when the board
 * will be deleted for being idle, and keeping it or shortening its retention. A board's own days
 * may only be shorter than the server's RETENTION_DAYS (when set), never longer.
 */
export function retentionRoutes(options: RetentionRoutesOptions): HttpRoute {
  return async (request, response, pathname) => {
    const match = PATH.exec(pathname);
    if (!match) return false;
    const boardId = match[1] as string;
    if (request.method !== 'GET' && request.method !== 'PUT') {
      sendError(response, 405, 'method_not_allowed', 'Use GET or PUT here', { allow: 'GET, PUT' });
      return true;
    }
    if (await answeredUnknownBoard(options.store, boardId, response)) return true;
    const refusal = await refuseUnlessFacilitator(options.authorize, boardId, request, 'change how long it is kept');
    if (refusal) {
      sendError(response, refusal.status, 'forbidden', refusal.message);
      return true;
    }
    if (request.method === 'PUT' && !(await setPolicy(request, response, options, boardId))) return true;
    const { policy, lastActiveAt } = await options.store.retentionOf(boardId);
    const days = policy === null ? options.defaultDays : 'keep' in policy ? null : policy.days;
    sendJson(response, 200, {
      defaultDays: options.defaultDays,
      policy,
      lastActiveAt,
      deletesAt: days === null || lastActiveAt === null ? null : lastActiveAt + days * DAY_MS,
    });
    return true;
  };
}

async function setPolicy(
  request: IncomingMessage,
  response: ServerResponse,
  options: RetentionRoutesOptions,
  boardId: string,
): Promise<boolean> {
  let body: unknown;
  try {
    body = await readJsonBody(request, 4 * 1024);
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    sendError(response, error.status, error.code, error.message);
    return false;
  }
  const { keep, days, useDefault } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const longest = options.defaultDays ?? MAX_DAYS;
  let policy: RetentionPolicy | null;
  if (keep === true) policy = { keep: true };
  else if (useDefault === true) policy = null;
  else if (typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= longest) policy = { days };
  else {
    sendError(
      response,
      400,
      'invalid_retention',
      `Keep the board, use the default, or give a number of days from 1 to ${longest}`,
    );
    return false;
  }
  await options.store.setRetention(boardId, policy);
  return true;
}
