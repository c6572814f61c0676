import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcement, createBoard, noteIds, waitForSaved } from './a11y.shared.ts';
import {
  collectPageProblems,
  launchBrowser,
  newContext,
  type PageProblems,
  startTestServer,
  type TestServer,
  waitFor,
} from './support/index.ts';

declare const window: { __heard: string[] };

async function join(page: Page, url: string, name: string, role: RegExp): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('radio', { name: role }).check();
  await page.getByRole('button', { name: 'Join the board' }).click();
  await waitForSaved(page);
  await page.getByRole('button', { name: 'List' }).click();
}

/** Keeps every text the live region ever shows, so a test can tell what was never said. */
function recordAnnouncements(page: Page): Promise<void> {
  return page.evaluate(() => {
    window.__heard = [];
    const region = document.querySelector('[data-testid="announcements"]');
    if (!region) throw new Error('no live region');
    new MutationObserver(() => window.__heard.push(region.textContent ?? '')).observe(region, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
}

async function addNote(page: Page, lane: string): Promise<void> {
  await page
    .getByRole('region', { name: lane })
    .getByRole('button', { name: /^Add note/ })
    .click();
}

describe("hearing what others do through the board's live region", () => {
  let server: TestServer;
  let browser: Browser;
  let alice: Page;
  let pat: Page;
  let problems: PageProblems[];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    alice = await (await newContext(browser)).newPage();
    pat = await (await newContext(browser)).newPage();
    problems = [collectPageProblems(alice), collectPageProblems(pat)];
    const url = await createBoard(server, 'Outpatient letters');
    await join(alice, url, 'Alice', /patient, carer/);
    await join(pat, url, 'Pat', /practitioner/);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is a polite live region', async () => {
    const region = alice.locator('[data-testid="announcements"]');
    expect(await region.getAttribute('aria-live')).toBe('polite');
  });

  it('announces a note added by another participant, by role', async () => {
    await recordAnnouncements(alice);
    await addNote(pat, 'Decide');
    await waitFor(async () => (await announcement(alice)).includes('A practitioner added a note to Decide.'), {
      message: "Alice's live region to announce Pat's note",
    });
    // Pat is not told about Pat's own note.
    expect(await announcement(pat)).not.toContain('added a note');
  });

  it('names the person at the setting More', async () => {
    await alice.getByRole('button', { name: 'Text and sound' }).click();
    await alice.getByRole('radio', { name: /^More/ }).check();
    await alice.getByRole('button', { name: 'Close' }).click();
    await addNote(pat, 'Define');
    await waitFor(async () => (await announcement(alice)).includes('Pat (practitioner) added a note to Define.'), {
      message: 'the named announcement',
    });
  });

  it('says nothing about others at the setting None', async () => {
    await alice.getByRole('button', { name: 'Text and sound' }).click();
    await alice.getByRole('radio', { name: /^None/ }).check();
    await alice.getByRole('button', { name: 'Close' }).click();
    await recordAnnouncements(alice);
    const before = (await noteIds(alice)).length;
    await addNote(pat, 'Evaluate');
    await waitFor(async () => (await noteIds(alice)).length === before + 1, { message: "Pat's note in Alice's doc" });
    // Alice's own action is still confirmed; anything queued about Pat would be spoken with it.
    await alice.getByRole('region', { name: 'Evaluate' }).getByRole('button', { name: 'Delete' }).click();
    await waitFor(async () => (await announcement(alice)).includes('Note deleted.'), {
      message: 'the confirmation of her own delete',
    });
    const heard = await alice.evaluate(() => window.__heard);
    expect(heard.join(' ')).not.toContain('added a note');
  });

  it('raised no page errors', () => {
    for (const collected of problems) expect(collected.all()).toEqual([]);
  });
});
