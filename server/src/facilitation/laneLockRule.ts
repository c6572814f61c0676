import { getNotesMap, type LaneId } from '@costudio/shared';
import type * as Y from 'yjs';
import { plainField } from './entryState.ts';
import type { ParticipantRule } from './ParticipantGuard.ts';

const NO_FREE_KEYS: ReadonlySet<string> = new Set();

/**
 * Lane locks (issue 7): while lanes are locked, a participant may not create, edit, recolour,
 * delete or move a note that is in one of them, nor move a note into one. `lockedLanes` is
 * asked at every update (undefined: none).
 */
export function laneLockRule(lockedLanes: () => ReadonlySet<LaneId> | undefined): ParticipantRule {
  return {
    map: (doc: Y.Doc) => getNotesMap(doc) as Y.Map<unknown>,
    freeKeys: NO_FREE_KEYS,
    active: () => (lockedLanes()?.size ?? 0) > 0,
    binds: (connection) => connection.access === 'edit',
    refuses: (before, after) => {
      const lanes = lockedLanes();
      return !!lanes && (lanes.has(plainField(before, 'lane') as LaneId) || lanes.has(plainField(after, 'lane') as LaneId));
    },
  };
}
