import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, startTestServer, type TestServer, waitFor } from './support/index.ts';

/**
 * Private writing, then reveal: a note written privately is absent from another participant's
 * Y.Doc and from every WebSocket frame their browser receives, until the facilitator reveals it.
 */

interface Hook {
  doc: { getMap(name: string): { toJSON(): unknown } };
}
declare const window: { __costudio: Hook };

const SECRET = 'Night staff never see the discharge letter';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function join(page: Page, name: string): Promise<void> {
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('radio', { name: /patient, carer/ }).check();
  await page.getByRole('button', { name: 'Join the board' }).click();
  await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor({ timeout: 15_000 });
}

const notesJson = (page: Page) => page.evaluate(() => JSON.stringify(window.__costudio.doc.getMap('notes').toJSON()));

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.close();
});

describe('private writing', () => {
  it('keeps a private note off other devices and the network until the facilitator reveals it', async () => {
    const [a, b, c] = [await newContext(browser), await newContext(browser), await newContext(browser)];
    contexts.push(a, b, c);
    const facilitator = await a.newPage();
    const writer = await b.newPage();
    const other = await c.newPage();
    // Every frame the other participant's browser receives, as bytes.
    const received: Buffer[] = [];
    other.on('websocket', (socket) =>
      socket.on('framereceived', ({ payload }) => received.push(Buffer.isBuffer(payload) ? payload : Buffer.from(payload))),
    );

    await facilitator.goto(server.url);
    await facilitator.getByLabel('Board name').fill('Quiet ideas');
    await facilitator.getByRole('button', { name: 'New board' }).click();
    await facilitator.waitForURL(/\/b\//);
    await join(facilitator, 'Fay');
    await writer.goto(facilitator.url());
    await join(writer, 'Wyn');
    await other.goto(facilitator.url());
    await join(other, 'Oli');

    await facilitator.getByRole('button', { name: 'Facilitate', exact: true }).click();
    await facilitator.getByRole('button', { name: 'Start private writing' }).click();
    await writer.getByLabel('Private note', { exact: true }).fill(SECRET);
    await writer.getByRole('button', { name: 'Add private note' }).click();
    await writer.getByRole('list', { name: 'Your private notes' }).getByText(SECRET).waitFor();

    await facilitator.getByRole('button', { name: 'Review private notes' }).click();
    await facilitator.getByRole('list', { name: 'Private notes waiting to be revealed' }).getByText(`Wyn: ${SECRET}`).waitFor();

    // The other participant has nothing of it: not in their doc, not in any frame they received.
    expect(await notesJson(other)).not.toContain(SECRET);
    expect(Buffer.concat(received).includes(Buffer.from(SECRET))).toBe(false);
    expect(received.length).toBeGreaterThan(0);

    await facilitator.getByRole('button', { name: 'Reveal private notes' }).click();
    await facilitator.getByText('Revealed 1 private note.').waitFor();
    for (const page of [other, writer, facilitator]) {
      await waitFor(async () => (await notesJson(page)).includes(SECRET), { message: 'the revealed note on every board' });
    }
    // The same check now finds the revealed text in received frames: its earlier absence meant something.
    await waitFor(() => Buffer.concat(received).includes(Buffer.from(SECRET)), {
      message: 'the revealed note in received frames',
    });
    await waitFor(
      async () => (await writer.getByRole('list', { name: 'Your private notes' }).getByRole('listitem').count()) === 0,
      {
        message: 'the private copy to be gone',
      },
    );
  });
});
