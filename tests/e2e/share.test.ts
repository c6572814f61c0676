import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageProblems, launchBrowser, newContext, startTestServer, type TestServer, waitFor } from './support/index.ts';

/**
 * Share links in Chromium, on a server that requires them: the facilitator makes a board on
 * the start page, makes a view-only link; a second browser opens it, cannot change the board
 * even by writing to its Y.Doc directly, and is told in plain words when the link is revoked.
 */

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

interface Hook {
  doc: { getMap(name: string): { set(key: string, value: unknown): void; has(key: string): boolean; size: number } };
}
declare const window: { __costudio: Hook };

async function join(page: Page, name: string): Promise<void> {
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('radio', { name: /As a practitioner/ }).check();
  await page.getByRole('button', { name: 'Join the board' }).click();
}

beforeAll(async () => {
  server = await startTestServer({ requireLinks: true });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.close();
});

describe('share links', () => {
  it('a view-only link shows the board, refuses changes, and stops working when revoked', async () => {
    const [facilitatorContext, viewerContext] = [await newContext(browser), await newContext(browser)];
    contexts.push(facilitatorContext, viewerContext);
    const facilitator = await facilitatorContext.newPage();
    const viewer = await viewerContext.newPage();
    const problems = collectPageProblems(facilitator);

    await facilitator.goto(server.url);
    await facilitator.getByLabel('Board name').fill('Clinic letters');
    await facilitator.getByRole('button', { name: 'New board' }).click();
    await facilitator.waitForURL(/\/b\//);
    await join(facilitator, 'Fay');
    await facilitator.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor({ timeout: 15_000 });
    expect(facilitator.url()).not.toContain('token');

    await facilitator.getByRole('button', { name: 'Facilitate', exact: true }).click();
    await facilitator.getByRole('button', { name: 'Share' }).click();
    await facilitator.getByLabel('Access').selectOption('view');
    await facilitator.getByLabel('Name (optional)').fill('Observers');
    await facilitator.getByRole('button', { name: 'Make link' }).click();
    const address = facilitator.getByLabel('Address of the link View only – Observers');
    await address.waitFor();
    const viewUrl = await address.inputValue();
    expect(viewUrl).toMatch(/\/b\/[\w-]+#token=[\w-]+\.[\w-]+$/);

    await viewer.goto(viewUrl);
    await join(viewer, 'Val');
    await viewer.getByText('You are viewing this board').waitFor();
    // The token left the address bar as soon as the page read it.
    expect(viewer.url()).not.toContain('token');
    await waitFor(async () => viewer.evaluate(() => window.__costudio.doc.getMap('meta').size > 0), {
      message: 'the viewer to sync',
    });

    // A modified client writes to its doc anyway: the relay never applies or relays it.
    await viewer.evaluate(() => window.__costudio.doc.getMap('notes').set('smuggled', 'x'));
    await facilitator.getByRole('button', { name: 'Add note' }).first().click();
    await facilitator.keyboard.type('Allowed');
    await facilitator.keyboard.press('Escape');
    await waitFor(async () => viewer.evaluate(() => window.__costudio.doc.getMap('notes').size >= 2), {
      message: "the facilitator's note to reach the viewer",
    });
    expect(await facilitator.evaluate(() => window.__costudio.doc.getMap('notes').has('smuggled'))).toBe(false);

    await facilitator.getByRole('button', { name: 'Switch off View only – Observers' }).click();
    await viewer.getByText('This link has been switched off. Ask the facilitator for a new one.').waitFor({ timeout: 10_000 });
    await facilitator.getByText('(switched off)').waitFor();
    expect(problems.all()).toEqual([]);
  });
});
