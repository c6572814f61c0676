import { createNote, FIRST_VIEW_NOTES_PER_LANE, LANE_IDS } from '@costudio/shared';
import type { Page, WebSocketRoute } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { connectBoardClient } from '../support/boardClient.ts';
import {
  addNote,
  createBoard,
  drawnNoteIds,
  noteIds,
  openParticipant,
  PHONE,
  submitJoinForm,
  useE2eEnvironment,
  waitFor,
} from './support/index.ts';

const ROWS = 500;
const NOTES = ROWS * LANE_IDS.length;

/** Holds a page's board connection until `release()`: what a slow network or a busy relay looks like. */
async function holdBoardConnection(page: Page): Promise<{ release(): void }> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.routeWebSocket(/\/sync\//, async (socket: WebSocketRoute) => {
    const early: (string | Buffer)[] = [];
    let relay: WebSocketRoute | null = null;
    socket.onMessage((message) => {
      if (relay) relay.send(message);
      else early.push(message);
    });
    await released;
    relay = socket.connectToServer();
    for (const message of early.splice(0)) relay.send(message);
  });
  return { release };
}

describe('a big board opens on its first view while its document arrives (issue 12)', () => {
  const env = useE2eEnvironment();

  it('shows the top of each lane before the document is in, read-only, then the whole board, editable', async () => {
    const board = await createBoard(env.server, 'Big board');
    const seeder = connectBoardClient(env.server.syncUrl, board.id, { saved: true });
    await seeder.whenSynced();
    seeder.doc.transact(() => {
      for (let row = 0; row < ROWS; row++) {
        for (const lane of LANE_IDS) {
          createNote(seeder.doc, {
            lane,
            text: `${lane} row ${row}`,
            author: 'Ann',
            authorRole: 'lay',
            x: 0,
            y: 120 + row * 150,
          });
        }
      }
    });
    await waitFor(() => seeder.allOwnChangesSaved() || null, { message: 'the seeded board saved', timeout: 30_000 });
    seeder.destroy();

    for (const options of [{ viewport: { width: 1280, height: 800 } }, PHONE]) {
      // A new device, so no copy of the board on it yet.
      const { page, context } = await openParticipant(env.browser, options);
      const held = await holdBoardConnection(page);
      await page.goto(board.url);
      await submitJoinForm(page, 'Lee', 'lay');
      const docNotes = async () => (await noteIds(page)).length;

      const listTexts = () =>
        page.locator('textarea.lane-note__text').evaluateAll((fields) =>
          fields.map((field) => ({
            text: (field as HTMLTextAreaElement).value,
            readOnly: (field as HTMLTextAreaElement).readOnly,
          })),
        );
      if (options === PHONE) {
        // The phone's list: the first notes of Define are there to read, and not to write.
        const shown = await waitFor(
          async () => {
            const fields = await listTexts();
            return fields.some((field) => field.text === 'define row 0') ? fields : null;
          },
          { message: 'the first notes of Define in the list' },
        );
        expect(shown.map((field) => field.text)).toContain(`define row ${FIRST_VIEW_NOTES_PER_LANE - 1}`);
        expect(shown.every((field) => field.readOnly)).toBe(true);
      } else {
        const drawn = await waitFor(
          async () => {
            const ids = await drawnNoteIds(page);
            return ids.length > 0 ? ids : null;
          },
          { message: 'notes drawn on the canvas' },
        );
        expect(drawn.length).toBeGreaterThan(4);
        expect(drawn.length).toBeLessThanOrEqual(FIRST_VIEW_NOTES_PER_LANE * LANE_IDS.length);
      }
      expect(await docNotes()).toBe(0);
      // Nothing can be written into a picture of the board.
      const addButton = page.getByRole('button', { name: /^Add note/ }).first();
      if (options !== PHONE) expect(await addButton.isDisabled()).toBe(true);

      held.release();
      await waitFor(async () => ((await docNotes()) >= NOTES ? true : null), {
        message: 'the whole document in (the laptop added one)',
        timeout: 30_000,
      });
      if (options !== PHONE) {
        await waitFor(async () => ((await addButton.isEnabled()) ? true : null), { message: 'Add note enabled' });
        const id = await addNote(page, 'Written once the board was in');
        expect(id).toBeTruthy();
      } else {
        // The same fields, now the notes' own text, to type in.
        const fields = await waitFor(
          async () => {
            const now = await listTexts();
            return now.some((field) => field.text === 'define row 0' && !field.readOnly) ? now : null;
          },
          { message: 'the list editable' },
        );
        expect(fields.find((field) => field.text === 'define row 0')?.readOnly).toBe(false);
      }
      await context.close();
    }
  });
});
