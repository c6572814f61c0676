import { describe, expect, it } from 'vitest';
import { boardToScreen, fitRect, MAX_SCALE, screenToBoard, startingCamera, visibleRect, zoomAt } from './camera.ts';

describe('camera', () => {
  it('converts between board and screen coordinates', () => {
    const camera = { x: 10, y: -20, scale: 2 };
    expect(boardToScreen(camera, { x: 5, y: 5 })).toEqual({ x: 20, y: -10 });
    expect(screenToBoard(camera, { x: 20, y: -10 })).toEqual({ x: 5, y: 5 });
  });

  it('keeps the point under the pointer fixed while zooming', () => {
    const camera = { x: 30, y: 40, scale: 0.5 };
    const anchor = { x: 200, y: 100 };
    const before = screenToBoard(camera, anchor);
    const after = screenToBoard(zoomAt(camera, anchor, 1.7), anchor);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('clamps zoom', () => {
    expect(zoomAt({ x: 0, y: 0, scale: 3 }, { x: 0, y: 0 }, 10).scale).toBe(MAX_SCALE);
  });

  it('fits a rectangle centred in the viewport', () => {
    const camera = fitRect({ x: 100, y: 0, width: 1000, height: 500 }, { width: 548, height: 548 }, 24);
    expect(camera.scale).toBeCloseTo(0.5);
    const visible = visibleRect(camera, { width: 548, height: 548 });
    expect(visible.x).toBeCloseTo(100 - 24 / 0.5);
    expect(visible.y + visible.height / 2).toBeCloseTo(250);
  });
});

describe('startingCamera', () => {
  it('shows the whole board width when text stays readable, centred', () => {
    const camera = startingCamera(1448, 1400, 1);
    expect(camera.scale).toBe(1);
    expect(camera.x).toBe(24);
  });

  it('grows with the text size, starting at the left edge so the first lane is in view', () => {
    const normal = startingCamera(1280, 1400, 1);
    const large = startingCamera(1280, 1400, 2);
    expect(large.scale).toBeCloseTo(normal.scale * 2);
    expect(large.x).toBe(16);
    // A phone-width view never goes below 95 % of the chosen text size: note text stays ≥ 14 px.
    expect(startingCamera(390, 1400, 1.5).scale).toBeCloseTo(1.425);
    expect(startingCamera(1280, 2280, 1).scale * 15).toBeGreaterThanOrEqual(14);
  });
});
