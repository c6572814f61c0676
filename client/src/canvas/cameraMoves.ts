import { LANE_WIDTH, type LaneId, laneLeft, NOTE_HEIGHT, NOTE_WIDTH } from '@costudio/shared';
import type { CameraController } from './CameraController.ts';
import { visibleRect } from './camera.ts';

/** Screen px between the top of the view and the lanes' header band, when the header is in view. */
const TOP_MARGIN = 16;
/** Where a note far down its lane is put by goToNote: this share of the view's height from its top. */
const NEAR_TOP = 0.15;

/** Whether all of a note is in view now. */
function inView(camera: CameraController, note: { x: number; y: number }): boolean {
  const view = visibleRect(camera.get(), camera.getViewport());
  return (
    note.x >= view.x &&
    note.y >= view.y &&
    note.x + NOTE_WIDTH <= view.x + view.width &&
    note.y + NOTE_HEIGHT <= view.y + view.height
  );
}

/**
 * Brings a note into view, centred, unless all of it is in view already; a note high in its lane
 * goes no lower than under the lanes' header at the top of the view, never below an empty band.
 */
export function showNote(camera: CameraController, note: { x: number; y: number }): void {
  if (inView(camera, note)) return;
  const { scale } = camera.get();
  const viewport = camera.getViewport();
  camera.set({
    scale,
    x: viewport.width / 2 - (note.x + NOTE_WIDTH / 2) * scale,
    y: Math.min(TOP_MARGIN, viewport.height / 2 - (note.y + NOTE_HEIGHT / 2) * scale),
  });
}

/** The camera's x that brings a lane into view, moving as little as needed: a lane in view stays put. */
function laneInViewX(camera: CameraController, lane: LaneId): number {
  const { scale, x } = camera.get();
  const viewport = camera.getViewport();
  const left = laneLeft(lane) * scale + x;
  const right = left + LANE_WIDTH * scale;
  const margin = Math.min(TOP_MARGIN, Math.max(0, (viewport.width - LANE_WIDTH * scale) / 2));
  const dx = left < margin || LANE_WIDTH * scale > viewport.width ? margin - left : Math.min(0, viewport.width - margin - right);
  return x + dx;
}

/** Brings a lane into view at its top, moving as little as needed: a lane in view stays put. */
export function goToLane(camera: CameraController, lane: LaneId): void {
  camera.set({ scale: camera.get().scale, x: laneInViewX(camera, lane), y: TOP_MARGIN });
}

/**
 * Takes the person to a note from elsewhere ("Go to" in a note's trace): its lane in view, and
 * the note under the lane's header when it is high enough in the lane to show both, else near the
 * top of the view. Never centred, which left an empty band above the lanes for a lane's first
 * notes (issue 12). A note already in view stays where it is.
 */
export function goToNote(camera: CameraController, note: { x: number; y: number; lane: LaneId }): void {
  if (inView(camera, note)) return;
  const { scale } = camera.get();
  const { height } = camera.getViewport();
  const underHeader = TOP_MARGIN + (note.y + NOTE_HEIGHT) * scale <= height - TOP_MARGIN;
  const y = underHeader ? TOP_MARGIN : Math.min(TOP_MARGIN, height * NEAR_TOP - note.y * scale);
  camera.set({ scale, x: laneInViewX(camera, note.lane), y });
}
