import { LANE_IDS, type LaneId, type Note } from '@costudio/shared';

/** Where a key press sends keyboard focus among the notes. */
export type NoteDirection = 'next' | 'previous' | 'up' | 'down' | 'left' | 'right';

/**
 * The note keyboard focus goes to from `currentId`, over notes grouped by lane in reading
 * order (see notesByLane). Next/previous walk every note lane by lane, like Tab; up/down stay
 * in the lane; left/right jump to the nearest note (by height) in the next lane that has any.
 * Returns null when there is nowhere to go, so Tab can leave the canvas at the last note.
 */
export function nextNoteFocus(
  lanes: ReadonlyMap<LaneId, readonly Note[]>,
  currentId: string | null,
  direction: NoteDirection,
): string | null {
  const order = LANE_IDS.flatMap((lane) => lanes.get(lane) ?? []);
  const current = currentId === null ? undefined : order.find((note) => note.id === currentId);
  if (!current) {
    if (direction === 'previous') return order[order.length - 1]?.id ?? null;
    return order[0]?.id ?? null;
  }
  const inLane = lanes.get(current.lane) ?? [];
  const position = inLane.indexOf(current);
  switch (direction) {
    case 'next':
      return order[order.indexOf(current) + 1]?.id ?? null;
    case 'previous':
      return order[order.indexOf(current) - 1]?.id ?? null;
    case 'down':
      return inLane[position + 1]?.id ?? null;
    case 'up':
      return inLane[position - 1]?.id ?? null;
    case 'left':
    case 'right':
      return nearestInNextLane(lanes, current, direction === 'right' ? 1 : -1);
  }
}

function nearestInNextLane(lanes: ReadonlyMap<LaneId, readonly Note[]>, from: Note, step: 1 | -1): string | null {
  for (let index = LANE_IDS.indexOf(from.lane) + step; index >= 0 && index < LANE_IDS.length; index += step) {
    const candidates = lanes.get(LANE_IDS[index] as LaneId) ?? [];
    if (candidates.length === 0) continue;
    let best = candidates[0] as Note;
    for (const note of candidates) if (Math.abs(note.y - from.y) < Math.abs(best.y - from.y)) best = note;
    return best.id;
  }
  return null;
}
