import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote, joinBoardPage, noteTexts, waitForStatus } from './support/boardPage.ts';
import { createBoard, launchBrowser, newContext, startTestServer, type TestServer, waitFor } from './support/index.ts';

declare const navigator: { serviceWorker: { controller: unknown } };

describe('offline first', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function page(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(browser);
    contexts.push(context);
    return { context, page: await context.newPage() };
  }

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('edits made offline and online merge when the device reconnects', async () => {
    const board = await createBoard(server, 'On the bus');
    const alice = await page();
    const bob = await page();
    await joinBoardPage(alice.page, board.url, 'Alice');
    await joinBoardPage(bob.page, board.url, 'Bob');

    await alice.context.setOffline(true);
    await waitForStatus(alice.page, 'Offline');
    const offlineNote = await addNote(alice.page, 'Written with no signal');
    const waiting = alice.page.getByTestId('pending-changes');
    await waiting.waitFor();
    expect(await waiting.textContent()).toMatch(/^\d+ changes? waiting on this device$/);

    const onlineNote = await addNote(bob.page, 'Written at the workshop');
    // Alice, still offline, does not get Bob's note; Bob does not get hers.
    expect(await noteTexts(alice.page)).not.toHaveProperty(onlineNote);
    expect(await noteTexts(bob.page)).not.toHaveProperty(offlineNote);

    await alice.context.setOffline(false);
    await waitForStatus(alice.page, 'All changes saved');
    await waiting.waitFor({ state: 'detached' });
    const expected = { [offlineNote]: 'Written with no signal', [onlineNote]: 'Written at the workshop' };
    for (const { page: each } of [alice, bob]) {
      await waitFor(async () => {
        expect(await noteTexts(each)).toEqual(expected);
        return true;
      });
    }
  });

  it('opens a board offline after one online visit, takes edits, and sends them when back', async () => {
    const board = await createBoard(server, 'Ward with no signal');
    const carer = await page();
    await joinBoardPage(carer.page, board.url, 'Carer');
    const first = await addNote(carer.page, 'Seen online');
    await waitForStatus(carer.page, 'All changes saved');
    // The service worker has taken the page over, so the app shell is on the device.
    await waitFor(() => carer.page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 10_000 });

    await carer.context.setOffline(true);
    await carer.page.reload();
    await waitForStatus(carer.page, 'Offline');
    await waitFor(async () => (await noteTexts(carer.page))[first] === 'Seen online', { message: 'the note from IndexedDB' });
    const offline = await addNote(carer.page, 'Added offline');
    await carer.page.getByTestId('pending-changes').waitFor();

    await carer.context.setOffline(false);
    await waitForStatus(carer.page, 'All changes saved');
    const other = await page();
    await joinBoardPage(other.page, board.url, 'Nurse');
    await waitFor(async () => (await noteTexts(other.page))[offline] === 'Added offline', {
      message: 'the offline note on the server',
    });
  });
});
