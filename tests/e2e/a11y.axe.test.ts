import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  canvasTool,
  createBoard,
  DESKTOP,
  fillJoinForm,
  headerControl,
  joinBoardPage,
  laneAddButton,
  newContext,
  openParticipant,
  type PageProblems,
  PHONE,
  screenshotForReview,
  useE2eEnvironment,
  waitForSaved,
} from './support/index.ts';

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const)('axe-core finds no WCAG 2.2 A/AA violations (%s)', (size, options) => {
  const env = useE2eEnvironment();
  let page: Page;
  let problems: PageProblems;
  let boardUrl: string;

  beforeAll(async () => {
    ({ page, problems } = await openParticipant(env.browser, options));
    boardUrl = (await createBoard(env.server, 'Outpatient letters')).url;
  });

  it('on the start page', async () => {
    await page.goto(env.server.url);
    await page.getByRole('heading', { name: 'Costudio' }).waitFor();
    await screenshotForReview(page, `${size}-start`);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('on the join step', async () => {
    await page.goto(boardUrl);
    await page.getByRole('heading', { name: 'Join the board' }).waitFor();
    await screenshotForReview(page, `${size}-join`);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('on the lane list, with notes in it', async () => {
    await fillJoinForm(page, 'Alice', 'lay');
    await (await headerControl(page, page.getByRole('button', { name: 'List' }))).click();
    await laneAddButton(page, 'Define').click();
    await page.keyboard.type('Letters arrive after the appointment');
    await laneAddButton(page, 'Decide').click();
    await page.keyboard.type('Send letters by text message');
    await screenshotForReview(page, `${size}-list`);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('on the move dialog and the settings dialog', async () => {
    await page.getByRole('region', { name: 'Define' }).getByRole('button', { name: 'Move to…' }).click();
    await page.getByRole('dialog', { name: 'Move to lane…' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await (await headerControl(page, page.getByRole('button', { name: 'Text size and sounds' }))).click();
    await page.getByRole('dialog', { name: 'Text size and sounds' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Close' }).click();
  });

  it('on the canvas view', async () => {
    await (await headerControl(page, page.getByRole('button', { name: 'Board', exact: true }))).click();
    await page.locator('.board-canvas__surface canvas').first().waitFor();
    await screenshotForReview(page, `${size}-canvas`);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('raised no page errors', () => {
    expect(problems.all()).toEqual([]);
  });
});

describe('seeing', () => {
  const env = useE2eEnvironment();

  it('fits 320 CSS px at 200 % text in high contrast, with no sideways scrolling', async () => {
    const page = await (await newContext(env.browser, { viewport: { width: 320, height: 640 } })).newPage();
    const board = await createBoard(env.server, 'A board with a rather long name that has to wrap on a small screen');
    await joinBoardPage(page, board.url, 'Alice', 'practitioner');
    await (await headerControl(page, page.getByRole('button', { name: 'Text size and sounds' }))).click();
    await page.getByLabel('Text size', { exact: true }).selectOption('200');
    await page.getByLabel('High contrast colours').check();
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
    await laneAddButton(page, 'Define').click();
    await page.keyboard.type('A long note that has to wrap inside its field without pushing the page sideways');
    const offenders = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`),
    );
    expect(offenders).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await screenshotForReview(page, 'narrow-320-200pc-contrast');
    expect(await axeViolations(page)).toEqual([]);
    // The choice stays on the device.
    await page.reload();
    await waitForSaved(page);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('high-contrast');
    await (await headerControl(page, page.getByRole('button', { name: 'Board', exact: true }))).click();
    await page.getByRole('application').waitFor();
    await screenshotForReview(page, 'narrow-320-contrast-canvas');
  });

  it('works at 400 % zoom (1280 × 800 seen as 320 × 200): every lane and tool reachable, no sideways scrolling', async () => {
    const page = await (await newContext(env.browser, { viewport: { width: 320, height: 200 } })).newPage();
    await joinBoardPage(page, (await createBoard(env.server, 'Zoomed in')).url, 'Zoe');
    const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    for (const lane of ['Define', 'Design', 'Deliver', 'Decide', 'Distribute', 'Evaluate']) {
      const add = page.getByRole('region', { name: lane }).getByRole('button', { name: /^Add note/ });
      await add.scrollIntoViewIfNeeded();
      const box = await add.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 320).toBe(true);
    }
    expect(await pageWidth()).toBeLessThanOrEqual(320);
    await (await headerControl(page, page.getByRole('button', { name: 'Board', exact: true }))).click();
    await page.getByRole('application').waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(320);
    for (const tool of [/^Add note/, 'Undo', 'Zoom in', 'Fit board', 'Text size and sounds']) {
      const control = page.getByRole('button', { name: tool });
      const button = tool === 'Text size and sounds' ? await headerControl(page, control) : await canvasTool(page, control);
      await button.scrollIntoViewIfNeeded();
      expect(await button.isVisible()).toBe(true);
    }
    await screenshotForReview(page, 'zoom-400-canvas');
  });

  it('keeps the chosen view visible under forced colours, where the system picks the colours', async () => {
    const page = await (await newContext(env.browser)).newPage();
    await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
    await joinBoardPage(page, (await createBoard(env.server, 'Forced colours')).url, 'Fay');
    const pressed = page.getByRole('button', { name: 'Board', exact: true, pressed: true });
    expect(await pressed.evaluate((button) => getComputedStyle(button).outlineStyle)).toBe('solid');
    expect(await axeViolations(page)).toEqual([]);
  });
});
