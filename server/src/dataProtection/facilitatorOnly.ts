import type { IncomingMessage } from 'node:http';
import type { Authorize } from '../relay/authorize.ts';

export type Refusal = { readonly status: number; readonly message: string };

/**
 * Whether the request's link (`Authorization: Bearer <token>` or `?token=`) facilitates this
 * board: null when it does, else why not, in plain words. A view or edit link, or a link of
 * another board, is refused. Without a hook (a server embedded with no access control)
 * everyone may, exactly as everyone may edit.
 */
export async function refuseUnlessFacilitator(
  authorize: Authorize | undefined,
  boardId: string,
  request: IncomingMessage,
  what: string,
): Promise<Refusal | null> {
  if (!authorize) return null;
  const params = new URL(request.url ?? '/', 'http://x').searchParams;
  const decision = await authorize({ boardId, params, request });
  if ('refuse' in decision) return { status: 403, message: decision.refuse.reason };
  if (decision.access !== 'facilitate') {
    return { status: 403, message: `Only the board’s facilitators can ${what}. Your link lets you ${decision.access} it.` };
  }
  return null;
}
