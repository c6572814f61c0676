import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createLinkedBoard } from '../support/e2e/shareLinks.ts';
import { addNote, joinAs, type Participant, useE2eEnvironment, waitFor } from './support/index.ts';

/**
 * Issue 12, item 4: when the facilitator opens a vote, every participant — on the canvas and on
 * a phone in the list view — sees a notice with a button to the vote, and a screen reader hears
 * it; it goes once they open the vote, or when the vote closes. Before the fix nothing told them.
 */

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const OPENED = 'The facilitator has opened a vote.';

const notice = (page: Page) => page.getByTestId('vote-opened-notice');

/** The notice is on screen, not just in the page: a phone user scrolled down the list sees it too. */
async function expectNoticeInView(page: Page): Promise<void> {
  await notice(page).getByText(OPENED).waitFor({ timeout: 10_000 });
  const box = await notice(page).boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport && box.y >= 0 && box.y + box.height <= viewport.height).toBe(true);
}

type Box = { y: number; height: number } | null;

/** Whether `box` ends above where `cover` starts: nothing of it is under the notice. */
function isAbove(box: Box, cover: Box): boolean {
  return box !== null && cover !== null && box.y + box.height <= cover.y + 0.5;
}

describe('a vote opens', () => {
  const env = useE2eEnvironment({ requireLinks: true });
  const people: Participant[] = [];
  afterAll(async () => {
    for (const person of people) await person.context.close().catch(() => {});
  });

  it('tells every participant, with a way to the vote, on the canvas and on a phone', async () => {
    const board = await createLinkedBoard(env.server, 'Choosing together');
    const fay = await joinAs(env.browser, board.facilitateUrl, 'Fay', 'practitioner');
    const pat = await joinAs(env.browser, board.editUrl, 'Pat', 'lay');
    const mo = await joinAs(env.browser, board.editUrl, 'Mo', 'lay', PHONE);
    people.push(fay, pat, mo);
    await addNote(fay.page, 'Evening clinics');
    await mo.page.getByRole('region', { name: 'Define' }).getByRole('textbox').first().waitFor();
    // The phone user is reading further down the list.
    await mo.page.getByRole('region', { name: 'Decide' }).scrollIntoViewIfNeeded();
    for (const person of people) expect(await notice(person.page).count()).toBe(0);

    await fay.page.getByRole('button', { name: 'Votes and results' }).click();
    await fay.page.getByRole('button', { name: 'Open vote' }).click();

    for (const person of [pat, mo]) {
      await expectNoticeInView(person.page);
      await waitFor(async () => ((await person.page.getByTestId('announcements').textContent()) ?? '').includes(OPENED), {
        message: 'the vote announced in the live region',
      });
    }
    expect(await notice(fay.page).count()).toBe(0);

    // Nothing the phone user can reach hides under it (WCAG 2.2, 2.4.11): a control brought into
    // view from below stops above it, and the end of the list scrolls clear of it.
    const cover = await notice(mo.page).boundingBox();
    const decide = mo.page.getByRole('region', { name: 'Decide' }).getByRole('button').last();
    await mo.page.evaluate(() => window.scrollTo(0, 0));
    await decide.evaluate((element) => element.scrollIntoView({ block: 'nearest' }));
    expect(isAbove(await decide.boundingBox(), cover)).toBe(true);
    await mo.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const last = mo.page.getByRole('region', { name: 'Evaluate' }).getByRole('button').last();
    expect(isAbove(await last.boundingBox(), cover)).toBe(true);

    // The phone user goes to the vote: the notice has done its work.
    await mo.page.getByRole('button', { name: 'Go to the vote' }).tap();
    await mo.page
      .getByRole('region', { name: 'Votes and results' })
      .getByRole('button', { name: /^Add a dot to/ })
      .first()
      .waitFor();
    await waitFor(async () => (await notice(mo.page).count()) === 0, { message: 'the notice to go on the phone' });

    // The canvas participant never opened it; the notice goes when the vote closes.
    await fay.page.getByRole('button', { name: 'Close vote' }).click();
    await waitFor(async () => (await notice(pat.page).count()) === 0, { message: 'the notice to go when the vote closes' });
  });
});
