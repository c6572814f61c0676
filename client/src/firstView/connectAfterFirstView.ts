import type { FirstView } from '@costudio/shared';
import type { NotesStore } from '../doc/NotesStore.ts';

/**
 * Longest the connection waits for the first view. A first view that is slow is slow because
 * the server is loading the board, which the connection would wait for just the same.
 */
export const FIRST_VIEW_MAX_WAIT_MS = 1_000;

/**
 * Shows the board's first view (at once when it is already in), then connects once a view has painted it: the document of a big
 * board takes the page's main thread for as long as it takes to decode (half a second for 10,000
 * notes on a laptop, more on a phone), so it must not arrive before the first view is on the screen. Connects at
 * once when there is no first view (or nothing in it), and after FIRST_VIEW_MAX_WAIT_MS at the latest. Returns a
 * function that cancels whatever has not happened yet.
 */
export function connectAfterFirstView(
  firstView: FirstView | null | Promise<FirstView | null>,
  notes: NotesStore,
  connect: () => void,
  { maxWaitMs = FIRST_VIEW_MAX_WAIT_MS, afterPaint = afterNextPaint }: ConnectOptions = {},
): () => void {
  let settled = false;
  let cancelWaits = () => {};
  const connectNow = () => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    cancelWaits();
    connect();
  };
  const timer = setTimeout(connectNow, maxWaitMs);
  const show = (view: FirstView | null) => {
    if (settled) return;
    if (!view || view.notes.length === 0) return connectNow();
    let cancelPaint = () => {};
    const stopListening = notes.onFirstViewDrawn(() => {
      cancelPaint = afterPaint(connectNow);
    });
    cancelWaits = () => {
      stopListening();
      cancelPaint();
    };
    notes.showFirstView(view.notes);
  };
  // Already in: shown now, so the board's first render has it.
  if (firstView instanceof Promise) firstView.then(show, connectNow);
  else show(firstView);
  return () => {
    settled = true;
    clearTimeout(timer);
    cancelWaits();
  };
}

export interface ConnectOptions {
  maxWaitMs?: number;
  /** Runs its argument once the frame being drawn has been painted; returns a cancel. */
  afterPaint?: (run: () => void) => () => void;
}

/** After the next frame is painted: its rendering, then a task of its own. */
function afterNextPaint(run: () => void): () => void {
  let timeout: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timeout = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timeout);
  };
}
