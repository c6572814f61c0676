import { type RefObject, useEffect, useRef, useState } from 'react';
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

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let first = true;
    const observer = new ResizeObserver(() => {
      const next = { width: container.clientWidth, height: container.clientHeight };
      if (next.width === 0 || next.height === 0) return;
      setSize(next);
      camera.setViewport(next);
      if (first) {
        first = false;
        // Not a motion: building a motion bitmap here cost ~60 ms of a 10,000-note board's first render.
        camera.set(startingCamera(next.width, BOARD_WIDTH, textScaleRef.current), false);
      }
    });
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
