import type KonvaTypes from 'konva';
import { type Camera, containsRect, growRect, type Rect } from './camera.ts';
import Konva from './konva.ts';

/** Board area kept in the bitmap beyond the view, as a fraction of the view on each side. */
const MARGIN = 0.5;
/** The bitmap is re-made when the zoom has changed by more than this factor since it was made. */
const MAX_ZOOM_DRIFT = 2;
/** Largest bitmap in device pixels: iOS Safari draws nothing from a canvas above 16.7 million. */
const MAX_PIXELS = 8_000_000;

/**
 * Moves the rectangle's corner onto a whole screen pixel, so the bitmap's pixels sit on the
 * screen's (no resampling blur) for as long as the camera pans by whole pixels.
 */
function alignToScreenPixels(rect: Rect, camera: Camera): Rect {
  const x = (Math.floor(rect.x * camera.scale + camera.x) - camera.x) / camera.scale;
  const y = (Math.floor(rect.y * camera.scale + camera.y) - camera.y) / camera.scale;
  return { x, y, width: rect.width + rect.x - x, height: rect.height + rect.y - y };
}

/**
 * While the camera moves, a layer is drawn from one bitmap of the area around the view instead
 * of node by node: a pan or zoom frame is then one drawImage, not thousands of paths and
 * glyphs. Konva's node.cache() makes the bitmap in board units, so the stage's camera transform
 * places and scales it. The bitmap is re-made when the view leaves it, when the zoom drifts far
 * enough to blur it, and when the layer's content changes; it is dropped when the camera
 * settles, so a still board is always drawn sharp from its nodes.
 */
export class MotionBitmap {
  private area: { rect: Rect; scale: number } | null = null;

  constructor(private readonly layer: () => KonvaTypes.Layer | null) {}

  /** Whether the layer is drawn from the bitmap right now. */
  get active(): boolean {
    return this.area !== null;
  }

  /**
   * Called on each camera change while moving; `prepare` readies the layer's nodes for the
   * area about to be drawn into a new bitmap (e.g. shows the notes inside it).
   */
  follow(camera: Camera, view: Rect, prepare: (area: Rect) => void): void {
    const { scale } = camera;
    const layer = this.layer();
    // A dragged node moves on its own: it must be drawn live, not from a still picture.
    if (!layer || Konva.isDragging()) {
      this.release();
      return;
    }
    const area = this.area;
    if (area && containsRect(area.rect, view) && Math.max(scale / area.scale, area.scale / scale) <= MAX_ZOOM_DRIFT) return;
    const rect = alignToScreenPixels(growRect(view, MARGIN), camera);
    const pixelRatio = Math.min(scale * Konva.pixelRatio, Math.sqrt(MAX_PIXELS / (rect.width * rect.height)));
    prepare(rect);
    layer.cache({ ...rect, pixelRatio });
    this.area = { rect, scale };
  }

  /**
   * Back to drawing the layer from its nodes: when the camera settles, and when the layer's
   * content changes (the next camera change then makes a new bitmap).
   */
  release(): void {
    if (!this.area) return;
    this.area = null;
    this.layer()?.clearCache();
  }
}
