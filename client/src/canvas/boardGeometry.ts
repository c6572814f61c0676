import {
  LANE_GAP,
  LANE_IDS,
  LANE_WIDTH,
  type LaneId,
  laneAtX,
  laneLeft,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  type Note,
} from '@costudio/shared';
import type { Rect } from './camera.ts';

/** Lanes are at least this tall, so an empty board still reads as six columns to fill. */
const MIN_LANE_HEIGHT = 900;
/** Room left under the lowest note, to drop or add another one. */
const BOTTOM_ROOM = 400;

export const BOARD_WIDTH = LANE_IDS.length * (LANE_WIDTH + LANE_GAP) - LANE_GAP;

export function laneHeight(lowestNoteBottom: number): number {
  return Math.max(MIN_LANE_HEIGHT, lowestNoteBottom + BOTTOM_ROOM);
}

export function lowestNoteBottom(notes: Iterable<Note>): number {
  let bottom = 0;
  for (const note of notes) bottom = Math.max(bottom, note.y + NOTE_HEIGHT);
  return bottom;
}

/** Everything worth showing when fitting the board: the lanes and any note placed outside them. */
export function boardBounds(notes: Iterable<Note>, height: number): Rect {
  let minX = 0;
  let minY = 0;
  let maxX = BOARD_WIDTH;
  let maxY = height;
  for (const note of notes) {
    minX = Math.min(minX, note.x);
    minY = Math.min(minY, note.y);
    maxX = Math.max(maxX, note.x + NOTE_WIDTH);
    maxY = Math.max(maxY, note.y + NOTE_HEIGHT);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/**
 * Where a dragged note lands: the lane under its centre (or the nearest lane when dropped in a
 * gap or beside the board), kept inside that lane's column and below the lane heading.
 */
export function dropPlacement(x: number, y: number, headerHeight: number): { lane: LaneId; x: number; y: number } {
  const centreX = x + NOTE_WIDTH / 2;
  const lane = laneAtX(centreX, LANE_IDS) ?? nearestLane(centreX);
  const left = laneLeft(lane);
  return {
    lane,
    x: Math.round(Math.min(Math.max(x, left), left + LANE_WIDTH - NOTE_WIDTH)),
    y: Math.round(Math.max(y, headerHeight)),
  };
}

/** Top-left of a note added by a double-click at a board point inside a lane. */
export function notePlacementAt(lane: LaneId, point: { x: number; y: number }, headerHeight: number): { x: number; y: number } {
  const placed = dropPlacement(point.x - NOTE_WIDTH / 2, point.y - NOTE_HEIGHT / 4, headerHeight);
  return { x: placed.lane === lane ? placed.x : laneLeft(lane), y: placed.y };
}

function nearestLane(x: number): LaneId {
  let best: LaneId = LANE_IDS[0];
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const lane of LANE_IDS) {
    const distance = Math.abs(laneLeft(lane) + LANE_WIDTH / 2 - x);
    if (distance < bestDistance) {
      best = lane;
      bestDistance = distance;
    }
  }
  return best;
}
