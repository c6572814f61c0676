import { LANE_WIDTH, type LaneId, laneLeft, NOTE_HEIGHT, NOTE_WIDTH } from '@costudio/shared';
import type { CameraController } from './CameraController.ts';
import { visibleRect } from './camera.ts';

/** Brings a note into view, centred, unless all of it is in view already. */
export function showNote(camera: CameraController, note: { x: number; y: number }): void {
  const view = visibleRect(camera.get(), camera.getViewport());
  const inside =
    note.x >= view.x &&
    note.y >= view.y &&
    note.x + NOTE_WIDTH <= view.x + view.width &&
    note.y + NOTE_HEIGHT <= view.y + view.height;
  if (inside) return;
  const { scale } = camera.get();
  const viewport = camera.getViewport();
  camera.set({
    scale,
    x: viewport.width / 2 - (note.x + NOTE_WIDTH / 2) * scale,
    y: viewport.height / 2 - (note.y + NOTE_HEIGHT / 2) * scale,
  });
}

/** Brings a lane into view at its top, moving as little as needed: a lane in view stays put. */
export function goToLane(camera: CameraController, lane: LaneId): void {
  const { scale, x } = camera.get();
  const viewport = camera.getViewport();
  const left = laneLeft(lane) * scale + x;
  const right = left + LANE_WIDTH * scale;
  const margin = Math.min(16, Math.max(0, (viewport.width - LANE_WIDTH * scale) / 2));
  const dx = left < margin || LANE_WIDTH * scale > viewport.width ? margin - left : Math.min(0, viewport.width - margin - right);
  camera.set({ scale, x: x + dx, y: 16 });
}
