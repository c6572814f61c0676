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
