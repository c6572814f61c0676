import { LANE_HEADER_HEIGHT, LANE_WIDTH, laneLeft, NOTE_WIDTH } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import { dropPlacement } from './boardGeometry.ts';

describe('dropPlacement', () => {
  it('takes the lane under the note centre', () => {
    const x = laneLeft('decide') + 50;
    expect(dropPlacement(x, 300, LANE_HEADER_HEIGHT)).toEqual({ lane: 'decide', x, y: 300 });
  });

  it('keeps the note inside its lane and below the heading', () => {
    const placed = dropPlacement(laneLeft('design') + LANE_WIDTH - 10 - NOTE_WIDTH / 2, 10, LANE_HEADER_HEIGHT);
    expect(placed.lane).toBe('design');
    expect(placed.x).toBe(laneLeft('design') + LANE_WIDTH - NOTE_WIDTH);
    expect(placed.y).toBe(LANE_HEADER_HEIGHT);
  });

  it('picks the nearest lane when dropped beside the board', () => {
    expect(dropPlacement(-500, 200, LANE_HEADER_HEIGHT).lane).toBe('define');
    expect(dropPlacement(100_000, 200, LANE_HEADER_HEIGHT).lane).toBe('evaluate');
  });
});
