import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectPageProblems,
  createBoard,
  launchBrowser,
  newContext,
  startTestServer,
  type TestServer,
} from './support/index.ts';

describe('smoke: the built client loads from the relay in real Chromium', () => {
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

  it('opens the start page with a title and no page errors', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    const response = await page.goto(server.url, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect((await page.title()).trim()).not.toBe('');
    // Give the app a chance to mount: wait until React has rendered something into the body.
    await page.waitForFunction(() => (document.body.textContent ?? '').trim().length > 0);
    expect(problems.pageErrors).toEqual([]);
    await context.close();
  });

  it('serves the client for a board link (SPA fallback) with no page errors', async () => {
    const board = await createBoard(server, 'Smoke board');
    const context = await newContext(browser);
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    const response = await page.goto(board.url, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect((await page.title()).trim()).not.toBe('');
    await page.waitForFunction(() => (document.body.textContent ?? '').trim().length > 0);
    expect(problems.pageErrors).toEqual([]);
    await context.close();
  });
});
