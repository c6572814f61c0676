import { type LaneId, laneIndex } from './lanes.ts';

/**
 * Board geometry in board units (1 unit = 1 CSS pixel at 100 % zoom). Lanes are columns laid
 * side by side from x = 0; a note's `x`/`y` is its top-left corner. Integrations placing notes
 * can use these to put a note inside its lane.
 */
export const LANE_WIDTH = 360;
export const LANE_GAP = 24;
export const LANE_HEADER_HEIGHT = 96;
export const NOTE_WIDTH = 200;
export const NOTE_HEIGHT = 140;

export function laneLeft(lane: LaneId): number {
  return laneIndex(lane) * (LANE_WIDTH + LANE_GAP);
}

/** The lane whose column contains board x, or null when x falls outside every lane. */
export function laneAtX(x: number, lanes: readonly LaneId[]): LaneId | null {
  for (const lane of lanes) {
    const left = laneLeft(lane);
    if (x >= left && x < left + LANE_WIDTH) return lane;
  }
  return null;
}
