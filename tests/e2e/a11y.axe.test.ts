import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, createBoard, DESKTOP, PHONE, screenshotForReview, waitForSaved } from './a11y.shared.ts';
import {
  collectPageProblems,
  launchBrowser,
  newContext,
  type PageProblems,
  startTestServer,
  type TestServer,
} from './support/index.ts';

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const)('axe-core finds no WCAG 2.2 A/AA violations (%s)', (size, options) => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;
  let boardUrl: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await (await newContext(browser, options)).newPage();
    problems = collectPageProblems(page);
    boardUrl = await createBoard(server, 'Outpatient letters');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('on the start page', async () => {
    await page.goto(server.url);
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
    await page.getByLabel('Your name').fill('Alice');
    await page.getByRole('radio', { name: /patient, carer/ }).check();
    await page.getByRole('button', { name: 'Join the board' }).click();
    await waitForSaved(page);
    await page.getByRole('button', { name: 'List' }).click();
    await page
      .getByRole('region', { name: 'Define' })
      .getByRole('button', { name: /^Add note/ })
      .click();
    await page.keyboard.type('Letters arrive after the appointment');
    await page
      .getByRole('region', { name: 'Decide' })
      .getByRole('button', { name: /^Add note/ })
      .click();
    await page.keyboard.type('Send letters by text message');
    await screenshotForReview(page, `${size}-list`);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('on the move dialog and the settings dialog', async () => {
    await page.getByRole('region', { name: 'Define' }).getByRole('button', { name: 'Move to…' }).click();
    await page.getByRole('dialog', { name: 'Move to lane…' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Text and sound' }).click();
    await page.getByRole('dialog', { name: 'Text and sound' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Close' }).click();
  });

  it('on the canvas view', async () => {
    await page.getByRole('button', { name: 'Canvas' }).click();
    await page.locator('.board-canvas__surface canvas').first().waitFor();
    await screenshotForReview(page, `${size}-canvas`);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('raised no page errors', () => {
    expect(problems.all()).toEqual([]);
  });
});

describe('seeing', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('fits 320 CSS px at 200 % text in high contrast, with no sideways scrolling', async () => {
    const page = await (await newContext(browser, { viewport: { width: 320, height: 640 } })).newPage();
    const boardUrl = await createBoard(server, 'A board with a rather long name that has to wrap on a small screen');
    await page.goto(boardUrl);
    await page.getByLabel('Your name').fill('Alice');
    await page.getByRole('radio', { name: /practitioner/ }).check();
    await page.getByRole('button', { name: 'Join the board' }).click();
    await waitForSaved(page);
    await page.getByRole('button', { name: 'Text and sound' }).click();
    await page.getByLabel('Text size').selectOption('200');
    await page.getByLabel('High contrast colours').check();
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
    await page
      .getByRole('region', { name: 'Define' })
      .getByRole('button', { name: /^Add note/ })
      .click();
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
    await page.getByRole('button', { name: 'Canvas' }).click();
    await page.getByRole('application').waitFor();
    await screenshotForReview(page, 'narrow-320-contrast-canvas');
  });

  it('works at 400 % zoom (1280 × 800 seen as 320 × 200): every lane and tool reachable, no sideways scrolling', async () => {
    const page = await (await newContext(browser, { viewport: { width: 320, height: 200 } })).newPage();
    await page.goto(await createBoard(server, 'Zoomed in'));
    await page.getByLabel('Your name').fill('Zoe');
    await page.getByRole('radio', { name: /patient, carer/ }).check();
    await page.getByRole('button', { name: 'Join the board' }).click();
    await waitForSaved(page);
    const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    for (const lane of ['Define', 'Design', 'Deliver', 'Decide', 'Distribute', 'Evaluate']) {
      const add = page.getByRole('region', { name: lane }).getByRole('button', { name: /^Add note/ });
      await add.scrollIntoViewIfNeeded();
      const box = await add.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 320).toBe(true);
    }
    expect(await pageWidth()).toBeLessThanOrEqual(320);
    await page.getByRole('button', { name: 'Canvas' }).click();
    await page.getByRole('application').waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(320);
    for (const tool of [/^Add note/, 'Undo', 'Zoom in', 'Fit board', 'Text and sound']) {
      const button = page.getByRole('button', { name: tool });
      await button.scrollIntoViewIfNeeded();
      expect(await button.isVisible()).toBe(true);
    }
    await screenshotForReview(page, 'zoom-400-canvas');
  });

  it('keeps the chosen view visible under forced colours, where the system picks the colours', async () => {
    const page = await (await newContext(browser)).newPage();
    await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
    await page.goto(await createBoard(server, 'Forced colours'));
    await page.getByLabel('Your name').fill('Fay');
    await page.getByRole('radio', { name: /patient, carer/ }).check();
    await page.getByRole('button', { name: 'Join the board' }).click();
    await waitForSaved(page);
    const pressed = page.getByRole('button', { name: 'Canvas', pressed: true });
    expect(await pressed.evaluate((button) => getComputedStyle(button).outlineStyle)).toBe('solid');
    expect(await axeViolations(page)).toEqual([]);
  });
});
