import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { CameraController } from '../canvas/CameraController.ts';

/**
 * `window.__costudio`: a test and debugging hook, not an API. End-to-end tests and benchmarks
 * use it to reach the live Y.Doc and provider and to find where a note is drawn on the canvas
 * (a canvas has no DOM to query). `noteScreenRect` returns the rectangle where the note is
 * drawn, in CSS pixels relative to the page viewport (what page.mouse uses), or null for an
 * unknown note; `drawnNoteIds` lists the notes drawn at full detail right now (culling leaves
 * out notes far from the view, and far-out zoom draws notes as plain shapes without ids);
 * `markedNoteIds` lists those of them drawn with a "New" or "Changed" mark (issue 6);
 * `noteDots` is the dot count drawn on a note during an open vote ("Yours: 1 · All: 3"), or null;
 * `listNoteRenders` counts the renders of each note item in the lane list, by note id (issue 12:
 * typing in one note must not re-render the others).
 * `noteFontSize` is the note body text size in board units (times the camera's scale: CSS px);
 * `bylineFontSize` and `promptFontSize` the same for bylines and lane prompts; `noteByline` is the
 * byline as drawn on a note (a cut one ends in "…"), or null.
 */
export interface CostudioDebugHook {
  doc: Y.Doc | null;
  provider: WebsocketProvider | null;
  camera: CameraController | null;
  noteFontSize: number | null;
  bylineFontSize: number | null;
  promptFontSize: number | null;
  noteScreenRect(id: string): { x: number; y: number; width: number; height: number } | null;
  drawnNoteIds(): string[];
  markedNoteIds(): string[];
  noteDots(id: string): string | null;
  noteByline(id: string): string | null;
  listNoteRenders(): Record<string, number>;
}

declare global {
  interface Window {
    __costudio?: CostudioDebugHook;
  }
}

function hook(): CostudioDebugHook {
  window.__costudio ??= {
    doc: null,
    provider: null,
    camera: null,
    noteFontSize: null,
    bylineFontSize: null,
    promptFontSize: null,
    noteScreenRect: () => null,
    drawnNoteIds: () => [],
    markedNoteIds: () => [],
    noteDots: () => null,
    noteByline: () => null,
    listNoteRenders: () => ({}),
  };
  return window.__costudio;
}

/** Sets parts of the hook; the returned function clears them again. */
export function setDebugHook(parts: Partial<CostudioDebugHook>): () => void {
  Object.assign(hook(), parts);
  return () => {
    const current = hook();
    for (const key of Object.keys(parts) as (keyof CostudioDebugHook)[]) {
      if (current[key] !== parts[key]) continue;
      if (key === 'noteScreenRect') current.noteScreenRect = () => null;
      else if (key === 'drawnNoteIds') current.drawnNoteIds = () => [];
      else if (key === 'markedNoteIds') current.markedNoteIds = () => [];
      else if (key === 'noteDots') current.noteDots = () => null;
      else if (key === 'noteByline') current.noteByline = () => null;
      else if (key === 'listNoteRenders') current.listNoteRenders = () => ({});
      else current[key] = null;
    }
  };
}
