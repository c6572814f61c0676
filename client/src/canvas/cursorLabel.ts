import { LANE_HEADER_HEIGHT } from '@costudio/shared';
import type { Rect } from './camera.ts';

/** The name label's height, and its distances from the pointer's tip, in screen px. */
export const LABEL_HEIGHT = 24;
const BELOW = 20;
const RIGHT = 14;
const GAP = 4;

/** Where to draw a name label, in screen px from the pointer's tip; faded where it covers something. */
export interface LabelPlacement {
  x: number;
  y: number;
  /** True when every place near the pointer covers a note or the lanes' titles: drawn see-through. */
  faded: boolean;
}

/**
 * Where a cursor's name label goes: beside the pointer where it covers neither the lanes' titles
 * and prompts (the header band, board units `headerTop` to LANE_HEADER_HEIGHT) nor anything
 * `blocked` names, given a rectangle in board units: a note, or the edge of the view. Tried in turn: below right, above right,
 * below left, above left, then just under the header band for a pointer over it. Where all of
 * them cover something, e.g. a pointer over a lane's title right above its first note, the
 * label stays below right (under the band for a pointer over it) and is drawn faded, so the
 * words under it can still be read (issue 12).
 */
export function placeLabel(
  cursor: { x: number; y: number },
  scale: number,
  headerTop: number,
  width: number,
  blocked: (rect: Rect) => boolean,
): LabelPlacement {
  const underBand = (LANE_HEADER_HEIGHT - cursor.y) * scale + GAP;
  const above = -LABEL_HEIGHT - GAP;
  const left = -width - GAP;
  const candidates = [
    { x: RIGHT, y: BELOW },
    { x: RIGHT, y: above },
    { x: left, y: BELOW },
    { x: left, y: above },
    { x: RIGHT, y: underBand },
    { x: left, y: underBand },
  ];
  const inBoard = (offset: { x: number; y: number }): Rect => ({
    x: cursor.x + offset.x / scale,
    y: cursor.y + offset.y / scale,
    width: width / scale,
    height: LABEL_HEIGHT / scale,
  });
  const overBand = (rect: Rect) => rect.y < LANE_HEADER_HEIGHT && rect.y + rect.height > headerTop;
  for (const offset of candidates) {
    // Under the band is a place of its own only for a pointer over the band or just above it.
    if (offset.y === underBand && offset.y <= BELOW) continue;
    const rect = inBoard(offset);
    if (!overBand(rect) && !blocked(rect)) return { ...offset, faded: false };
  }
  const below = inBoard({ x: RIGHT, y: BELOW });
  return { x: RIGHT, y: overBand(below) ? Math.max(underBand, BELOW) : BELOW, faded: true };
}
