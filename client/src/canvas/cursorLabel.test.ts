import { LANE_HEADER_HEIGHT, NOTE_HEIGHT, NOTE_WIDTH } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import type { Rect } from './camera.ts';
import { LABEL_HEIGHT, type LabelPlacement, placeLabel } from './cursorLabel.ts';

const WIDTH = 150;
const NO_NOTES = () => false;

/** Notes as rectangles in board units, and a coversNote over them. */
function notesAt(...corners: { x: number; y: number }[]): (rect: Rect) => boolean {
  return (rect) =>
    corners.some(
      (note) =>
        rect.x < note.x + NOTE_WIDTH &&
        rect.x + rect.width > note.x &&
        rect.y < note.y + NOTE_HEIGHT &&
        rect.y + rect.height > note.y,
    );
}

/** The label's top and bottom in board units, for a pointer at `y`. */
function span(y: number, scale: number, placement: LabelPlacement): [number, number] {
  const top = y + placement.y / scale;
  return [top, top + LABEL_HEIGHT / scale];
}

describe('a cursor name label', () => {
  it('sits just below right of the pointer where nothing is under it', () => {
    expect(placeLabel({ x: 400, y: 400 }, 1, 0, WIDTH, NO_NOTES)).toEqual({ x: 14, y: 20, faded: false });
    expect(placeLabel({ x: 400, y: 400 }, 0.5, 0, WIDTH, NO_NOTES)).toEqual({ x: 14, y: 20, faded: false });
  });

  it('never overlaps the lane header band, at any zoom, when the pointer is over or just above it', () => {
    for (const scale of [0.3, 0.83, 1, 2]) {
      for (const y of [-60, -10, 0, 30, 80, LANE_HEADER_HEIGHT - 1]) {
        const placement = placeLabel({ x: 40, y }, scale, 0, WIDTH, NO_NOTES);
        const [top, bottom] = span(y, scale, placement);
        expect(bottom <= 0 || top >= LANE_HEADER_HEIGHT, `y=${y} scale=${scale}: ${top}..${bottom}`).toBe(true);
      }
    }
  });

  it('keeps clear of a taller band that starts above the board (the projector)', () => {
    const [top, bottom] = span(-200, 0.83, placeLabel({ x: 40, y: -200 }, 0.83, -72, WIDTH, NO_NOTES));
    expect(bottom <= -72 || top >= LANE_HEADER_HEIGHT).toBe(true);
    expect(span(-50, 0.83, placeLabel({ x: 40, y: -50 }, 0.83, -72, WIDTH, NO_NOTES))[0]).toBeGreaterThanOrEqual(
      LANE_HEADER_HEIGHT,
    );
  });

  it('goes above the pointer, or to its left, rather than over a note', () => {
    const pointer = { x: 100, y: 300 };
    // A note right below the pointer: the label goes above it.
    expect(placeLabel(pointer, 1, 0, WIDTH, notesAt({ x: 16, y: 310 }))).toEqual({ x: 14, y: -28, faded: false });
    // Notes below and above: to the left, below.
    const leftBelow = placeLabel({ x: 400, y: 300 }, 1, 0, WIDTH, notesAt({ x: 400, y: 310 }, { x: 400, y: 150 }));
    expect(leftBelow).toEqual({ x: -WIDTH - 4, y: 20, faded: false });
  });

  it('is faded where every place covers a note or the titles: over a lane’s title, right above its first note', () => {
    const placement = placeLabel({ x: 40, y: 30 }, 0.95, 0, WIDTH, notesAt({ x: 16, y: LANE_HEADER_HEIGHT + 16 }));
    expect(placement.faded).toBe(true);
    const [top] = span(30, 0.95, placement);
    expect(top).toBeGreaterThanOrEqual(LANE_HEADER_HEIGHT);
  });

  it('stays clear of a lane’s title over an empty lane, below the band', () => {
    const placement = placeLabel({ x: 40, y: 30 }, 0.95, 0, WIDTH, NO_NOTES);
    expect(placement.faded).toBe(false);
    expect(span(30, 0.95, placement)[0]).toBeGreaterThanOrEqual(LANE_HEADER_HEIGHT);
  });
});
