import { getVotesMap } from '@costudio/shared';
import type * as Y from 'yjs';
import type { ParticipantRule } from './ParticipantGuard.ts';

/** What participants may change in a vote: its dots (placing and taking back their own). */
const DOTS: ReadonlySet<string> = new Set(['dots']);

/**
 * Votes are the facilitator's (docs/voting.md): a participant holding an edit link may not
 * open, close, delete or change a vote (title, scope, dots per person, hidden totals, result),
 * only place and take back dots. Connections made without a link on a server that runs
 * without links keep the old "anyone may edit everything".
 */
export function voteRightsRule(): ParticipantRule {
  return {
    map: (doc: Y.Doc) => getVotesMap(doc) as Y.Map<unknown>,
    freeKeys: DOTS,
    active: () => true,
    binds: (connection) => connection.access === 'edit' && !!connection.meta?.linkId,
    refuses: () => true,
  };
}
