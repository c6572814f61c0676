import { describe, expect, it } from 'vitest';
import {
  addNote,
  canvasCamera,
  createBoard,
  joinAs,
  noteScreenRect,
  useE2eEnvironment,
  waitFor,
  waitForSaved,
} from './support/index.ts';

describe('the text size setting on the canvas (issue 4)', () => {
  const env = useE2eEnvironment();

  it('draws notes twice as large at 200 %, at once and after a reload, starting at the Define lane', async () => {
    const board = await createBoard(env.server, 'Large text');
    const { page } = await joinAs(env.browser, board.url, 'Mo', 'lay', { viewport: { width: 1280, height: 800 } });
    await page.getByRole('application').waitFor();
    const id = await addNote(page, 'Big enough to read');
    const normal = await noteScreenRect(page, id);
    const zoomLevel = () => page.locator('.canvas-toolbar__zoom-level').textContent();
    const normalZoom = await zoomLevel();

    await page.getByRole('button', { name: 'Text size and sounds' }).click();
    await page.getByLabel('Text size', { exact: true }).selectOption('200');
    await page.getByRole('button', { name: 'Close' }).click();
    const large = await waitFor(
      async () => {
        const rect = await noteScreenRect(page, id);
        return rect.width > normal.width * 1.5 ? rect : null;
      },
      { message: 'the note to grow with the text' },
    );
    expect(large.width / normal.width).toBeCloseTo(2, 1);
    expect(await zoomLevel()).not.toBe(normalZoom);

    await page.reload();
    await waitForSaved(page);
    await page.getByRole('application').waitFor();
    const camera = await waitFor(async () => {
      const now = await canvasCamera(page);
      return now.scale > 1 ? now : null;
    });
    const reloaded = await noteScreenRect(page, id);
    expect(reloaded.width / normal.width).toBeCloseTo(2, 1);
    // The board starts at its left edge, so the Define lane (and this note in it) is in view.
    expect(camera.x).toBe(16);
    expect(reloaded.x + reloaded.width).toBeLessThan(1280);
  });
});
