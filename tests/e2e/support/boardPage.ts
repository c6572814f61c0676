import type { Page } from 'playwright-core';
import { waitFor } from './waitFor.ts';

/** What the board exposes on window.__costudio (client/src/debug/debugHook.ts), as these tests use it. */
interface NotesHook {
  doc: { getMap(name: string): { forEach(fn: (value: { get(field: string): unknown }, key: string) => void): void } };
}
declare const window: { __costudio: NotesHook };

/** Opens a board, joins with a name and role, and waits until it is synced and saved. */
export async function joinBoardPage(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('radio', { name: /patient, carer/ }).check();
  await page.getByRole('button', { name: 'Join the board' }).click();
  await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor({ timeout: 15_000 });
}

/** note id → text, from the page's live doc. */
export function noteTexts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const texts: Record<string, string> = {};
    window.__costudio.doc.getMap('notes').forEach((note, id) => {
      texts[id] = String(note.get('text') ?? '');
    });
    return texts;
  });
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

export async function waitForStatus(page: Page, text: string, timeout = 15_000): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).first().waitFor({ timeout });
}
