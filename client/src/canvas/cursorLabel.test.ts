import { LANE_HEADER_HEIGHT } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import { LABEL_HEIGHT, labelOffset } from './cursorLabel.ts';

/** The label's top and bottom in board units, for a pointer at `y`. */
function labelSpan(y: number, scale: number, headerTop = 0): [number, number] {
  const top = y + labelOffset(y, scale, headerTop) / scale;
  return [top, top + LABEL_HEIGHT / scale];
}

describe('a cursor name label', () => {
  it('sits just under the pointer over the notes', () => {
    expect(labelOffset(400, 1, 0)).toBe(20);
    expect(labelOffset(400, 0.5, 0)).toBe(20);
  });

  it('never overlaps the lane header band, at any zoom, when the pointer is over or just above it', () => {
    for (const scale of [0.3, 0.83, 1, 2]) {
      for (const y of [-60, -10, 0, 30, 80, LANE_HEADER_HEIGHT - 1]) {
        const [top, bottom] = labelSpan(y, scale);
        expect(bottom <= 0 || top >= LANE_HEADER_HEIGHT, `y=${y} scale=${scale}: ${top}..${bottom}`).toBe(true);
      }
    }
  });

  it('keeps clear of a taller band that starts above the board (the projector)', () => {
    const [top, bottom] = labelSpan(-200, 0.83, -72);
    expect(bottom <= -72 || top >= LANE_HEADER_HEIGHT).toBe(true);
    expect(labelSpan(-50, 0.83, -72)[0]).toBeGreaterThanOrEqual(LANE_HEADER_HEIGHT);
    // Over a laptop's band the same pointer's label would have covered the prompt; now it is below.
    expect(labelSpan(30, 0.95)[0]).toBeGreaterThanOrEqual(LANE_HEADER_HEIGHT);
  });
});
