import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createLinkedBoard } from '../support/e2e/shareLinks.ts';
import {
  addNote,
  isFocused,
  joinAs,
  laneAddButton,
  noteTexts,
  type Participant,
  useE2eEnvironment,
  waitFor,
  waitForSaved,
} from './support/index.ts';

/**
 * A short co-design meeting, start to finish (issue 12): a facilitator, two lay participants, a
 * practitioner, a lay participant on a phone (list view), the room's projector and an observer
 * with a view-only link. Through joining, notes, private writing and its reveal, a lock, and a
 * vote with dots, it checks what each of them sees at each step: the right notice, no wrong
 * alert. Screenshots of every screen at every step go to tests/e2e/screenshots/ (git-ignored).
 */

interface Hook {
  doc: { getMap(name: string): { toJSON(): unknown } } | null;
}
declare const window: { __costudio: Hook };

const SHOTS = 'tests/e2e/screenshots';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const VIEWING = 'You are viewing this board. You can follow along but not change it.';
const LOCKED = 'The facilitator has locked the board';
const VOTE_OPENED = 'The facilitator has opened a vote.';
const NOTES = {
  lee: 'Letters arrive after the appointment',
  quinn: 'Clinic runs late on Mondays',
  mo: 'No one answers the phone',
  leePrivate: 'I felt rushed and did not ask',
  moPrivate: 'A named person to call',
};

interface Screen {
  readonly name: string;
  readonly page: Page;
}

async function shot(step: string, screens: readonly Screen[]): Promise<void> {
  for (const { name, page } of screens) await page.screenshot({ path: `${SHOTS}/meeting-${step}-${name}.png` });
}

/** No page tells people to reload, or raises an alert: nothing here is a newer board. */
async function expectNoWrongAlert(screen: Screen): Promise<void> {
  expect(await screen.page.getByText(/newer version of Costudio|Reload the page/).count(), screen.name).toBe(0);
  expect(await screen.page.getByRole('alert').count(), screen.name).toBe(0);
}

async function publicNotes(page: Page): Promise<string[]> {
  return Object.values(await noteTexts(page)).sort();
}

