import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createLinkedBoard } from '../support/e2e/shareLinks.ts';
import {
  isFocused,
  joinAs,
  laneAddButton,
  noteIds,
  noteTexts,
  type Participant,
  useE2eEnvironment,
  waitFor,
} from './support/index.ts';

/**
 * Issue 12, item 2: while the facilitator runs private writing, every way of adding a note —
 * the toolbar's Add note, a double-click on the canvas, N, the list's Add note — leads to the
 * person's private note, never onto the board everyone sees, and an anonymous post waits until
 * private writing ends; the facilitator's reveal still brings the notes out. Before the fix each
 * of them posted a public note.
 */

interface CameraHook {
  camera: { get(): { x: number; y: number; scale: number } };
}
declare const window: { __costudio: CameraHook };

const LANE_WIDTH = 360;
const LANE_GAP = 24;

/** The private note field, once Add note has led the person to it (or a public note appeared). */
async function ledToPrivateNote(page: Page, lane: string): Promise<void> {
  const field = page.getByLabel('Private note', { exact: true });
  await waitFor(async () => (await noteIds(page)).length > 0 || (await isFocused(field)), {
    message: 'Add note to lead somewhere',
  });
  expect(await noteIds(page)).toEqual([]);
  expect(await isFocused(field)).toBe(true);
  const form = page.getByRole('region', { name: 'Private writing' });
  expect(await form.getByRole('combobox', { name: /^Lane/ }).inputValue()).toBe(lane);
}

describe('Add note during private writing', () => {
  const env = useE2eEnvironment({ requireLinks: true });
  const people: Participant[] = [];
  afterAll(async () => {
    for (const person of people) await person.context.close().catch(() => {});
  });

  it('writes into the private note by every path, and the reveal still works', async () => {
    const board = await createLinkedBoard(env.server, 'Quiet ideas');
    const fay = await joinAs(env.browser, board.facilitateUrl, 'Fay', 'practitioner');
    const wyn = await joinAs(env.browser, board.editUrl, 'Wyn', 'lay');
    const lee = await joinAs(env.browser, board.editUrl, 'Lee', 'lay');
    people.push(fay, wyn, lee);
    await lee.page.getByRole('button', { name: 'List', exact: true }).click();

    await fay.page.getByRole('button', { name: 'Facilitate', exact: true }).click();
    await fay.page.getByRole('button', { name: 'Start private writing' }).click();
    await wyn.page.getByLabel('Private note', { exact: true }).waitFor();

    // The toolbar's Add note.
    await wyn.page
      .getByRole('button', { name: /^Add note/ })
      .first()
      .click();
    await ledToPrivateNote(wyn.page, 'define');
    await wyn.page.keyboard.type('Nobody explains the letters');
    await wyn.page.getByRole('button', { name: 'Add private note' }).click();
    await wyn.page.getByRole('list', { name: 'Your private notes' }).getByText('Nobody explains the letters').waitFor();

    // A double-click on the canvas, in the second lane.
    const box = await wyn.page.locator('.board-canvas__surface').boundingBox();
    if (!box) throw new Error('no canvas');
    const camera = await wyn.page.evaluate(() => window.__costudio.camera.get());
    await wyn.page.mouse.dblclick(
      box.x + camera.x + (LANE_WIDTH + LANE_GAP + LANE_WIDTH / 2) * camera.scale,
      box.y + camera.y + 400 * camera.scale,
    );
    await ledToPrivateNote(wyn.page, 'design');

    // The N key on the canvas, with Decide chosen (4).
    await wyn.page.getByRole('application').focus();
    await wyn.page.keyboard.press('4');
    await wyn.page.keyboard.press('n');
    await ledToPrivateNote(wyn.page, 'decide');

    // The list's Add note, on a phone-sized view.
    await laneAddButton(lee.page, 'Deliver').click();
    await ledToPrivateNote(lee.page, 'deliver');
    await lee.page.keyboard.type('A named person to call');
    await lee.page.getByRole('button', { name: 'Add private note' }).click();
    await lee.page.getByRole('list', { name: 'Your private notes' }).getByText('A named person to call').waitFor();

    // Posting anonymously is not a way round it: it waits, and says why.
    await wyn.page.getByRole('button', { name: 'Post anonymously…' }).click();
    const dialog = wyn.page.getByRole('dialog', { name: 'Post a note anonymously' });
    await dialog.getByLabel('Your note').fill('Said out loud it sounds petty');
    await dialog.getByRole('button', { name: 'Post anonymously' }).click();
    await dialog.getByText(/Private writing is on/).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Nothing reached the public board.
    for (const person of people) expect(await noteIds(person.page)).toEqual([]);

    await fay.page.getByRole('button', { name: 'Reveal private notes' }).click();
    await fay.page.getByText('Revealed 2 private notes.').waitFor();
    for (const person of people) {
      await waitFor(
        async () =>
          Object.values(await noteTexts(person.page))
            .sort()
            .join('|') === 'A named person to call|Nobody explains the letters',
        { message: `the revealed notes on ${await person.page.title()}` },
      );
    }
  });
});
