/**
 * The view onto the board: a board point p is drawn at screen point p * scale + (x, y).
 * Pure functions only, so the maths of pan, zoom and fit is tested without a browser.
 */
export interface Camera {
  x: number;
  y: number;
  scale: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export const MIN_SCALE = 0.01;
export const MAX_SCALE = 4;

export function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

export function screenToBoard(camera: Camera, point: { x: number; y: number }): { x: number; y: number } {
  return { x: (point.x - camera.x) / camera.scale, y: (point.y - camera.y) / camera.scale };
}

export function boardToScreen(camera: Camera, point: { x: number; y: number }): { x: number; y: number } {
  return { x: point.x * camera.scale + camera.x, y: point.y * camera.scale + camera.y };
}

/** Zooms by `factor` keeping the board point under `anchor` (a screen point) in place. */
export function zoomAt(camera: Camera, anchor: { x: number; y: number }, factor: number): Camera {
  const scale = clampScale(camera.scale * factor);
  const board = screenToBoard(camera, anchor);
  return { scale, x: anchor.x - board.x * scale, y: anchor.y - board.y * scale };
}

export function panBy(camera: Camera, dx: number, dy: number): Camera {
  return { ...camera, x: camera.x + dx, y: camera.y + dy };
}

/** The camera that shows all of `rect` centred in `viewport`, with `padding` screen px around it. */
export function fitRect(rect: Rect, viewport: Size, padding = 24, maxScale = 1): Camera {
  const availableWidth = Math.max(1, viewport.width - padding * 2);
  const availableHeight = Math.max(1, viewport.height - padding * 2);
  const scale = clampScale(Math.min(availableWidth / rect.width, availableHeight / rect.height, maxScale));
  return {
    scale,
    x: (viewport.width - rect.width * scale) / 2 - rect.x * scale,
    y: (viewport.height - rect.height * scale) / 2 - rect.y * scale,
  };
}

/** The board rectangle visible in a viewport. */
export function visibleRect(camera: Camera, viewport: Size): Rect {
  return {
    x: -camera.x / camera.scale,
    y: -camera.y / camera.scale,
    width: viewport.width / camera.scale,
    height: viewport.height / camera.scale,
  };
}

export function growRect(rect: Rect, fraction: number): Rect {
  const dx = rect.width * fraction;
  const dy = rect.height * fraction;
  return { x: rect.x - dx, y: rect.y - dy, width: rect.width + dx * 2, height: rect.height + dy * 2 };
}

export function containsRect(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * The lowest starting scale: note text is drawn at 15 board units, so at 0.95 it is 14.25 CSS px,
 * readable at arm's length (issue 12; at the former 0.7 it was 10.5 px). Lanes past the
 * screen's edge are a lane button away.
 */
export const MIN_STARTING_SCALE = 0.95;

/**
 * Where the canvas starts: at 100 % text, the whole board width across the viewport when that
 * keeps the scale between MIN_STARTING_SCALE and 1. The chosen text size (`textScale`, 1 = 100 %)
 * multiplies that, so text is that much larger than it would be on this screen; when the board
 * no longer fits, the view starts at its left edge (Define).
 */
export function startingCamera(viewportWidth: number, boardWidth: number, textScale: number): Camera {
  const scale = clampScale(textScale * Math.min(1, Math.max(MIN_STARTING_SCALE, (viewportWidth - 48) / boardWidth)));
  return { scale, x: Math.max(16, (viewportWidth - boardWidth * scale) / 2), y: 16 };
}
