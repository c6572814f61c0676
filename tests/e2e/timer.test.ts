import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, startTestServer, type TestServer, waitFor } from './support/index.ts';

/** The facilitator's countdown in two browsers: the same time everywhere, after a reload too. */

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function join(page: Page, name: string): Promise<void> {
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('radio', { name: /As a practitioner/ }).check();
  await page.getByRole('button', { name: 'Join the board' }).click();
  await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor({ timeout: 15_000 });
}

async function remaining(page: Page): Promise<number> {
  const value = await page.getByTestId('timer-remaining').getAttribute('data-remaining-ms', { timeout: 10_000 });
  return Number(value);
}

/** Both pages' remaining times, read together. */
async function both(a: Page, b: Page): Promise<[number, number]> {
  return Promise.all([remaining(a), remaining(b)]);
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.close();
});

describe('timer', () => {
  it('starts, pauses and resets for everyone, and survives a reload', async () => {
    const [a, b] = [await newContext(browser), await newContext(browser)];
    contexts.push(a, b);
    const facilitator = await a.newPage();
    const participant = await b.newPage();
    await facilitator.goto(server.url);
    await facilitator.getByLabel('Board name').fill('Timed board');
    await facilitator.getByRole('button', { name: 'New board' }).click();
    await facilitator.waitForURL(/\/b\//);
    await join(facilitator, 'Fay');
    await participant.goto(facilitator.url());
    await join(participant, 'Pat');
    expect(await participant.getByRole('button', { name: 'Start timer' }).count()).toBe(0);

    await facilitator.getByRole('button', { name: 'Facilitate', exact: true }).click();
    await facilitator.getByLabel('Minutes').fill('3');
    await facilitator.getByRole('button', { name: 'Start timer' }).click();
    await participant.getByTestId('timer-remaining').waitFor();
    const [f, p] = await both(facilitator, participant);
    expect(f).toBeGreaterThan(170_000);
    expect(f).toBeLessThanOrEqual(180_000);
    expect(Math.abs(f - p)).toBeLessThan(1_500);

    await participant.reload();
    await participant.getByTestId('timer-remaining').waitFor({ timeout: 15_000 });
    const [f2, p2] = await both(facilitator, participant);
    expect(Math.abs(f2 - p2)).toBeLessThan(1_500);
    expect(p2).toBeLessThan(180_000);

    await facilitator.getByRole('button', { name: 'Pause timer' }).click();
    await participant.getByRole('status').filter({ hasText: 'Paused' }).waitFor();
    const paused = await remaining(facilitator);
    await waitFor(async () => (await remaining(participant)) === paused, { message: 'the same paused time' });

    await facilitator.getByRole('button', { name: 'Reset timer' }).click();
    await waitFor(async () => (await remaining(participant)) === 180_000, { message: 'the reset to reach the participant' });
  });
});
