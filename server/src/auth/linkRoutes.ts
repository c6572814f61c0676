import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Access, ErrorCode } from '@costudio/shared';
import { CloseCode } from '@costudio/shared';
import type { HttpRoute } from '../http/extraRoutes.ts';
import { sendError, sendJson } from '../http/jsonResponses.ts';
import { BodyError, readJsonBody } from '../http/readJsonBody.ts';
import type { AuthorizeResult } from '../relay/authorize.ts';
import type { BoardStore } from '../storage/BoardStore.ts';
import { type ShareLinks, tokenFrom } from './ShareLinks.ts';

const LINKS_PATH = /^\/api\/boards\/([A-Za-z0-9_-]{1,64})\/(links|access)(?:\/([A-Za-z0-9_-]{1,64}))?\/?$/;
const MAX_BODY_BYTES = 16 * 1024;
const MAX_LABEL_LENGTH = 80;
const CREATABLE: readonly Access[] = ['view', 'edit', 'facilitate'];

export interface LinkRoutesOptions {
  readonly links: ShareLinks;
  readonly store: BoardStore;
  /** Closes the sockets opened with a revoked link; returns how many. */
  readonly disconnectLink: (linkId: string) => number;
}

/** The same refusals the relay gives sockets, as HTTP statuses and stable codes. */
const REFUSALS: Readonly<Record<number, { status: number; code: ErrorCode }>> = {
  [CloseCode.UNAUTHORIZED]: { status: 401, code: 'invalid_link' },
  [CloseCode.FORBIDDEN]: { status: 403, code: 'wrong_board' },
  [CloseCode.LINK_EXPIRED]: { status: 401, code: 'link_expired' },
  [CloseCode.LINK_REVOKED]: { status: 401, code: 'link_revoked' },
};

/**
 * Share-link API (docs/api.md): `GET /api/boards/<id>/access` tells the holder of a link what
 * it allows; `GET|POST /api/boards/<id>/links` and `DELETE /api/boards/<id>/links/<linkId>` let
 * a facilitator list, make and revoke links. The credential is `Authorization: Bearer <token>`.
 */
export function linkRoutes(options: LinkRoutesOptions): HttpRoute {
  return async (request, response, pathname) => {
    const match = LINKS_PATH.exec(pathname);
    if (!match) return false;
    const boardId = match[1] as string;
    const linkId = match[3];
    const allowed = match[2] === 'access' ? (linkId ? [] : ['GET']) : linkId ? ['DELETE'] : ['GET', 'POST'];
    if (allowed.length === 0) return false;
    if (!allowed.includes(request.method ?? '')) {
      sendError(response, 405, 'method_not_allowed', `Use ${allowed.join(' or ')} here`, { allow: allowed.join(', ') });
      return true;
    }
    if (!(await options.store.hasBoard(boardId))) {
      sendError(response, 404, 'board_not_found', 'There is no board with this id');
      return true;
    }
    const token = tokenFrom(new URLSearchParams(), request);
    const decision = await options.links.check(boardId, token);
    if ('refuse' in decision) {
      sendRefusal(response, decision);
      return true;
    }
    if (match[2] === 'access') {
      sendJson(response, 200, { boardId, access: decision.access, linkMode: options.links.mode });
      return true;
    }
    // Without a token, an optional-links server says "edit"; managing links always needs a link.
    if (decision.access !== 'facilitate' || token === null) {
      sendError(response, 403, 'not_facilitator', 'Only the board’s facilitator link can manage its links');
      return true;
    }
    if (linkId) await revoke(response, options, boardId, linkId);
    else if (request.method === 'GET') sendJson(response, 200, { links: await options.links.list(boardId) });
    else await create(request, response, options, boardId);
    return true;
  };
}

async function create(request: IncomingMessage, response: ServerResponse, options: LinkRoutesOptions, boardId: string) {
  let body: unknown;
  try {
    body = await readJsonBody(request, MAX_BODY_BYTES);
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    sendError(response, error.status, error.code, error.message);
    return;
  }
  const input = validateLinkRequest(body);
  if ('error' in input) {
    sendError(response, 400, 'invalid_link_request', input.error);
    return;
  }
  const link = await options.links.issue(boardId, input.access, { label: input.label, expiresAt: input.expiresAt });
  sendJson(response, 201, link);
}

async function revoke(response: ServerResponse, options: LinkRoutesOptions, boardId: string, linkId: string) {
  const link = await options.links.revoke(boardId, linkId);
  if (!link) {
    sendError(response, 404, 'link_not_found', 'This board has no such link');
    return;
  }
  const disconnected = options.disconnectLink(linkId);
  sendJson(response, 200, { link, disconnected });
}

function sendRefusal(response: ServerResponse, decision: Extract<AuthorizeResult, { refuse: unknown }>): void {
  const mapped = REFUSALS[decision.refuse.code] ?? { status: 401, code: 'invalid_link' };
  sendError(response, mapped.status, mapped.code, decision.refuse.reason);
}

interface LinkRequest {
  access: Access;
  label: string;
  expiresAt: number | null;
}

/** `{access, label?, expiresAt?}` or `{access, label?, expiresInMinutes?}`, checked where it enters. */
export function validateLinkRequest(body: unknown, now: number = Date.now()): LinkRequest | { error: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { error: 'Send an object such as {"access": "edit", "label": "Remote group"}' };
  }
  const { access, label, expiresAt, expiresInMinutes } = body as Record<string, unknown>;
  if (!CREATABLE.includes(access as Access)) return { error: 'access must be "view", "edit" or "facilitate"' };
  if (label !== undefined && typeof label !== 'string') return { error: 'label must be a string' };
  const trimmed = (label ?? '').trim();
  if ([...trimmed].length > MAX_LABEL_LENGTH) return { error: `label must be at most ${MAX_LABEL_LENGTH} characters` };
  let expiry: number | null = null;
  if (expiresAt !== undefined && expiresAt !== null) {
    if (typeof expiresAt !== 'number' || !Number.isSafeInteger(expiresAt) || expiresAt <= now) {
      return { error: 'expiresAt must be a time in the future, in milliseconds since 1970' };
    }
    expiry = expiresAt;
  } else if (expiresInMinutes !== undefined && expiresInMinutes !== null) {
    if (typeof expiresInMinutes !== 'number' || !(expiresInMinutes > 0) || expiresInMinutes > 525_600) {
      return { error: 'expiresInMinutes must be between 0 and 525600 (a year)' };
    }
    expiry = now + Math.round(expiresInMinutes * 60_000);
  }
  return { access: access as Access, label: trimmed, expiresAt: expiry };
}
