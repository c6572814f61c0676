import { type Camera, fitRect, panBy, type Rect, type Size, zoomAt } from './camera.ts';

/**
 * Hears each camera or viewport change. `motion` is true for a change that may be one frame of
 * many (a pan, a zoom, an animated move), which is worth drawing from a bitmap; false for a
 * resize or a one-off placement, which is drawn from the notes at once.
 */
export type CameraListener = (camera: Camera, motion: boolean) => void;

/**
 * Holds the camera outside React: panning changes it 60 times a second, and re-rendering the
 * board for each frame would cost more than drawing it. Listeners apply it to the Konva stage.
 */
export class CameraController {
  private camera: Camera = { x: 0, y: 0, scale: 1 };
  private viewport: Size = { width: 1, height: 1 };
  private readonly listeners = new Set<CameraListener>();

  get(): Camera {
    return this.camera;
  }

  getViewport(): Size {
    return this.viewport;
  }

  /** A resize is not a motion (see CameraListener). */
  setViewport(size: Size): void {
    this.viewport = size;
    this.emit(false);
  }

  /** `motion: false` for a one-off placement, such as the starting view, that no frames follow. */
  set(camera: Camera, motion = true): void {
    if (camera.x === this.camera.x && camera.y === this.camera.y && camera.scale === this.camera.scale) return;
    this.camera = camera;
    this.emit(motion);
  }

  panBy(dx: number, dy: number): void {
    this.set(panBy(this.camera, dx, dy));
  }

  zoomAt(anchor: { x: number; y: number }, factor: number): void {
    this.set(zoomAt(this.camera, anchor, factor));
  }

  /** Zooms around the centre of the view, for buttons and keys that have no pointer. */
  zoomCentre(factor: number): void {
    this.zoomAt({ x: this.viewport.width / 2, y: this.viewport.height / 2 }, factor);
  }

  fit(rect: Rect, maxScale = 1): void {
    this.set(fitRect(rect, this.viewport, 24, maxScale));
  }

  subscribe(listener: CameraListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(motion: boolean): void {
    for (const listener of this.listeners) listener(this.camera, motion);
  }
}
