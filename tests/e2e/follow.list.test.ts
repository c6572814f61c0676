import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createLinkedBoard } from '../support/e2e/shareLinks.ts';
import { joinAs, laneAddButton, type Participant, useE2eEnvironment, waitFor } from './support/index.ts';

/**
 * Issue 12, item 7: "Bring everyone to me" and Follow reach a phone in the list view: its list
 * scrolls to the note (or lane) at the centre of the facilitator's canvas. Before the fix the
 * list did not move.
 */

interface Hook {
  camera: { set(camera: { x: number; y: number; scale: number }): void };
}
declare const window: { __costudio: Hook };

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
/** Board x of a lane's left edge: lanes are 360 wide with 24 between. */
const laneX = (index: number) => index * (360 + 24);

async function inView(page: Page, element: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  return box !== null && box.y >= 0 && box.y < height - 40;
}

/** The facilitator looks at lane `index`'s top, at scale 1, on their canvas. */
async function lookAt(page: Page, index: number): Promise<void> {
  const box = await page.locator('.board-canvas__surface').boundingBox();
  if (!box) throw new Error('no canvas');
  const x = box.width / 2 - (laneX(index) + 180);
  await page.evaluate((camera) => window.__costudio.camera.set(camera), { x, y: 0, scale: 1 });
}

describe('follow in the list view', () => {
  const env = useE2eEnvironment({ requireLinks: true });
  const people: Participant[] = [];
  afterAll(async () => {
    for (const person of people) await person.context.close().catch(() => {});
  });

  it('scrolls a phone’s list to what the facilitator is looking at, on a summon and when following', async () => {
    const board = await createLinkedBoard(env.server, 'Follow on a phone');
    const fay = await joinAs(env.browser, board.facilitateUrl, 'Fay', 'practitioner');
    const mo = await joinAs(env.browser, board.editUrl, 'Mo', 'lay', PHONE);
    people.push(fay, mo);

    // A note in Define and one in Decide, written from the facilitator's list.
    await fay.page.getByRole('button', { name: 'List', exact: true }).click();
    await laneAddButton(fay.page, 'Define').click();
    await fay.page.keyboard.type('Letters arrive late');
    await laneAddButton(fay.page, 'Decide').click();
    await fay.page.keyboard.type('Try text reminders first');
    await fay.page.getByRole('button', { name: 'Board', exact: true }).click();

    const decideNote = mo.page.getByRole('region', { name: 'Decide' }).getByRole('textbox').first();
    const defineNote = mo.page.getByRole('region', { name: 'Define' }).getByRole('textbox').first();
    await waitFor(async () => (await decideNote.inputValue()) === 'Try text reminders first', {
      message: 'the Decide note on the phone',
    });
    expect(await inView(mo.page, decideNote)).toBe(false);

    // "Bring everyone to me" is in the Facilitate panel, opened before the view is set (it narrows the canvas).
    await fay.page.getByRole('button', { name: 'Facilitate', exact: true }).click();
    await lookAt(fay.page, 3);
    await fay.page.getByRole('button', { name: 'Bring everyone to me' }).click();
    await waitFor(() => inView(mo.page, decideNote), { timeout: 10_000, message: 'the phone’s list at the Decide note' });
    await mo.page.getByText('Following Fay').waitFor();

    // Stop, then follow the facilitator by choice: the list goes where they look next.
    await mo.page.getByRole('button', { name: 'Stop following' }).tap();
    await mo.page.getByText('Stopped following.').waitFor();
    await mo.page.getByRole('button', { name: 'Follow the facilitator' }).tap();
    await lookAt(fay.page, 0);
    await waitFor(() => inView(mo.page, defineNote), { timeout: 10_000, message: 'the phone’s list at the Define note' });
  });
});
