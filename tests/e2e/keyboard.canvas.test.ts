import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createBoard,
  type DebugHook,
  isFocused,
  keyboardUserAndListWatcher,
  noteField,
  noteIds,
  type Participant,
  screenshotForReview,
  tabTo,
  useE2eEnvironment,
  waitFor,
} from './support/index.ts';

declare const window: { __costudio: DebugHook };

/** Whether a dark focus ring is drawn just outside the note's left edge (canvas pixels, not DOM). */
async function focusRingDrawn(page: Page, id: string): Promise<boolean> {
  const rect = await page.evaluate((noteId) => window.__costudio.noteScreenRect(noteId), id);
  if (!rect) return false;
  const png = PNG.sync.read(
    await page.screenshot({ clip: { x: rect.x - 10, y: rect.y + rect.height / 2, width: 10, height: 1 } }),
  );
  for (let x = 0; x < png.width; x++) {
    const offset = x * 4;
    const sum = (png.data[offset] ?? 255) + (png.data[offset + 1] ?? 255) + (png.data[offset + 2] ?? 255);
    if (sum < 200) return true;
  }
  return false;
}

const canvasFocusText = (page: Page) =>
  page.locator('[data-testid="canvas-focus"]').evaluate((region) => region.textContent ?? '');

describe('the canvas with the keyboard alone', () => {
  const env = useE2eEnvironment();
  let people: Participant[];
  let alice: Page;
  let bob: Page;
  let noteId: string;

  beforeAll(async () => {
    const { url } = await createBoard(env.server, 'Outpatient letters');
    const pair = await keyboardUserAndListWatcher(env.browser, url);
    people = [pair.alice, pair.bob];
    [alice, bob] = people.map((person) => person.page) as [Page, Page];
  });

  it('adds a note to Define with 1 and N, and writes in it', async () => {
    await tabTo(alice, alice.getByRole('application'));
    await alice.keyboard.press('1');
    await waitFor(async () => (await canvasFocusText(alice)).startsWith('Define lane'), { message: 'Define chosen' });
    await alice.keyboard.press('n');
    noteId = await waitFor(async () => (await noteIds(bob))[0], { message: "the note in Bob's doc" });
    expect(await noteField(bob, noteId, 'lane')).toBe('define');
    await alice.keyboard.type('Letters come after the appointment');
    await waitFor(async () => (await noteField(bob, noteId, 'text')) === 'Letters come after the appointment');
    const bobField = bob.getByRole('region', { name: 'Define' }).getByRole('textbox', { name: /^Note by Alice/ });
    await waitFor(async () => (await bobField.inputValue()) === 'Letters come after the appointment');
  });

  it('leaves the editor with Escape onto the note, drawn with a focus ring and described', async () => {
    await alice.keyboard.press('Escape');
    await waitFor(() => isFocused(alice.getByRole('application')));
    await waitFor(() => focusRingDrawn(alice, noteId), { message: 'a focus ring drawn on the canvas' });
    await screenshotForReview(alice, 'desktop-canvas-keyboard-focus');
    expect(await canvasFocusText(alice)).toBe(
      // The note's status is read too (issue 16): nobody has replied or linked to it yet.
      'Define, note 1 of 1, by Alice (Lay participant): Letters come after the appointment. Status: Said.',
    );
  });

  it('moves it to Decide with M and the "Move to lane…" dialog', async () => {
    await alice.keyboard.press('m');
    const dialog = alice.getByRole('dialog', { name: 'Move to lane…' });
    await dialog.waitFor();
    await tabTo(alice, dialog.getByRole('button', { name: 'Decide' }));
    await alice.keyboard.press('Enter');
    await waitFor(async () => (await noteField(bob, noteId, 'lane')) === 'decide', { message: "Decide in Bob's doc" });
    await bob
      .getByRole('region', { name: 'Decide' })
      .getByRole('textbox', { name: /^Note by Alice/ })
      .waitFor();
    // Focus is back on the canvas, still on the note, which the camera brought into view.
    await waitFor(() => isFocused(alice.getByRole('application')));
    await waitFor(() => focusRingDrawn(alice, noteId), { message: 'the ring on the moved note' });
  });

  it('deletes it with Delete, and Control+Z brings it back', async () => {
    await alice.keyboard.press('Delete');
    await waitFor(async () => (await noteIds(bob)).length === 0, { message: "the note gone from Bob's doc" });
    await waitFor(async () => (await bob.getByRole('region', { name: 'Decide' }).getByRole('textbox').count()) === 0);
    expect(await canvasFocusText(alice)).toContain('Note deleted');
    await alice.keyboard.press('Control+z');
    await waitFor(async () => (await noteIds(bob)).includes(noteId), { message: "the note back in Bob's doc" });
  });

  it('goes from note to note with Tab and arrows, and Tab leaves after the last', async () => {
    await alice.keyboard.press('Tab');
    await waitFor(async () => (await canvasFocusText(alice)).startsWith('Decide, note 1 of 1'));
    await alice.keyboard.press('Tab');
    await waitFor(async () => !(await isFocused(alice.getByRole('application'))), { message: 'Tab to leave the canvas' });
  });

  it('raised no page errors', () => {
    for (const person of people) expect(person.problems.all()).toEqual([]);
  });
});
