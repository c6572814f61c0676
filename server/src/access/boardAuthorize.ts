import { CloseCode } from '@costudio/shared';
import { type ShareLinks, tokenFrom } from '../auth/ShareLinks.ts';
import type { BoardLocks } from '../facilitation/BoardLocks.ts';
import { parseRoomId } from '../facilitation/facilitationRoom.ts';
import type { Authorize } from '../relay/authorize.ts';
import type { ConnectionMeta } from '../relay/Connection.ts';
import type { PrivateRoomAdmission } from './PrivateRoomAdmission.ts';

/**
 * The relay's hook with share links: the link decides access to the board; the board's
 * facilitation room is writable only by facilitators; a locked board is view-only for
 * everyone but facilitators.
 */
export function boardAuthorize(
  links: ShareLinks,
  locks: () => BoardLocks | null,
  privateRooms: PrivateRoomAdmission | null = null,
): Authorize {
  return async ({ boardId: roomId, params, request }) => {
    const target = parseRoomId(roomId);
    const decision = await links.check(target.boardId, tokenFrom(params, request));
    if ('refuse' in decision) return decision;
    const linkId = decision.meta?.linkId ?? null;
    const expiresAt = decision.meta?.expiresAt ?? null;
    if (target.kind === 'private') {
      // Its author (who alone knows the room's secret name) and facilitators; never a viewer.
      if (decision.access === 'view') return { refuse: { code: CloseCode.FORBIDDEN, reason: 'A view-only link cannot write' } };
      const refusal = privateRooms ? await privateRooms.admit(target.boardId, roomId, decision.access, linkId) : null;
      if (refusal) return { refuse: refusal };
      return { access: decision.access, meta: { linkId, lockedOut: false, expiresAt } };
    }
    if (target.kind === 'facilitation') {
      await locks()?.watch(target.boardId);
      return { access: decision.access === 'facilitate' ? 'facilitate' : 'view', meta: { linkId, lockedOut: false, expiresAt } };
    }
    const lockedOut = decision.access === 'edit' && ((await locks()?.isLocked(target.boardId)) ?? false);
    const meta: ConnectionMeta = { linkId, lockedOut, expiresAt };
    return { access: lockedOut ? 'view' : decision.access, meta };
  };
}
