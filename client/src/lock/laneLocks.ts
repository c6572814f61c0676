import { type LaneId, LOCKED_LANES_KEY, readLockedLanes } from '@costudio/shared';
import type * as Y from 'yjs';

// Participants' Costudio clients refuse to change notes in these lanes or move notes into them,
// and say why; the relay also undoes any such change a modified client makes (laneLockRule).
// Reading the locked lanes is shared with the relay: readLockedLanes in @costudio/shared.

export function setLaneLocked(map: Y.Map<unknown>, lane: LaneId, locked: boolean): void {
  const lanes = new Set(readLockedLanes(map));
  if (locked) lanes.add(lane);
  else lanes.delete(lane);
  map.set(LOCKED_LANES_KEY, [...lanes]);
}
