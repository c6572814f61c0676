import { type RefObject, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { BOARD_WIDTH } from './boardGeometry.ts';
import type { CameraController } from './CameraController.ts';
import { startingCamera } from './camera.ts';

/**
 * The canvas's size in CSS px, kept in the camera's viewport; the starting view once the size
 * is first known; and the text size setting honoured by zoom: everything drawn grows with the
 * text, so nothing is cut off and the rest of the board is a pan away.
 */
export function useCanvasViewport(
  containerRef: RefObject<HTMLDivElement | null>,
  camera: CameraController,
  textScale: number,
): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  const textScaleRef = useRef(textScale);

  // Measured at once in a layout effect, before the first paint, as well as on every resize: the
  // first frame then shows the canvas at its size with the notes in view, not an empty canvas
  // and a second render after the first resize notification (issue 12: a big board's first
  // picture). useStageCamera's layout effect, which runs after this one, takes the view from here.
  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let first = true;
    const measure = () => {
      const next = { width: container.clientWidth, height: container.clientHeight };
      if (next.width === 0 || next.height === 0) return;
      setSize((current) => (current.width === next.width && current.height === next.height ? current : next));
      camera.setViewport(next);
      if (first) {
        first = false;
        // Not a motion: building a motion bitmap here cost ~60 ms of a 10,000-note board's first render.
        camera.set(startingCamera(next.width, BOARD_WIDTH, textScaleRef.current), false);
      }
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(container);
    return () => observer.disconnect();
  }, [camera, containerRef]);

  useEffect(() => {
    const previous = textScaleRef.current;
    if (previous === textScale) return;
    textScaleRef.current = textScale;
    // Changed while the board is open: grow or shrink the view around its top-left corner.
    camera.zoomAt({ x: 0, y: 0 }, textScale / previous);
  }, [camera, textScale]);

  return size;
}
