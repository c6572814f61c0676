import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createLinkedBoard } from '../support/e2e/shareLinks.ts';
import { joinAs, type Participant, useE2eEnvironment, waitFor } from './support/index.ts';

/**
 * Issue 12, item 1: each reason a board cannot be changed gets its own words. A view-only link
 * is a quiet status; a lock by the facilitator says so and that it opens again; only a board
 * from a newer Costudio asks for a reload (board.canvas.test.ts covers that one). Before the fix
 * every read-only page showed the newer-version alert.
 */

const VIEWING = 'You are viewing this board. You can follow along but not change it.';
const LOCKED = 'The facilitator has locked the board';
const UNLOCK_AGAIN = 'It will open again when they unlock it.';

/** No read-only page may tell people to reload, or raise an alert, unless the board is too new. */
async function expectNoWrongAlert(page: Page): Promise<void> {
  expect(await page.getByText(/newer version of Costudio/).count()).toBe(0);
  expect(await page.getByText(/Reload the page/).count()).toBe(0);
  expect(await page.getByRole('alert').count()).toBe(0);
}

describe('why a board cannot be changed', () => {
  const env = useE2eEnvironment({ requireLinks: true });
  const people: Participant[] = [];
  afterAll(async () => {
    for (const person of people) await person.context.close().catch(() => {});
  });

  it('says "viewing" to a view-only link and "locked" to participants while the facilitator locks the board', async () => {
    const board = await createLinkedBoard(env.server, 'Ward discharge');
    const fay = await joinAs(env.browser, board.facilitateUrl, 'Fay', 'practitioner');
    const pat = await joinAs(env.browser, board.editUrl, 'Pat', 'lay');
    const val = await joinAs(env.browser, board.viewUrl, 'Val', 'lay');
    people.push(fay, pat, val);

    await val.page
      .getByText(/You are viewing this board/)
      .first()
      .waitFor();
    await expectNoWrongAlert(val.page);
    await val.page.getByText(VIEWING).waitFor();
    expect(await val.page.getByText(/You are viewing this board/).count()).toBe(1);
    for (const person of [fay, pat]) {
      expect(await person.page.getByText(/You are viewing this board/).count()).toBe(0);
      await expectNoWrongAlert(person.page);
    }

    await fay.page.getByRole('button', { name: 'Facilitate', exact: true }).click();
    await fay.page.getByRole('button', { name: 'Lock board' }).click();
    const notice = pat.page.getByText(LOCKED);
    await notice.waitFor();
    expect(await notice.count()).toBe(1);
    expect(await notice.textContent()).toContain(UNLOCK_AGAIN);
    await expectNoWrongAlert(pat.page);
    // For the observer nothing changed: their link was never for changing the board.
    expect(await val.page.getByText(VIEWING).count()).toBe(1);
    await expectNoWrongAlert(val.page);
    expect(await fay.page.getByText(LOCKED).count()).toBe(0);
    await expectNoWrongAlert(fay.page);

    await fay.page.getByRole('button', { name: 'Unlock board' }).click();
    await waitFor(async () => (await pat.page.getByText(LOCKED).count()) === 0, { message: 'the lock notice to go' });
    await pat.page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    await expectNoWrongAlert(pat.page);
    // The view-only link is still only viewing.
    await val.page.getByText(VIEWING).waitFor();
  });
});
