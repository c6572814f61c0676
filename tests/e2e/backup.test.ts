import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  addNote,
  createBoard,
  fillJoinForm,
  joinBoardPage,
  newContext,
  noteTexts,
  useE2eEnvironment,
  waitFor,
  waitForSaved,
} from './support/index.ts';

/** BOARD_WIDTH (6 lanes × 360 + 5 gaps × 24) plus the picture's 24 px margins. */
const PICTURE_WIDTH = 6 * 360 + 5 * 24 + 2 * 24;
const YELLOW = [0xff, 0xf3, 0xa3];

describe('backups from the browser', () => {
  const env = useE2eEnvironment();

  it('downloads the whole board as a PNG and as JSON, and imports the JSON as a new board', async () => {
    const board = await createBoard(env.server, 'Clinic redesign');
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await joinBoardPage(page, board.url, 'Ida');
    await addNote(page, 'First idea');
    await addNote(page, 'Second idea');
    await waitForSaved(page);
    const original = Object.values(await noteTexts(page)).sort();
    await page.getByRole('button', { name: 'History & backups' }).click();

    const [picture] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download picture (PNG)' }).click(),
    ]);
    expect(picture.suggestedFilename()).toBe('Clinic redesign.png');
    const png = PNG.sync.read(await readFile(await picture.path()));
    expect(png.width).toBe(PICTURE_WIDTH);
    expect(png.height).toBeGreaterThan(300);
    let yellow = 0;
    let white = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
      if (r === YELLOW[0] && g === YELLOW[1] && b === YELLOW[2]) yellow++;
      if (r === 255 && g === 255 && b === 255) white++;
    }
    // Two yellow notes of 200 × 140, minus their text and border; the rest is not blank either.
    expect(yellow).toBeGreaterThan(2 * 200 * 140 * 0.7);
    expect(white).toBeLessThan(png.width * png.height * 0.9);

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download board (JSON)' }).click(),
    ]);
    expect(json.suggestedFilename()).toBe('Clinic redesign.costudio.json');
    const file = JSON.parse(await readFile(await json.path(), 'utf8')) as { format: string; notes: unknown[] };
    expect(file.format).toBe('costudio-board');
    expect(file.notes).toHaveLength(2);

    await page.getByLabel('Import a board from a JSON file').setInputFiles(await json.path());
    await waitFor(() => page.url() !== board.url && page.url().includes('/b/'), { message: 'the imported board opened' });
    // A new board: this device joins it like any other.
    await fillJoinForm(page, 'Ida', 'lay');
    await waitFor(async () => {
      expect(Object.values(await noteTexts(page)).sort()).toEqual(original);
      return true;
    });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Clinic redesign');
  });
});
