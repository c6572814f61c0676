import { PRIVATE_INFIX } from '@costudio/shared';
import type { Logger } from '../log.ts';
import type { Authorize } from '../relay/authorize.ts';
import type { AuditStore } from '../storage/AuditStore.ts';

/**
 * Wraps the relay's authorize hook so that a facilitator opening a participant's private-writing
 * room (to review or reveal its notes) is recorded in the audit log, with the link and time.
 * The room's own author opening it is not: that is just writing.
 */
export function auditPrivateRoomOpens(authorize: Authorize, audit: AuditStore, logger: Logger): Authorize {
  return async (context) => {
    const decision = await authorize(context);
    const at = context.boardId.indexOf(PRIVATE_INFIX);
    if (at > 0 && !('refuse' in decision) && decision.access === 'facilitate') {
      const boardId = context.boardId.slice(0, at);
      audit
        .append({
          boardId,
          action: 'private-room-opened',
          actor: 'link',
          linkId: decision.meta?.linkId ?? null,
          access: 'facilitate',
          details: {},
        })
        .catch((error: unknown) => logger.error('could not write the audit log', { boardId, error }));
    }
    return decision;
  };
}
