import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createBoard,
  drawnNoteIds,
  joinAs,
  noteScreenRect,
  noteTexts,
  type Participant,
  useE2eEnvironment,
  waitFor,
} from './support/index.ts';

/**
 * A person's own anonymous note cannot be edited from the session that posted it (editing would
 * write their Yjs client id into it and link it to them); the refusal is said, not silent.
 */

const MESSAGE = "You posted this anonymously. To keep it anonymous, it can't be changed from this device now.";
const TEXT = 'The waiting room is too loud';

describe('your own anonymous note, from the device that posted it', () => {
  const env = useE2eEnvironment();
  let people: Participant[];
  let poster: Page;
  let other: Page;
  let noteId: string;

  beforeAll(async () => {
    const board = await createBoard(env.server, 'Clinic visits');
    people = [await joinAs(env.browser, board.url, 'Lee', 'lay'), await joinAs(env.browser, board.url, 'Quinn', 'practitioner')];
    [poster, other] = people.map((person) => person.page) as [Page, Page];
    await poster.getByRole('button', { name: 'Post anonymously…' }).click();
    const dialog = poster.getByRole('dialog', { name: 'Post a note anonymously' });
    await dialog.getByLabel('Lane').selectOption({ label: 'Define' });
    await dialog.getByLabel('Your note').fill(TEXT);
    await dialog.getByRole('button', { name: 'Post anonymously' }).click();
    await dialog.waitFor({ state: 'hidden' });
    noteId = await waitFor(async () => Object.entries(await noteTexts(other)).find(([, text]) => text === TEXT)?.[0], {
      message: "the anonymous note in the other person's doc",
    });
  });

  it('is read-only in the lane list, with the reason tied to the field', async () => {
    await poster.getByRole('button', { name: 'List' }).click();
    const field = poster.getByRole('region', { name: 'Define' }).getByRole('textbox', { name: 'Note by a lay participant' });
    expect(await field.inputValue()).toBe(TEXT);
    expect(await field.getAttribute('readonly')).not.toBeNull();
    const describedBy = await field.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    const explanation = poster.locator(`[id="${describedBy}"]`);
    expect(await explanation.textContent()).toBe(MESSAGE);
    expect(await explanation.isVisible()).toBe(true);

    await field.click();
    await poster.keyboard.press('End');
    await poster.keyboard.type(' edited');
    expect(await field.inputValue()).toBe(TEXT);
    expect((await noteTexts(poster))[noteId]).toBe(TEXT);
  });

  it('does not open the canvas editor: it shows the reason next to the note instead', async () => {
    await poster.getByRole('button', { name: 'Board', exact: true }).click();
    await poster.getByRole('application').waitFor();
    await waitFor(async () => (await drawnNoteIds(poster)).includes(noteId), { message: 'the note drawn on the canvas' });
    const rect = await noteScreenRect(poster, noteId);
    const centre = { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    const message = poster.getByText(MESSAGE);
    // The canvas ignores pointers while its camera settles (useStageCamera), so click until the
    // note responds; a click that misses lands on the empty lane and changes nothing.
    await waitFor(
      async () => {
        await poster.mouse.click(centre.x, centre.y);
        return message.isVisible();
      },
      { timeout: 10_000, interval: 250, message: 'the reason shown after clicking the note' },
    );
    expect(await poster.locator('textarea.note-editor__text').count()).toBe(0);
    // Near the note: the message's box starts within a note's height of it.
    const box = await message.boundingBox();
    expect(box && Math.abs(box.y - rect.y) < rect.height + 60).toBe(true);
    // The message's button has focus, so keys typed now go nowhere near the note.
    await poster.keyboard.type('typed');
    // A double click, the usual way to edit, must not reach the canvas and add a note instead.
    await poster.mouse.dblclick(centre.x, centre.y);
    expect(await message.isVisible()).toBe(true);
    expect(await noteTexts(poster)).toEqual({ [noteId]: TEXT });

    await poster.getByRole('button', { name: 'OK' }).click();
    await message.waitFor({ state: 'detached' });
    expect(await noteTexts(poster)).toEqual({ [noteId]: TEXT });
    // Nothing changed on its way to anyone else either.
    expect((await noteTexts(other))[noteId]).toBe(TEXT);
  });

  it('raised no page errors', () => {
    for (const person of people) expect(person.problems.all()).toEqual([]);
  });
});
