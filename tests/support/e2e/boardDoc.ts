import type { Page } from 'playwright-core';
import type * as Y from 'yjs';
import type { DebugHook } from './debugHook.ts';

declare const window: { __costudio: DebugHook };

export interface Camera {
  x: number;
  y: number;
  scale: number;
}

export interface ScreenRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Ids of the notes in the page's own Y.Doc, in map order. */
export function noteIds(page: Page): Promise<string[]> {
  return page.evaluate(() => [...window.__costudio.doc.getMap('notes').keys()]);
}

/** A field of a note in the page's own Y.Doc; Y.Text comes back as its string. */
export function noteField(page: Page, id: string, field: string): Promise<unknown> {
  return page.evaluate(
    ([noteId, name]) => {
      const value = window.__costudio.doc
        .getMap<Y.Map<unknown>>('notes')
        .get(noteId as string)
        ?.get(name as string);
      return value === undefined || typeof value !== 'object' || value === null ? value : String(value);
    },
    [id, field],
  );
}

/** note id → text, from the page's live doc. */
export function noteTexts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const texts: Record<string, string> = {};
    window.__costudio.doc.getMap<Y.Map<unknown>>('notes').forEach((note, id) => {
      texts[id] = String(note.get('text') ?? '');
    });
    return texts;
  });
}

/** Ids of the notes the canvas has actually drawn. */
export function drawnNoteIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__costudio.drawnNoteIds());
}

/** Where a note is on screen, in page coordinates; fails when it is not on the canvas. */
export async function noteScreenRect(page: Page, id: string): Promise<ScreenRect> {
  const rect = await page.evaluate((noteId) => window.__costudio.noteScreenRect(noteId), id);
  if (!rect) throw new Error(`note ${id} is not on the canvas`);
  return rect;
}

/** The canvas camera now: board-to-screen offset and scale. */
export function canvasCamera(page: Page): Promise<Camera> {
  return page.evaluate(() => window.__costudio.camera.get());
}
