import { NOTE_WIDTH } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import { startingCamera } from './camera.ts';
import {
  DOT_TARGET,
  DOT_TOUCH_AREA,
  dotTargetAt,
  LOWEST_STARTING_SCALE,
  MIN_TARGET_CSS_PX,
  MIN_TOUCH_TARGET_CSS_PX,
  type NoteRect,
  TAKE_BACK_TARGET,
  TAKE_BACK_TOUCH_AREA,
} from './canvasDots.ts';

const overlap = (a: NoteRect, b: NoteRect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the "+ dot" and "− dot" targets (issue 12 item 10: they were 31 × 17 CSS px)', () => {
  // A phone, and a laptop whose board is wider than its screen: the view starts at the lowest zoom.
  const scales = [startingCamera(390, 6 * 420, 1).scale, startingCamera(1280, 6 * 420, 1).scale];

  it('start at the zoom the targets are sized for, or larger', () => {
    for (const scale of scales) expect(scale).toBeGreaterThanOrEqual(LOWEST_STARTING_SCALE);
    expect(Math.min(...scales)).toBe(LOWEST_STARTING_SCALE);
  });

  it('are drawn at least 24 × 24 CSS px at the starting zoom', () => {
    for (const target of [DOT_TARGET, TAKE_BACK_TARGET]) {
      expect(target.width * LOWEST_STARTING_SCALE).toBeGreaterThanOrEqual(MIN_TARGET_CSS_PX);
      expect(target.height * LOWEST_STARTING_SCALE).toBeGreaterThanOrEqual(MIN_TARGET_CSS_PX);
    }
    expect(overlap(DOT_TARGET, TAKE_BACK_TARGET)).toBe(false);
  });

  it('take a finger on at least 44 × 44 CSS px, within the note and without overlapping each other', () => {
    for (const area of [DOT_TOUCH_AREA, TAKE_BACK_TOUCH_AREA]) {
      expect(area.width * LOWEST_STARTING_SCALE).toBeGreaterThanOrEqual(MIN_TOUCH_TARGET_CSS_PX);
      expect(area.height * LOWEST_STARTING_SCALE).toBeGreaterThanOrEqual(MIN_TOUCH_TARGET_CSS_PX);
      expect(area.x).toBeGreaterThanOrEqual(0);
      expect(area.x + area.width).toBeLessThanOrEqual(NOTE_WIDTH);
    }
    expect(overlap(DOT_TOUCH_AREA, TAKE_BACK_TOUCH_AREA)).toBe(false);
  });

  it('a mouse hits the drawn box only; a finger the larger area', () => {
    const shown = { place: true, takeBack: true };
    const aboveTarget = { x: DOT_TARGET.x + 5, y: DOT_TARGET.y - 10 };
    expect(dotTargetAt(aboveTarget, false, shown)).toBe(null);
    expect(dotTargetAt(aboveTarget, true, shown)).toBe('place');
    const onTakeBack = { x: TAKE_BACK_TARGET.x + 5, y: TAKE_BACK_TARGET.y + 5 };
    expect(dotTargetAt(onTakeBack, false, shown)).toBe('takeBack');
    expect(dotTargetAt(onTakeBack, false, { place: true, takeBack: false })).toBe(null);
  });
});
