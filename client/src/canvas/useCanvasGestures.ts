import type Konva from 'konva';
import { type RefObject, useEffect } from 'react';
import type { CameraController } from './CameraController.ts';
import { screenToBoard } from './camera.ts';

/** A drag shorter than this (screen px) is a click or tap, not a pan. */
const PAN_THRESHOLD = 4;
/** Two taps this close in time (ms) and space (px) are a double tap. */
const DOUBLE_TAP_MS = 400;
const DOUBLE_TAP_DISTANCE = 24;

interface GestureOptions {
  containerRef: RefObject<HTMLDivElement | null>;
  stageRef: RefObject<Konva.Stage | null>;
  camera: CameraController;
  /** Reports the pointer in board coordinates (null when it leaves), for live cursors. */
  onPointerBoard(point: { x: number; y: number } | null): void;
  /**
   * Two quick one-finger taps (screen point, relative to the canvas). Detected here rather than
   * by Konva, which pairs the lift of a pinch's fingers with the next tap into a double tap.
   */
  onDoubleTap(point: { x: number; y: number }): void;
}

/**
 * Pan and zoom by wheel (Ctrl/⌘ + wheel and trackpad pinch zoom), by dragging empty board
 * space, and by two-finger touch pinch. Dragging a note is left to Konva.
 */
export function useCanvasGestures({ containerRef, stageRef, camera, onPointerBoard, onDoubleTap }: GestureOptions): void {
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const local = (event: { clientX: number; clientY: number }) => {
      const box = container.getBoundingClientRect();
      return { x: event.clientX - box.left, y: event.clientY - box.top };
    };

    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? container.clientHeight : 1;
      if (event.ctrlKey || event.metaKey) {
        camera.zoomAt(local(event), Math.exp((-event.deltaY * unit) / 300));
      } else {
        const dx = event.shiftKey && event.deltaX === 0 ? event.deltaY : event.deltaX;
        const dy = event.shiftKey && event.deltaX === 0 ? 0 : event.deltaY;
        camera.panBy(-dx * unit, -dy * unit);
      }
    };

    const pointers = new Map<number, { x: number; y: number }>();
    let panning: { id: number; start: { x: number; y: number }; last: { x: number; y: number }; moved: boolean } | null = null;
    let pinchLast: { distance: number; centre: { x: number; y: number } } | null = null;
    let tapStart: { id: number; point: { x: number; y: number } } | null = null;
    let lastTap: { point: { x: number; y: number }; time: number } | null = null;

    const pinchGeometry = () => {
      const [a, b] = [...pointers.values()];
      if (!a || !b) return null;
      return { distance: Math.hypot(a.x - b.x, a.y - b.y), centre: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } };
    };

    const onPointerDown = (event: PointerEvent) => {
      if (event.pointerType === 'mouse' && event.button !== 0) return;
      const point = local(event);
      pointers.set(event.pointerId, point);
      tapStart = event.pointerType !== 'mouse' && pointers.size === 1 ? { id: event.pointerId, point } : null;
      if (pointers.size > 1) lastTap = null;
      if (pointers.size === 2) {
        // A second finger turns whatever the first one started into a pinch.
        panning = null;
        stageRef.current?.find('.note').forEach((node) => {
          if (node.isDragging()) node.stopDrag();
        });
        pinchLast = pinchGeometry();
        return;
      }
      const hit = stageRef.current?.getIntersection(point);
      const onNote = hit?.findAncestor('.note', true);
      if (!onNote) panning = { id: event.pointerId, start: point, last: point, moved: false };
    };

    const onPointerMove = (event: PointerEvent) => {
      const point = local(event);
      if (event.pointerType === 'mouse') onPointerBoard(screenToBoard(camera.get(), point));
      if (!pointers.has(event.pointerId)) return;
      pointers.set(event.pointerId, point);
      if (
        tapStart?.id === event.pointerId &&
        Math.hypot(point.x - tapStart.point.x, point.y - tapStart.point.y) > PAN_THRESHOLD
      ) {
        tapStart = null;
      }
      if (pointers.size >= 2 && pinchLast) {
        const next = pinchGeometry();
        if (!next || pinchLast.distance === 0) return;
        camera.panBy(next.centre.x - pinchLast.centre.x, next.centre.y - pinchLast.centre.y);
        camera.zoomAt(next.centre, next.distance / pinchLast.distance);
        pinchLast = next;
        return;
      }
      if (panning?.id === event.pointerId) {
        if (!panning.moved && Math.hypot(point.x - panning.start.x, point.y - panning.start.y) < PAN_THRESHOLD) return;
        panning.moved = true;
        camera.panBy(point.x - panning.last.x, point.y - panning.last.y);
        panning.last = point;
      }
    };

    const onPointerEnd = (event: PointerEvent) => {
      pointers.delete(event.pointerId);
      if (tapStart?.id === event.pointerId && event.type === 'pointerup') {
        const point = tapStart.point;
        const now = performance.now();
        const isDouble =
          lastTap !== null &&
          now - lastTap.time < DOUBLE_TAP_MS &&
          Math.hypot(point.x - lastTap.point.x, point.y - lastTap.point.y) < DOUBLE_TAP_DISTANCE;
        lastTap = isDouble ? null : { point, time: now };
        if (isDouble) onDoubleTap(point);
      }
      tapStart = null;
      if (pointers.size < 2) pinchLast = null;
      if (panning?.id === event.pointerId) panning = null;
    };

    const onLeave = () => onPointerBoard(null);

    container.addEventListener('wheel', onWheel, { passive: false });
    container.addEventListener('pointerdown', onPointerDown);
    window.addEventListener('pointermove', onPointerMove);
    window.addEventListener('pointerup', onPointerEnd);
    window.addEventListener('pointercancel', onPointerEnd);
    container.addEventListener('pointerleave', onLeave);
    return () => {
      container.removeEventListener('wheel', onWheel);
      container.removeEventListener('pointerdown', onPointerDown);
      window.removeEventListener('pointermove', onPointerMove);
      window.removeEventListener('pointerup', onPointerEnd);
      window.removeEventListener('pointercancel', onPointerEnd);
      container.removeEventListener('pointerleave', onLeave);
    };
  }, [containerRef, stageRef, camera, onPointerBoard, onDoubleTap]);
}
