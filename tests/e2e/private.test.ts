import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  type DebugHook,
  joinAs,
  joinBoardPage,
  openParticipant,
  startBoardAs,
  useE2eEnvironment,
  waitFor,
} from '../support/e2e/index.ts';

/**
 * Private writing, then reveal: a note written privately is absent from another participant's
 * Y.Doc and from every WebSocket frame their browser receives, until the facilitator reveals it.
 */

declare const window: { __costudio: DebugHook };

const SECRET = 'Night staff never see the discharge letter';

const env = useE2eEnvironment();

const notesJson = (page: Page) => page.evaluate(() => JSON.stringify(window.__costudio.doc.getMap('notes').toJSON()));

describe('private writing', () => {
  it('keeps a private note off other devices and the network until the facilitator reveals it', async () => {
    const { page: other } = await openParticipant(env.browser);
    // Every frame the other participant's browser receives, as bytes.
    const received: Buffer[] = [];
    other.on('websocket', (socket) =>
      socket.on('framereceived', ({ payload }) => received.push(Buffer.isBuffer(payload) ? payload : Buffer.from(payload))),
    );

    const { page: facilitator } = await startBoardAs(env.browser, env.server.url, 'Quiet ideas', 'Fay', 'lay');
    const { page: writer } = await joinAs(env.browser, facilitator.url(), 'Wyn', 'lay');
    await joinBoardPage(other, facilitator.url(), 'Oli', 'lay');

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
