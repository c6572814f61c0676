import { describe, expect, it } from 'vitest';
import { createBoard, openParticipant, useE2eEnvironment } from './support/index.ts';

describe('smoke: the built client loads from the relay in real Chromium', () => {
  const env = useE2eEnvironment();

  it('opens the start page with a title and no page errors', async () => {
    const { context, page, problems } = await openParticipant(env.browser);
    const response = await page.goto(env.server.url, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect((await page.title()).trim()).not.toBe('');
    // Give the app a chance to mount: wait until React has rendered something into the body.
    await page.waitForFunction(() => (document.body.textContent ?? '').trim().length > 0);
    expect(problems.pageErrors).toEqual([]);
    await context.close();
  });

  it('serves the client for a board link (SPA fallback) with no page errors', async () => {
    const board = await createBoard(env.server, 'Smoke board');
    const { context, page, problems } = await openParticipant(env.browser);
    const response = await page.goto(board.url, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect((await page.title()).trim()).not.toBe('');
    await page.waitForFunction(() => (document.body.textContent ?? '').trim().length > 0);
    expect(problems.pageErrors).toEqual([]);
    await context.close();
  });
});
