import { LANE_HEADER_HEIGHT, laneLeft, NOTE_HEIGHT } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import { CameraController } from './CameraController.ts';
import { goToNote, showNote } from './cameraMoves.ts';

function cameraAt(x: number, y: number, scale = 0.95): CameraController {
  const camera = new CameraController();
  camera.setViewport({ width: 1280, height: 700 });
  camera.set({ x, y, scale });
  return camera;
}

describe('going to a note from its trace', () => {
  it('shows a lane’s first note under the lane’s header, with no empty band above the lanes', () => {
    const camera = cameraAt(-1100, 16);
    goToNote(camera, { lane: 'define', x: 16, y: LANE_HEADER_HEIGHT + 16 });
    const { x, y } = camera.get();
    expect(y).toBe(16);
    expect(x + laneLeft('define')).toBeGreaterThanOrEqual(0);
  });

  it('puts a note far down its lane near the top of the view', () => {
    const camera = cameraAt(16, 16);
    const note = { lane: 'design' as const, x: laneLeft('design') + 16, y: 3000 };
    goToNote(camera, note);
    const { y, scale } = camera.get();
    const top = note.y * scale + y;
    expect(top).toBeGreaterThan(0);
    expect(top + NOTE_HEIGHT * scale).toBeLessThan(700 / 2);
  });

  it('leaves the view alone when the note is in it', () => {
    const camera = cameraAt(16, 16);
    goToNote(camera, { lane: 'define', x: 16, y: 200 });
    expect(camera.get()).toEqual({ x: 16, y: 16, scale: 0.95 });
  });
});

describe('showing a note (keyboard focus, a new note, a lane chosen with keys 1 to 6)', () => {
  it('centres a note out of view, but leaves no empty band above the lanes for one high in its lane', () => {
    const camera = cameraAt(-3000, 16);
    showNote(camera, { x: laneLeft('decide') + 80, y: LANE_HEADER_HEIGHT });
    expect(camera.get().y).toBe(16);
    const deep = cameraAt(16, 16);
    showNote(deep, { x: 16, y: 3000 });
    const { y, scale } = deep.get();
    expect(3000 * scale + y + (NOTE_HEIGHT * scale) / 2).toBeCloseTo(350);
  });
});
