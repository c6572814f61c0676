import type { Browser, Locator, Page } from 'playwright-core';
import { waitForSaved } from './boardPage.ts';
import { joinAs, openParticipant, type Participant } from './participants.ts';

/**
 * Presses Tab (Shift+Tab with `backwards`) until `target` has focus, as a keyboard user would;
 * fails after `maxPresses` so a focus trap or an unreachable control is a clear error.
 */
export async function tabTo(page: Page, target: Locator, { maxPresses = 60, backwards = false } = {}): Promise<void> {
  for (let presses = 0; presses <= maxPresses; presses++) {
    const focused = await target.evaluate((element) => element === document.activeElement).catch(() => false);
    if (focused) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Could not reach ${target} with ${maxPresses} presses of Tab`);
}

/** Whether the element is the one with keyboard focus now. */
export function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement);
}

/** Opens a board and joins with the keyboard alone: name, the first role (lay), then the join button. */
export async function joinWithKeyboard(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await tabTo(page, page.getByLabel('Your name'));
  await page.keyboard.type(name);
  await tabTo(page, page.getByRole('radio', { name: /patient, carer/ }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: 'Join the board' }));
  await page.keyboard.press('Enter');
  await waitForSaved(page);
}

/**
 * The keyboard tests' pair on one board: Alice (lay) joins with the keyboard alone; Bob
 * (practitioner) joins and watches in the lane list, so his DOM shows where her notes are.
 */
export async function keyboardUserAndListWatcher(
  browser: Browser,
  boardUrl: string,
): Promise<{ alice: Participant; bob: Participant }> {
  const alice = await openParticipant(browser);
  await joinWithKeyboard(alice.page, boardUrl, 'Alice');
  const bob = await joinAs(browser, boardUrl, 'Bob', 'practitioner');
  await bob.page.getByRole('button', { name: 'List' }).click();
  return { alice, bob };
}
