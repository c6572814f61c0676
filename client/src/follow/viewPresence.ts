import type { Awareness } from 'y-protocols/awareness';
import type { CameraController } from '../canvas/CameraController.ts';
import { type Rect, visibleRect } from '../canvas/camera.ts';

/** Awareness field with the part of the board a person sees, in board coordinates. */
export const VIEW_FIELD = 'view';
/**
 * Awareness field set by facilitators, so the projector knows whom to follow. The relay keeps it
 * only on states from facilitator links (shared/src/protocol/presence.ts), so it can be trusted.
 */
export { FACILITATES_FIELD } from '@costudio/shared';

const PUBLISH_INTERVAL_MS = 100;
/** Following may zoom in as far as the person followed, but no further than this. */
const MAX_FOLLOW_SCALE = 8;

/** Another person's view, validated: awareness comes from other browsers. */
export function readView(state: unknown): Rect | null {
  const view = (state as Record<string, unknown> | null)?.[VIEW_FIELD] as Partial<Rect> | undefined;
  if (!view) return null;
  const { x, y, width, height } = view;
  if (![x, y, width, height].every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  if ((width as number) <= 0 || (height as number) <= 0) return null;
  return view as Rect;
}

/** Shares this person's view in awareness (at most every 100 ms) so others can follow it. */
export function publishView(awareness: Awareness, camera: CameraController): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const send = () => {
    timer = null;
    const rect = visibleRect(camera.get(), camera.getViewport());
    awareness.setLocalStateField(VIEW_FIELD, {
      x: Math.round(rect.x),
      y: Math.round(rect.y),
      width: Math.round(rect.width),
      height: Math.round(rect.height),
    });
  };
  const unsubscribe = camera.subscribe(() => {
    timer ??= setTimeout(send, PUBLISH_INTERVAL_MS);
  });
  send();
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}

/** Shows exactly what `view` shows, as large as this screen allows. */
export function showView(camera: CameraController, view: Rect): void {
  camera.fit(view, MAX_FOLLOW_SCALE);
}
