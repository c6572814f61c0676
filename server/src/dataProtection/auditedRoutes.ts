import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Access } from '@costudio/shared';
import type { HttpRoute } from '../http/extraRoutes.ts';
import type { Logger } from '../log.ts';
import type { Authorize } from '../relay/authorize.ts';
import type { AuditAction, AuditStore } from '../storage/AuditStore.ts';

type Details = Record<string, string | number | boolean>;

interface AuditRule {
  readonly method: string;
  /** Group 1 is the board id (except for an import, whose board id is in the answer). */
  readonly path: RegExp;
  readonly action: AuditAction;
  readonly details?: (match: RegExpExecArray) => Details;
}

const ID = '([A-Za-z0-9_-]{1,64})';

/** The API calls that are audited (docs/privacy.md, "Audit log"); everything else is not. */
const RULES: readonly AuditRule[] = [
  { method: 'POST', path: new RegExp(`^/api/boards/${ID}/links/?$`), action: 'link-created' },
  {
    method: 'DELETE',
    path: new RegExp(`^/api/boards/${ID}/links/${ID}/?$`),
    action: 'link-revoked',
    details: (m) => ({ revokedLinkId: m[2] as string }),
  },
  { method: 'GET', path: new RegExp(`^/api/boards/${ID}/private-rooms/?$`), action: 'private-rooms-listed' },
  { method: 'POST', path: new RegExp(`^/api/boards/${ID}/history/?$`), action: 'version-saved' },
  {
    method: 'POST',
    path: new RegExp(`^/api/boards/${ID}/history/(\\d{1,15})/restore/?$`),
    action: 'version-restored',
    details: (m) => ({ versionId: Number(m[2]) }),
  },
  { method: 'GET', path: new RegExp(`^/api/boards/${ID}/export/?$`), action: 'board-exported' },
  { method: 'POST', path: /^\/api\/boards\/import\/?$/, action: 'board-imported' },
  { method: 'POST', path: new RegExp(`^/api/boards/${ID}/erase/?$`), action: 'contributions-erased' },
  { method: 'DELETE', path: new RegExp(`^/api/boards/${ID}/?$`), action: 'board-deleted' },
  { method: 'GET', path: new RegExp(`^/api/boards/${ID}/subject-access/?$`), action: 'subject-access-exported' },
  { method: 'PUT', path: new RegExp(`^/api/boards/${ID}/retention/?$`), action: 'retention-changed' },
];

interface Actor {
  readonly linkId: string | null;
  readonly access: Access | null;
}

/**
 * Wraps the API routes so every audited call that succeeds (2xx) appends an entry: the action,
 * the board, and who asked (the request's link id and access, read before the call, so a link
 * revoking itself is still named). Never content: ids and counts only. A failure to audit is
 * logged and does not undo or fail the call.
 */
export function auditedRoutes(
  routes: readonly HttpRoute[],
  audit: AuditStore,
  authorize: Authorize | undefined,
  logger: Logger,
): HttpRoute {
  return async (request, response, pathname) => {
    const rule = RULES.find((each) => each.method === request.method && each.path.test(pathname));
    const match = rule ? (rule.path.exec(pathname) as RegExpExecArray) : null;
    const boardFromPath = rule && rule.action !== 'board-imported' ? (match?.[1] ?? null) : null;
    const actor = rule ? await actorOf(authorize, boardFromPath, request) : null;
    const answer = rule?.action === 'board-imported' ? captureJson(response) : null;
    for (const route of routes) {
      if (!(await route(request, response, pathname))) continue;
      if (rule && match && actor && response.statusCode < 300) {
        const boardId = boardFromPath ?? importedBoardId(answer?.());
        if (boardId) {
          const details = { ...rule.details?.(match), ...(rule.action === 'board-imported' ? { via: 'api' } : {}) };
          await audit
            .append({ boardId, action: rule.action, actor: 'link', linkId: actor.linkId, access: actor.access, details })
            .catch((error: unknown) => logger.error('could not write the audit log', { boardId, action: rule.action, error }));
        }
      }
      return true;
    }
    return false;
  };
}

/** The link a request carries, as the server would grant it; nothing when there is none or it is refused. */
async function actorOf(authorize: Authorize | undefined, boardId: string | null, request: IncomingMessage): Promise<Actor> {
  if (!authorize || boardId === null) return { linkId: null, access: null };
  const params = new URL(request.url ?? '/', 'http://x').searchParams;
  const decision = await authorize({ boardId, params, request });
  if ('refuse' in decision) return { linkId: null, access: null };
  return { linkId: decision.meta?.linkId ?? null, access: decision.access };
}

/**
 * Keeps a copy of what the route answers, for the one audited call (an import) whose board id
 * is only known from its answer.
 */
function captureJson(response: ServerResponse): () => string {
  const chunks: Buffer[] = [];
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  response.end = ((...args: unknown[]) => {
    const [chunk] = args;
    if (typeof chunk === 'string' || chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk as string));
    return end(...args);
  }) as typeof response.end;
  return () => Buffer.concat(chunks).toString('utf8');
}

function importedBoardId(json: string | undefined): string | null {
  try {
    const id = (JSON.parse(json ?? '') as { id?: unknown }).id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}
