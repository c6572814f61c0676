import type { Locator, Page } from 'playwright-core';
import { noteTexts } from './boardDoc.ts';
import { waitFor } from './waitFor.ts';

/** The two roles of the join form. */
export type JoinRole = 'lay' | 'practitioner';

/** The join form's radio button for each role, by its accessible name. */
const ROLE_CHOICE: Record<JoinRole, RegExp> = { lay: /patient, carer/, practitioner: /As a practitioner/ };

/** Waits until the status says `text` (e.g. "Offline"). */
export async function waitForStatus(page: Page, text: string, timeout = 15_000): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).first().waitFor({ timeout });
}

/** Waits until the relay has confirmed the board is loaded and everything written here is saved. */
export async function waitForSaved(page: Page): Promise<void> {
  await waitForStatus(page, 'All changes saved', 30_000);
}

/** Fills the join form already on screen (name, role) and joins, without waiting for the board. */
export async function submitJoinForm(page: Page, name: string, role: JoinRole = 'lay'): Promise<void> {
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('radio', { name: ROLE_CHOICE[role] }).check();
  await page.getByRole('button', { name: 'Join the board' }).click();
}

/** Fills the join form already on screen (name, role), joins, and waits until the board is saved. */
export async function fillJoinForm(page: Page, name: string, role: JoinRole = 'lay'): Promise<void> {
  await submitJoinForm(page, name, role);
  await waitForSaved(page);
}

/**
 * Makes a board called `title` on the start page at `serverUrl`, as a facilitator does, and
 * waits for its page; the browser profile then holds the board's facilitator link.
 */
export async function createBoardOnStartPage(page: Page, serverUrl: string, title: string): Promise<void> {
  await page.goto(serverUrl);
  await page.getByLabel('Board name').fill(title);
  await page.getByRole('button', { name: 'New board' }).click();
  await page.waitForURL(/\/b\//);
}

/** Opens a board, joins with a name and role, and waits until it is synced and saved. */
export async function joinBoardPage(page: Page, url: string, name: string, role: JoinRole = 'lay'): Promise<void> {
  await page.goto(url);
  await fillJoinForm(page, name, role);
}

/** Adds a note with the toolbar button, types `text` into it, closes the editor; returns its id. */
export async function addNote(page: Page, text: string): Promise<string> {
  const before = new Set(Object.keys(await noteTexts(page)));
  await page.getByRole('button', { name: /^Add note/ }).click();
  const id = await waitFor(async () => Object.keys(await noteTexts(page)).find((key) => !before.has(key)), {
    message: 'the new note in the doc',
  });
  await page.keyboard.type(text);
  await waitFor(async () => (await noteTexts(page))[id] === text, { message: `"${text}" in the note` });
  await page.keyboard.press('Escape');
  return id;
}

/**
 * Adds a note on the canvas with the toolbar button, fills its editor in one go and closes it,
 * waiting on the editor alone (no debug hook), as the voting tests do.
 */
export async function fillNewNote(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: /^Add note/ }).click();
  const field = page.locator('textarea.note-editor__text');
  await field.waitFor();
  await field.fill(text);
  await page.keyboard.press('Escape');
  await field.waitFor({ state: 'detached' });
}

/** The lane list's "Add note" button of one lane, e.g. `laneAddButton(page, 'Define').click()`. */
export function laneAddButton(page: Page, lane: string): Locator {
  return page.getByRole('region', { name: lane }).getByRole('button', { name: /^Add note/ });
}

/** A note in the lane list, found by its words in the board (so in any language of the interface). */
export async function laneListNote(page: Page, text: string): Promise<Locator> {
  const id = await waitFor(async () => Object.entries(await noteTexts(page)).find(([, value]) => value === text)?.[0], {
    message: `a note "${text}"`,
  });
  return page.locator('.lane-note').filter({ has: page.locator(`#lane-note-text-${id}`) });
}

// Kept for tests that import the doc reader from here; it lives in boardDoc.ts.
export { noteTexts } from './boardDoc.ts';

/**
 * A tool of the canvas's toolbar: on a narrow screen undo, zoom and "Fit board" are under its
 * "Tools" button, which this opens if the tool is not in sight.
 */
export async function canvasTool(page: Page, control: Locator): Promise<Locator> {
  if (await control.isVisible()) return control;
  const tools = page.getByRole('toolbar', { name: 'Board tools' }).getByRole('button', { name: 'Tools', exact: true });
  if ((await tools.isVisible()) && (await tools.getAttribute('aria-expanded')) !== 'true') await tools.click();
  await control.waitFor();
  return control;
}

/**
 * Makes a header control reachable and returns it: on a phone the less-used ones are under
 * "More" (board/MoreMenu.tsx), which this opens when the control is not on screen.
 */
export async function headerControl(page: Page, control: Locator): Promise<Locator> {
  // A dialog opened from "More" keeps the menu open until its 'close' event, a task queued after
  // the click that closed it: let that run first, or the menu folds away under the next click.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  if (await control.isVisible()) return control;
  const more = page.getByRole('button', { name: 'More', exact: true });
  if ((await more.isVisible()) && (await more.getAttribute('aria-expanded')) !== 'true') await more.click();
  await control.waitFor();
  return control;
}
