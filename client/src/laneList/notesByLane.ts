import { LANE_IDS, type LaneId, type Note } from '@costudio/shared';

/**
 * The notes of each lane in reading order: top to bottom as on the canvas, then left to right,
 * then oldest first, so both views list a lane's notes in the same order.
 */
export function notesByLane(notes: Iterable<Note>): Map<LaneId, Note[]> {
  const lanes = new Map<LaneId, Note[]>(LANE_IDS.map((lane) => [lane, []]));
  for (const note of notes) lanes.get(note.lane)?.push(note);
  for (const list of lanes.values())
    list.sort((a, b) => a.y - b.y || a.x - b.x || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  return lanes;
}

/**
 * The ids of each lane's notes in reading order (as notesByLane). A lane whose ids are the same
 * as in `previous` keeps that very array, so a lane that did not change is not re-rendered when
 * a note is added to, moved within or removed from another.
 */
export function noteIdsByLane(
  notes: Iterable<Note>,
  previous?: ReadonlyMap<LaneId, readonly string[]>,
): Map<LaneId, readonly string[]> {
  const lanes = new Map<LaneId, readonly string[]>();
  for (const [lane, list] of notesByLane(notes)) {
    const ids = list.map((note) => note.id);
    const before = previous?.get(lane);
    lanes.set(lane, before && sameIds(before, ids) ? before : ids);
  }
  return lanes;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
