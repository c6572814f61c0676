import type { IncomingMessage } from 'node:http';
import type { Authorize } from '../relay/authorize.ts';

export type AccessDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly status: number; readonly message: string };

const ALLOWED: AccessDecision = { allowed: true };

/**
 * Who may see and restore a board's history and export it: its facilitators. The request's
 * credential (`Authorization: Bearer <token>`, or `?token=`) goes through the same `authorize`
 * hook as a socket's, and only `facilitate` access is let through. Without a hook (a server
 * embedded with no access control) everyone is allowed, exactly as everyone may edit.
 */
export async function checkFacilitatorAccess(
  authorize: Authorize | undefined,
  boardId: string,
  request: IncomingMessage,
): Promise<AccessDecision> {
  if (!authorize) return ALLOWED;
  const params = new URL(request.url ?? '/', 'http://x').searchParams;
  const decision = await authorize({ boardId, params, request });
  if ('refuse' in decision) return { allowed: false, status: 403, message: decision.refuse.reason };
  if (decision.access !== 'facilitate') {
    return { allowed: false, status: 403, message: 'Only the board’s facilitators can use its history and backups' };
  }
  return ALLOWED;
}
