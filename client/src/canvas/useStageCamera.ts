import { NOTE_HEIGHT, NOTE_WIDTH } from '@costudio/shared';
import type Konva from 'konva';
import { type RefObject, startTransition, useCallback, useLayoutEffect, useState } from 'react';
import type { CameraController } from './CameraController.ts';
import { type Camera, containsRect, growRect, type Rect, visibleRect } from './camera.ts';
import { MotionBitmap } from './MotionBitmap.ts';
import { DETAIL_MIN_SCALE } from './theme.ts';

/** How long after the last camera move hit-testing and node-by-node drawing come back. */
const MOTION_SETTLE_MS = 120;

export interface CullWindow {
  /** Board area whose notes are rendered: the view plus half a view on every side. */
  rect: Rect;
  /** Whether notes are drawn with text (zoomed in) or as plain shapes (zoomed out). */
  detailed: boolean;
  scale: number;
}

export interface StageCamera {
  cull: CullWindow;
  /** To be called after every change to the board layer's nodes, so a moving camera never shows a stale picture. */
  boardLayerChanged(): void;
}

function windowFor(camera: Camera, viewport: { width: number; height: number }): CullWindow {
  return { rect: growRect(visibleRect(camera, viewport), 0.5), detailed: camera.scale >= DETAIL_MIN_SCALE, scale: camera.scale };
}

function sameWindow(a: CullWindow, b: CullWindow): boolean {
  return (
    a.detailed === b.detailed &&
    a.scale === b.scale &&
    a.rect.x === b.rect.x &&
    a.rect.y === b.rect.y &&
    a.rect.width === b.rect.width &&
    a.rect.height === b.rect.height
  );
}

/**
 * Konva draws every visible node, on screen or not. React renders the notes of the cull window
 * (the view plus a margin, so panning rarely re-renders); this hides the rendered ones that are
 * outside `area`, so each draw handles only what can be seen.
 */
function hideNotesOutside(layer: Konva.Layer | null, area: Rect): void {
  if (!layer) return;
  const right = area.x + area.width;
  const bottom = area.y + area.height;
  for (const node of layer.getChildren()) {
    if (!node.hasName('note')) continue;
    const x = node.x();
    const y = node.y();
    const inside = x < right && x + NOTE_WIDTH > area.x && y < bottom && y + NOTE_HEIGHT > area.y;
    if (node.visible() !== inside) node.visible(inside);
  }
}

/**
 * Applies the camera straight to the Konva stage (no React render per frame) and re-renders
 * React only when the view leaves the area already rendered or the level of detail changes.
 * While the camera moves, the board layer is drawn from a bitmap (see MotionBitmap) and the
 * hit canvases of `motionLayers` are not redrawn.
 */
export function useStageCamera(
  stageRef: RefObject<Konva.Stage | null>,
  camera: CameraController,
  motionLayers: RefObject<Konva.Layer | null>[],
  /** The layer with the lanes and notes, whose note nodes are hidden when off screen. */
  boardLayer: RefObject<Konva.Layer | null>,
  /** Changes when the stage is (re)created or resized, so the camera is applied to it again. */
  stageSize: { width: number; height: number },
): StageCamera {
  const [cull, setCull] = useState(() => windowFor(camera.get(), camera.getViewport()));
  const [bitmap] = useState(() => new MotionBitmap(() => boardLayer.current));

  // A layout effect, after useCanvasViewport's: the window of a stage just measured is in the
  // same render as the measuring, before anything is painted.
  // stageSize is a trigger: a new or resized stage needs the camera applied again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: stageSize re-runs the effect on purpose
  useLayoutEffect(() => {
    let settleTimer: ReturnType<typeof setTimeout> | null = null;
    let current = windowFor(camera.get(), camera.getViewport());
    const measured = current;
    setCull((shown) => (sameWindow(shown, measured) ? shown : measured));
    const setListening = (listening: boolean) => {
      for (const layer of motionLayers) layer.current?.listening(listening);
    };
    const settle = () => {
      settleTimer = null;
      bitmap.release();
      hideNotesOutside(boardLayer.current, visibleRect(camera.get(), camera.getViewport()));
      setListening(true);
      stageRef.current?.batchDraw();
    };
    const apply = (next: Camera, moving: boolean) => {
      const view = visibleRect(next, camera.getViewport());
      const detailed = next.scale >= DETAIL_MIN_SCALE;
      const zoomedFar = next.scale / current.scale > 2 || current.scale / next.scale > 2;
      if (!containsRect(current.rect, view) || detailed !== current.detailed || zoomedFar) {
        current = windowFor(next, camera.getViewport());
        const nextWindow = current;
        // A transition lets React build the newly needed notes across several frames; the
        // margin keeps the view covered by notes already drawn until it is done.
        startTransition(() => setCull(nextWindow));
      }
      const stage = stageRef.current;
      if (!stage) return;
      stage.position({ x: next.x, y: next.y });
      stage.scale({ x: next.scale, y: next.scale });
      if (moving) bitmap.follow(next, view, (area) => hideNotesOutside(boardLayer.current, area));
      else bitmap.release();
      if (!bitmap.active) hideNotesOutside(boardLayer.current, view);
      setListening(false);
      stage.batchDraw();
      if (settleTimer) clearTimeout(settleTimer);
      settleTimer = setTimeout(settle, MOTION_SETTLE_MS);
    };
    apply(camera.get(), false);
    const unsubscribe = camera.subscribe(apply);
    return () => {
      unsubscribe();
      if (settleTimer) clearTimeout(settleTimer);
      bitmap.release();
    };
  }, [camera, stageRef, motionLayers, boardLayer, bitmap, stageSize.width, stageSize.height]);

  const boardLayerChanged = useCallback(() => {
    if (!bitmap.active) return;
    bitmap.release();
    hideNotesOutside(boardLayer.current, visibleRect(camera.get(), camera.getViewport()));
  }, [bitmap, boardLayer, camera]);

  return { cull, boardLayerChanged };
}
