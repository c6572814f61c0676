import { NOTE_HEIGHT, NOTE_WIDTH } from '@costudio/shared';
import type Konva from 'konva';
import { type RefObject, startTransition, useEffect, useState } from 'react';
import type { CameraController } from './CameraController.ts';
import { type Camera, containsRect, growRect, type Rect, visibleRect } from './camera.ts';
import { DETAIL_MIN_SCALE } from './theme.ts';

/** How long after the last camera move hit-testing comes back (it is skipped while moving). */
const MOTION_SETTLE_MS = 120;

export interface CullWindow {
  /** Board area whose notes are rendered: the view plus half a view on every side. */
  rect: Rect;
  /** Whether notes are drawn with text (zoomed in) or as plain shapes (zoomed out). */
  detailed: boolean;
  scale: number;
}

function windowFor(camera: Camera, viewport: { width: number; height: number }): CullWindow {
  return { rect: growRect(visibleRect(camera, viewport), 0.5), detailed: camera.scale >= DETAIL_MIN_SCALE, scale: camera.scale };
}

/**
 * Konva draws every visible node, on screen or not. React renders the notes of the cull window
 * (the view plus a margin, so panning rarely re-renders); this hides the rendered ones that are
 * outside the view itself, so each frame draws only what can be seen.
 */
function hideOffscreenNotes(layer: Konva.Layer | null, view: Rect): void {
  if (!layer) return;
  const right = view.x + view.width;
  const bottom = view.y + view.height;
  for (const node of layer.getChildren()) {
    if (!node.hasName('note')) continue;
    const x = node.x();
    const y = node.y();
    const onScreen = x < right && x + NOTE_WIDTH > view.x && y < bottom && y + NOTE_HEIGHT > view.y;
    if (node.visible() !== onScreen) node.visible(onScreen);
  }
}

/**
 * Applies the camera straight to the Konva stage (no React render per frame), pauses the hit
 * canvases of `motionLayers` while the camera moves, and re-renders React only when the view
 * leaves the area already rendered or the level of detail changes.
 */
export function useStageCamera(
  stageRef: RefObject<Konva.Stage | null>,
  camera: CameraController,
  motionLayers: RefObject<Konva.Layer | null>[],
  /** The layer whose note groups are hidden when off screen. */
  notesLayer: RefObject<Konva.Layer | null>,
  /** Changes when the stage is (re)created or resized, so the camera is applied to it again. */
  stageSize: { width: number; height: number },
): CullWindow {
  const [cull, setCull] = useState(() => windowFor(camera.get(), camera.getViewport()));

  // stageSize is a trigger: a new or resized stage needs the camera applied again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: stageSize re-runs the effect on purpose
  useEffect(() => {
    let settleTimer: ReturnType<typeof setTimeout> | null = null;
    let current = windowFor(camera.get(), camera.getViewport());
    const setListening = (listening: boolean) => {
      for (const layer of motionLayers) layer.current?.listening(listening);
    };
    const apply = (next: Camera) => {
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
      hideOffscreenNotes(notesLayer.current, view);
      stage.position({ x: next.x, y: next.y });
      stage.scale({ x: next.scale, y: next.scale });
      setListening(false);
      stage.batchDraw();
      if (settleTimer) clearTimeout(settleTimer);
      settleTimer = setTimeout(() => {
        settleTimer = null;
        setListening(true);
        stageRef.current?.batchDraw();
      }, MOTION_SETTLE_MS);
    };
    apply(camera.get());
    const unsubscribe = camera.subscribe(apply);
    return () => {
      unsubscribe();
      if (settleTimer) clearTimeout(settleTimer);
    };
  }, [camera, stageRef, motionLayers, notesLayer, stageSize.width, stageSize.height]);

  return cull;
}
