import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardShare, noteTextPx, smallTargets, visibleBoardX } from '../support/e2e/layoutProbes.ts';
import { axeViolations, DESKTOP, PHONE } from './a11y.shared.ts';
import {
  createBoard,
  type DebugHook,
  fillJoinForm,
  headerControl,
  isFocused,
  joinAs,
  openParticipant,
  type Participant,
  screenshot,
  tabTo,
  useE2eEnvironment,
  waitFor,
  waitForSaved,
} from './support/index.ts';

/**
 * Issue 12, the board-first meeting screen: with the panels closed the board is most of the
 * screen, note text is readable at the starting zoom, every lane is one tap away, a selected
 * note's actions are never under a panel, a skip link and a help sheet serve the keyboard.
 */

declare const window: { __costudio: DebugHook };

/** The six lanes' left edges in board units (shared/src/schema/layout.ts: 360 wide, 24 apart). */
const LANES = ['Define', 'Design', 'Deliver', 'Decide', 'Distribute', 'Evaluate'] as const;
const laneLeft = (index: number) => index * 384;

/** A facilitator: makes the board on the start page, which gives this device the facilitator's link. */
async function facilitatorOn(page: Page, serverUrl: string, title: string): Promise<string> {
  await page.goto(serverUrl);
  await page.getByLabel('Board name').fill(title);
  await page.getByRole('button', { name: 'New board' }).click();
  await page.waitForURL(/\/b\//);
  await fillJoinForm(page, 'Fay', 'practitioner');
  return page.url();
}

const env = useE2eEnvironment();
const people: Participant[] = [];
afterAll(async () => {
  for (const person of people) await person.context.close().catch(() => {});
});

describe('the facilitator at 1280 × 800', () => {
  let page: Page;
  let boardUrl: string;

  beforeAll(async () => {
    const facilitator = await openParticipant(env.browser, DESKTOP);
    people.push(facilitator);
    page = facilitator.page;
    boardUrl = await facilitatorOn(page, env.server.url, 'Discharge letters');
  });

  it('sees the board over at least 80 % of the screen, with one header row', async () => {
    const share = await boardShare(page);
    console.info(`facilitator board share at 1280×800: ${(share * 100).toFixed(1)} %`);
    expect(share).toBeGreaterThanOrEqual(0.8);
    const header = await page.locator('.board-header').boundingBox();
    expect(header?.height).toBeLessThanOrEqual(64);
    await screenshot(page, 'facilitator-1280x800');
  });

  it('opens every facilitation tool from one "Facilitate" panel, and closes it with Escape', async () => {
    const open = page.getByRole('button', { name: 'Facilitate', exact: true });
    await open.click();
    const panel = page.getByRole('dialog', { name: 'Facilitate' });
    await panel.waitFor();
    await waitFor(async () => expect(await panel.evaluate((el) => el.contains(document.activeElement))).toBe(true), {
      message: 'focus inside the panel',
    });
    for (const name of ['Share', 'Start timer', 'Lock board', 'Start private writing', 'History & backups']) {
      expect(await panel.getByRole('button', { name, exact: true }).count(), name).toBe(1);
    }
    expect(await panel.getByRole('group', { name: 'Lock lanes' }).count()).toBe(1);
    await screenshot(page, 'facilitator-1280x800-facilitate-open');
    expect(await smallTargets(page, 24)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await isFocused(open)).toBe(true);
  });

  it('reads note text at 14 px or more at the starting zoom', async () => {
    const px = await noteTextPx(page);
    console.info(`facilitator note text at the starting zoom: ${px.toFixed(1)} px`);
    expect(px).toBeGreaterThanOrEqual(14);
  });

  it('reaches all six lanes from visible lane buttons', async () => {
    const lanes = page.getByRole('navigation', { name: 'Lanes' });
    for (const [index, lane] of LANES.entries()) {
      await lanes.getByRole('button', { name: lane, exact: true }).click();
      await waitFor(
        async () => {
          const view = await visibleBoardX(page);
          expect(view.left).toBeLessThanOrEqual(laneLeft(index) + 1);
          expect(view.right).toBeGreaterThanOrEqual(laneLeft(index) + 360 - 1);
          return true;
        },
        { message: `${lane} in view` },
      );
    }
    await screenshot(page, 'facilitator-1280x800-evaluate');
  });

  it('puts "Skip to board" first in the tab order, and it lands on the board', async () => {
    await page.reload();
    await waitForSaved(page);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to board' });
    expect(await isFocused(skip)).toBe(true);
    expect((await skip.boundingBox())?.height).toBeGreaterThanOrEqual(24);
    await page.keyboard.press('Enter');
    await waitFor(
      async () =>
        expect(await page.evaluate(() => document.querySelector('main.board-main')?.contains(document.activeElement))).toBe(true),
      { message: 'focus on the board' },
    );
  });

  it('opens a help sheet of keys and controls by keyboard, and closes it with Escape', async () => {
    const help = page.getByRole('button', { name: 'Help: keys and controls' });
    await tabTo(page, help, { backwards: true });
    await page.keyboard.press('Enter');
    const sheet = page.getByRole('dialog', { name: 'Help' });
    await sheet.waitFor();
    const text = await sheet.textContent();
    for (const words of ['Add note', 'Board / List', 'Facilitate', 'People', 'Text size and sounds', 'Escape']) {
      expect(text, words).toContain(words);
    }
    await screenshot(page, 'facilitator-1280x800-help');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'hidden' });
    expect(await isFocused(help)).toBe(true);
  });

  it('uses plain words: Board / List, Text size and sounds', async () => {
    expect(await page.getByRole('button', { name: 'Board', exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'List', exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Text size and sounds' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Canvas', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Text and sound', exact: true }).count()).toBe(0);
  });

  it('has no WCAG 2.2 A/AA violations with the people panel open', async () => {
    await page.getByRole('button', { name: /^People/ }).click();
    await page.getByRole('heading', { name: /Here now/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /^People/ }).click();
    void boardUrl;
  });
});

describe('a participant at 1280 × 800', () => {
  let page: Page;

  beforeAll(async () => {
    const board = await createBoard(env.server, 'Ward visiting');
    const participant = await joinAs(env.browser, board.url, 'Lee', 'lay', DESKTOP);
    people.push(participant);
    page = participant.page;
  });

  it('sees the board over at least 85 % of the screen', async () => {
    const share = await boardShare(page);
    console.info(`participant board share at 1280×800: ${(share * 100).toFixed(1)} %`);
    expect(share).toBeGreaterThanOrEqual(0.85);
    await screenshot(page, 'participant-1280x800');
  });

  it('opens and closes the people panel from a header button that shows the count', async () => {
    const button = page.getByRole('button', { name: /^People/ });
    expect(await button.textContent()).toContain('1');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await button.click();
    await page.getByRole('heading', { name: 'Here now: 1 person' }).waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    // Escape inside the panel closes it and gives focus back to the button.
    await page.getByRole('complementary', { name: 'People' }).getByRole('button', { name: /^Hide/ }).focus();
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Here now: 1 person' }).waitFor({ state: 'detached' });
    expect(await isFocused(button)).toBe(true);
    await button.click();
    await page.getByRole('heading', { name: 'Here now: 1 person' }).waitFor();
  });

  it('keeps a selected note’s actions on the board, uncovered, in lanes 3 and 4 with the panels open', async () => {
    await page.getByRole('button', { name: 'Votes and results' }).click();
    await page.getByRole('heading', { name: 'Votes and results' }).waitFor();
    for (const lane of ['Deliver', 'Decide'] as const) {
      await page.getByRole('navigation', { name: 'Lanes' }).getByRole('button', { name: lane, exact: true }).click();
      await page.getByRole('button', { name: new RegExp(`^Add note.*${lane}`) }).click();
      const bar = page.getByRole('toolbar', { name: 'Note actions' });
      await bar.waitFor();
      await page.keyboard.type(`A note in ${lane}`);
      const main = await page.locator('main.board-main').boundingBox();
      for (const name of ['Yellow', 'Move to…', 'Delete note', 'Done']) {
        const button = bar.getByRole('button', { name, exact: true });
        const box = await button.boundingBox();
        if (!box || !main) throw new Error(`no box for ${name}`);
        expect(box.x + box.width, `${name} right edge in ${lane}`).toBeLessThanOrEqual(main.x + main.width);
        const hit = await page.evaluate(
          ({ x, y, label }) => {
            const element = document.elementFromPoint(x, y);
            return (
              element?.closest('button')?.textContent === label ||
              element?.closest('button')?.getAttribute('aria-label') === label
            );
          },
          { x: box.x + box.width / 2, y: box.y + box.height / 2, label: name },
        );
        expect(hit, `${name} uncovered in ${lane}`).toBe(true);
      }
      await screenshot(page, `participant-1280x800-${lane.toLowerCase()}-actions`);
      await bar.getByRole('button', { name: 'Done' }).click();
      await bar.waitFor({ state: 'detached' });
    }
  });
});

describe('a participant on a 390 × 844 phone', () => {
  it('sees the first lane’s first note without scrolling, and has no WCAG 2.2 A/AA violations', async () => {
    const board = await createBoard(env.server, 'Repeat prescriptions');
    const writer = await joinAs(env.browser, board.url, 'Wren', 'practitioner', DESKTOP);
    people.push(writer);
    await writer.page.getByRole('button', { name: /^Add note/ }).click();
    await writer.page.keyboard.type('Prescriptions take a week to reach the pharmacy');
    await writer.page.keyboard.press('Escape');
    await waitForSaved(writer.page);

    const phone = await joinAs(env.browser, board.url, 'Pat', 'lay', PHONE);
    people.push(phone);
    const note = phone.page.getByRole('region', { name: 'Define' }).locator('textarea').first();
    await note.waitFor();
    const box = await note.boundingBox();
    const scrolled = await phone.page.evaluate(() => ({
      page: scrollY,
      main: document.querySelector('main.board-main')?.scrollTop ?? 0,
    }));
    expect(scrolled).toEqual({ page: 0, main: 0 });
    console.info(`phone: first note at y=${box?.y}..${box && box.y + box.height} of 844`);
    expect(box && box.y >= 0 && box.y + box.height <= 844).toBe(true);
    await screenshot(phone.page, 'phone-390x844');
    expect(await axeViolations(phone.page)).toEqual([]);
    await (await headerControl(phone.page, phone.page.getByRole('button', { name: 'Board', exact: true }))).tap();
    await phone.page.getByRole('application').waitFor();
    await screenshot(phone.page, 'phone-390x844-board');
    // On a phone the lanes are one menu, not six buttons.
    await phone.page.getByRole('navigation', { name: 'Lanes' }).getByLabel('Go to lane').selectOption('evaluate');
    await waitFor(
      async () => {
        const view = await visibleBoardX(phone.page);
        return view.left <= laneLeft(5) + 1 && view.right >= laneLeft(5) + 360 - 1;
      },
      { message: 'Evaluate in view on the phone' },
    );
    expect(await axeViolations(phone.page)).toEqual([]);

    // The canvas's toolbar is one row on a phone; undo, zoom and "Fit board" open under it.
    const toolbar = phone.page.getByRole('toolbar', { name: 'Board tools' });
    const rowHeight = async () => (await toolbar.boundingBox())?.height ?? 0;
    expect(await rowHeight()).toBeLessThanOrEqual(60);
    expect(await phone.page.getByRole('button', { name: 'Zoom in' }).count()).toBe(0);
    const tools = toolbar.getByRole('button', { name: 'Tools' });
    await tools.tap();
    expect(await tools.getAttribute('aria-expanded')).toBe('true');
    const zoomLevel = () => toolbar.locator('.canvas-toolbar__zoom-level').textContent();
    const before = await zoomLevel();
    await toolbar.getByRole('button', { name: 'Zoom in' }).tap();
    await waitFor(async () => (await zoomLevel()) !== before, { message: 'the zoom level to change' });
    expect(await toolbar.getByRole('button', { name: 'Fit board' }).isVisible()).toBe(true);
    await screenshot(phone.page, 'phone-390x844-board-tools');
    expect(await smallTargets(phone.page, 44)).toEqual([]);
    expect(await axeViolations(phone.page)).toEqual([]);
    await tools.tap();
    expect(await phone.page.getByRole('button', { name: 'Zoom in' }).count()).toBe(0);
  });
});

describe('the facilitator at 1920 × 1080 and on a 390 × 844 phone', () => {
  it('keeps the board the biggest thing on a large screen', async () => {
    const facilitator = await openParticipant(env.browser, { viewport: { width: 1920, height: 1080 } });
    people.push(facilitator);
    await facilitatorOn(facilitator.page, env.server.url, 'Community transport');
    const share = await boardShare(facilitator.page);
    console.info(`facilitator board share at 1920×1080: ${(share * 100).toFixed(1)} %`);
    expect(share).toBeGreaterThanOrEqual(0.85);
    expect(await noteTextPx(facilitator.page)).toBeGreaterThanOrEqual(14);
    await screenshot(facilitator.page, 'facilitator-1920x1080');
    await facilitator.page.getByRole('button', { name: 'Facilitate', exact: true }).click();
    await facilitator.page.getByRole('dialog', { name: 'Facilitate' }).waitFor();
    await screenshot(facilitator.page, 'facilitator-1920x1080-facilitate-open');
  });

  it('opens the facilitation tools as a sheet on a phone, with no WCAG 2.2 A/AA violations', async () => {
    const facilitator = await openParticipant(env.browser, PHONE);
    people.push(facilitator);
    await facilitatorOn(facilitator.page, env.server.url, 'Community transport');
    await screenshot(facilitator.page, 'facilitator-390x844');
    const open = facilitator.page.getByRole('button', { name: 'Facilitate', exact: true });
    await open.tap();
    const panel = facilitator.page.getByRole('dialog', { name: 'Facilitate' });
    await panel.waitFor();
    await screenshot(facilitator.page, 'facilitator-390x844-facilitate-open');
    expect(await smallTargets(facilitator.page, 44)).toEqual([]);
    expect(await axeViolations(facilitator.page)).toEqual([]);
    await panel.getByRole('button', { name: /^Close/ }).tap();
    await panel.waitFor({ state: 'detached' });
    expect(await isFocused(open)).toBe(true);
  });
});
