import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  addNote,
  createBoard,
  type DebugHook,
  joinAs,
  noteScreenRect,
  noteTexts,
  useE2eEnvironment,
  waitFor,
  waitForSaved,
} from './support/index.ts';

declare const window: { __costudio: DebugHook };
declare const document: { activeElement: { id: string } | null; querySelector(s: string): { textContent: string | null } | null };

/** The canvas mark's colour (canvas/theme.ts noteMark). */
const MARK_RGB = [0xb3, 0x47, 0x1d] as const;

/** Pixels of the mark's colour in a strip across the note's top edge, where its tag is drawn. */
async function markPixels(page: Page, id: string): Promise<number> {
  const rect = await noteScreenRect(page, id);
  const strip = { x: rect.x, y: rect.y - rect.height * 0.08, width: rect.width, height: rect.height * 0.16 };
  const png = PNG.sync.read(await page.screenshot({ clip: strip }));
  let count = 0;
  for (let offset = 0; offset < png.data.length; offset += 4) {
    const close = MARK_RGB.every((value, channel) => Math.abs((png.data[offset + channel] ?? 0) - value) <= 12);
    if (close) count++;
  }
  return count;
}

const markedOnCanvas = async (page: Page) => new Set(await page.evaluate(() => window.__costudio.markedNoteIds()));

describe("what's new since your last visit", () => {
  const env = useE2eEnvironment();

  it('marks exactly the notes added, changed or moved since this device last saw the board', async () => {
    const board = await createBoard(env.server, 'Between meetings');
    const { page: returning } = await joinAs(env.browser, board.url, 'Rita');
    const rewritten = await addNote(returning, 'Rewrite me');
    const moved = await addNote(returning, 'Move me');
    const untouched = await addNote(returning, 'Leave me');
    await waitForSaved(returning);
    // Leaving the board page records what this device saw.
    await returning.goto(env.server.url);

    const { page: other } = await joinAs(env.browser, board.url, 'Omar');
    await waitFor(async () => Object.keys(await noteTexts(other)).length === 3);
    await other.evaluate(
      ([textId, moveId]) => {
        const notes = window.__costudio.doc.getMap<Y.Map<unknown>>('notes');
        ((notes.get(textId as string) as Y.Map<unknown>).get('text') as Y.Text).insert(0, 'Rewritten: ');
        (notes.get(moveId as string) as Y.Map<unknown>).set('lane', 'decide');
      },
      [rewritten, moved],
    );
    const added = await addNote(other, 'New while you were away');
    await waitForSaved(other);

    await returning.goto(board.url);
    const bar = returning.getByRole('region', { name: "What's new" });
    await bar.getByText('3 notes added or changed since your last visit').waitFor({ timeout: 15_000 });
    // The canvas draws a "New" / "Changed" tag and outline on exactly those notes.
    await waitFor(async () => (await markedOnCanvas(returning)).size === 3);
    expect(await markedOnCanvas(returning)).toEqual(new Set([rewritten, moved, added]));
    await waitFor(async () => (await markPixels(returning, added)) > 20);
    expect(await markPixels(returning, untouched)).toBe(0);

    await returning.getByRole('button', { name: 'List', exact: true }).click();
    const marked = await returning.evaluate(() => document.querySelector('.whats-new style')?.textContent ?? '');
    const markedIds = [...marked.matchAll(/#lane-note-text-([\w-]+)/g)].map((match) => match[1]);
    expect(new Set(markedIds)).toEqual(new Set([rewritten, moved, added]));
    expect(markedIds).not.toContain(untouched);

    const focused = new Set<string>();
    for (let i = 0; i < 3; i++) {
      await bar.getByRole('button', { name: 'Next change' }).click();
      focused.add(await returning.evaluate(() => document.activeElement?.id ?? ''));
    }
    expect(focused).toEqual(new Set([rewritten, moved, added].map((id) => `lane-note-text-${id}`)));
    // Screen readers hear it too, in the polite live region.
    await waitFor(async () => (await returning.getByTestId('announcements').textContent())?.includes('3 notes added or changed'));

    // Dismiss clears the marks everywhere: the list outlines and the canvas tags.
    await bar.getByRole('button', { name: 'Dismiss' }).click();
    await returning.getByRole('button', { name: 'Board', exact: true }).click();
    await waitFor(async () => (await returning.evaluate(() => window.__costudio.drawnNoteIds().length)) === 4);
    expect(await markedOnCanvas(returning)).toEqual(new Set());
    await waitFor(async () => (await markPixels(returning, added)) === 0);
  });
});
