import { LANE_HEADER_HEIGHT } from '@costudio/shared';

/** The name label's top and bottom below the pointer's tip, in screen px. */
const LABEL_TOP = 20;
export const LABEL_HEIGHT = 24;

/**
 * How far down (screen px) to draw a label so it never covers the lanes' titles and prompts: a
 * label that would overlap the header band (board units `headerTop` to LANE_HEADER_HEIGHT) is put
 * just under it, the pointer itself staying where it is.
 */
export function labelOffset(cursorY: number, scale: number, headerTop: number): number {
  const top = cursorY + LABEL_TOP / scale;
  const bottom = top + LABEL_HEIGHT / scale;
  if (bottom <= headerTop || top >= LANE_HEADER_HEIGHT) return LABEL_TOP;
  return (LANE_HEADER_HEIGHT - cursorY) * scale + 4;
}