describe('a whole meeting', () => {
  const env = useE2eEnvironment({ requireLinks: true });
  const people: Participant[] = [];
  afterAll(async () => {
    for (const person of people) await person.context.close().catch(() => {});
  });

  it('plays join, notes, private writing, a lock and a vote, and each person sees the right thing', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const board = await createLinkedBoard(env.server, 'Outpatient letters');

    // 1. Everyone joins.
    const fay = await joinAs(env.browser, board.facilitateUrl, 'Fay', 'practitioner');
    const projectorPage = await fay.context.newPage();
    await projectorPage.setViewportSize({ width: 1920, height: 1080 });
    await projectorPage.goto(`${env.server.url}/b/${board.id}?view=projector`);
    const lee = await joinAs(env.browser, board.editUrl, 'Lee', 'lay');
    const ann = await joinAs(env.browser, board.editUrl, 'Ann', 'lay');
    const quinn = await joinAs(env.browser, board.editUrl, 'Quinn', 'practitioner');
    const mo = await joinAs(env.browser, board.editUrl, 'Mo', 'lay', PHONE);
    const val = await joinAs(env.browser, board.viewUrl, 'Val', 'lay');
    people.push(fay, lee, ann, quinn, mo, val);
    const s = {
      fay: { name: 'facilitator', page: fay.page },
      projector: { name: 'projector', page: projectorPage },
      lee: { name: 'lay-lee', page: lee.page },
      ann: { name: 'lay-ann', page: ann.page },
      quinn: { name: 'practitioner', page: quinn.page },
      mo: { name: 'phone', page: mo.page },
      val: { name: 'viewer', page: val.page },
    };
    const everyone: Screen[] = Object.values(s);
    const onBoard = everyone.filter((screen) => screen !== s.projector);
    const participants = [s.lee, s.ann, s.quinn, s.mo];

    await projectorPage
      .getByTestId('projector-counts')
      .getByText(/\d lay participants?/)
      .waitFor();
    await s.val.page.getByText(VIEWING).waitFor();
    for (const screen of everyone) {
      await expectNoWrongAlert(screen);
      if (screen !== s.val) expect(await screen.page.getByText(/You are viewing this board/).count(), screen.name).toBe(0);
    }
    // The phone opens on the list, the laptops on the canvas.
    await s.mo.page.getByRole('region', { name: 'Define' }).waitFor();
    await shot('1-joined', everyone);

    // 2. Notes from a laptop, the practitioner and the phone reach everyone.
    await addNote(lee.page, NOTES.lee);
    await addNote(quinn.page, NOTES.quinn);
    await laneAddButton(mo.page, 'Define').tap();
    await mo.page.keyboard.type(NOTES.mo);
    const three = [NOTES.lee, NOTES.quinn, NOTES.mo].sort();
    for (const screen of onBoard) {
      await waitFor(async () => JSON.stringify(await publicNotes(screen.page)) === JSON.stringify(three), {
        message: `three notes on the ${screen.name}'s board`,
      });
    }
    await shot('2-notes', everyone);

    // 3. Private writing: Add note leads to each person's private note; nothing is public until the reveal.
    // The facilitator's tools are in the Facilitate panel; it stays open beside the board.
    await fay.page.getByRole('button', { name: 'Facilitate', exact: true }).click();
    await fay.page.getByRole('button', { name: 'Start private writing' }).click();
    for (const screen of participants) await screen.page.getByLabel('Private note', { exact: true }).waitFor();
    expect(await val.page.getByLabel('Private note', { exact: true }).count()).toBe(0);
    await lee.page
      .getByRole('button', { name: /^Add note/ })
      .first()
      .click();
    await waitFor(() => isFocused(lee.page.getByLabel('Private note', { exact: true })), { message: "Lee's private note" });
    await lee.page.keyboard.type(NOTES.leePrivate);
    await lee.page.getByRole('button', { name: 'Add private note' }).click();
    await laneAddButton(mo.page, 'Design').tap();
    await waitFor(() => isFocused(mo.page.getByLabel('Private note', { exact: true })), { message: "Mo's private note" });
    await mo.page.keyboard.type(NOTES.moPrivate);
    await mo.page.getByRole('button', { name: 'Add private note' }).tap();
    await mo.page.getByRole('list', { name: 'Your private notes' }).getByText(NOTES.moPrivate).waitFor();
    await lee.page.getByRole('list', { name: 'Your private notes' }).getByText(NOTES.leePrivate).waitFor();
    for (const screen of onBoard) expect(await publicNotes(screen.page), screen.name).toEqual(three);
    await shot('3-private-writing', everyone);

    await fay.page.getByRole('button', { name: 'Reveal private notes' }).click();
    await fay.page.getByText('Revealed 2 private notes.').waitFor();
    const five = [...three, NOTES.leePrivate, NOTES.moPrivate].sort();
    for (const screen of onBoard) {
      await waitFor(async () => JSON.stringify(await publicNotes(screen.page)) === JSON.stringify(five), {
        message: `the revealed notes on the ${screen.name}'s board`,
      });
    }
    await fay.page.getByRole('button', { name: 'End private writing' }).click();
    for (const screen of participants) {
      await waitFor(async () => (await screen.page.getByLabel('Private note', { exact: true }).count()) === 0, {
        message: `private writing to end on the ${screen.name}'s screen`,
      });
    }

    // 4. A lock: participants are told, once, in plain words; the observer is still only viewing.
    await fay.page.getByRole('button', { name: 'Lock board' }).click();
    for (const screen of participants) {
      await screen.page.getByText(LOCKED).waitFor();
      expect(await screen.page.getByText(LOCKED).count(), screen.name).toBe(1);
      await waitFor(
        () =>
          screen.page
            .getByRole('button', { name: /^Add note/ })
            .first()
            .isDisabled(),
        {
          message: `Add note turned off on the ${screen.name}'s screen`,
        },
      );
    }
    expect(await val.page.getByText(LOCKED).count()).toBe(0);
    expect(await val.page.getByText(VIEWING).count()).toBe(1);
    expect(await fay.page.getByText(LOCKED).count()).toBe(0);
    for (const screen of everyone) await expectNoWrongAlert(screen);
    await shot('4-locked', everyone);
    await fay.page.getByRole('button', { name: 'Unlock board' }).click();
    for (const screen of participants) {
      await waitFor(async () => (await screen.page.getByText(LOCKED).count()) === 0, { message: `unlock on ${screen.name}` });
      await waitForSaved(screen.page);
    }
    // Everyone's sockets reconnected for the lock and again for the unlock; nobody drops out of
    // "Here now", the phone (which sends no cursor) included. "Here now" is in the People panel.
    await fay.page.getByRole('button', { name: /^People/ }).click();
    const here = fay.page.getByRole('complementary', { name: 'People' });
    await waitFor(async () => ((await here.textContent()) ?? '').includes('Here now: 6 people'), {
      timeout: 3_000,
      message: 'all six people here again after the unlock',
    });
    await fay.page.getByRole('button', { name: /^People/ }).click();

    // 5. A vote: every participant is told, the phone included, and can go to it and place a dot.
    await fay.page.getByRole('button', { name: 'Votes and results' }).click();
    await fay.page.getByRole('button', { name: 'Open vote' }).click();
    for (const screen of [...participants, s.val]) {
      await screen.page.getByTestId('vote-opened-notice').getByText(VOTE_OPENED).waitFor({ timeout: 10_000 });
    }
    expect(await val.page.getByRole('button', { name: 'See the vote' }).count()).toBe(1);
    expect(await fay.page.getByTestId('vote-opened-notice').count()).toBe(0);
    for (const screen of everyone) await expectNoWrongAlert(screen);
    await shot('5-vote-opened', everyone);

    await mo.page.getByRole('button', { name: 'Go to the vote' }).tap();
    await mo.page.getByRole('button', { name: `Add a dot to: ${NOTES.mo}` }).tap();
    await lee.page.getByRole('button', { name: 'Go to the vote' }).click();
    await lee.page.getByRole('button', { name: `Add a dot to: ${NOTES.mo}` }).click();
    await waitFor(
      async () =>
        (await fay.page.evaluate(() => JSON.stringify(window.__costudio.doc?.getMap('votes').toJSON()))).split('"voter"').length -
          1 ===
        2,
      { message: 'two dots on the board' },
    );
    for (const screen of [s.mo, s.lee]) {
      expect(await screen.page.getByTestId('vote-opened-notice').count(), screen.name).toBe(0);
    }
    await shot('6-dots', everyone);
    for (const person of people) expect(person.problems.all(), 'page errors').toEqual([]);
  });
});
