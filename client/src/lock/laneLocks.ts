import { isLaneId, type LaneId, LOCKED_LANES_KEY } from '@costudio/shared';
import type * as Y from 'yjs';

// Participants' Costudio clients refuse to change notes in these lanes or move notes into them,
// and say why; the relay also undoes any such change a modified client makes (LaneLockGuard).

export function readLockedLanes(map: Y.Map<unknown> | undefined): ReadonlySet<LaneId> {
  const value = map?.get(LOCKED_LANES_KEY);
  return new Set(Array.isArray(value) ? value.filter(isLaneId) : []);
}

export function setLaneLocked(map: Y.Map<unknown>, lane: LaneId, locked: boolean): void {
  const lanes = new Set(readLockedLanes(map));
  if (locked) lanes.add(lane);
  else lanes.delete(lane);
  map.set(LOCKED_LANES_KEY, [...lanes]);
}
