import { getVotesMap, NOTE_HEIGHT, NOTE_WIDTH, openVote, readVotes, type Vote } from '@costudio/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { connectBoardClient } from '../support/boardClient.ts';
import { addNote, createBoard, type DebugHook, joinAs, noteScreenRect, useE2eEnvironment, waitFor } from './support/index.ts';

/** A point inside a note's "+ dot" target (canvas/canvasDots.ts DOT_TARGET), in board units from the note's corner. */
const TARGET_CENTRE = { x: NOTE_WIDTH - 50 + 22, y: NOTE_HEIGHT - 27 + 12 };
/** A point inside its "− dot" target (TAKE_BACK_TARGET), left of "+ dot". */
const TAKE_BACK_CENTRE = { x: TARGET_CENTRE.x - 48, y: TARGET_CENTRE.y };

declare const window: { __costudio: DebugHook };

describe('dot voting on the canvas (issue 5)', () => {
  const env = useE2eEnvironment();

  it('shows dot counts on notes in the vote and places a dot with a click on "+ dot", within the dots per person', async () => {
    const board = await createBoard(env.server, 'Canvas vote');
    const { page } = await joinAs(env.browser, board.url, 'Lena');
    const voted = await addNote(page, 'Click to vote for me');
    const client = connectBoardClient(env.server.syncUrl, board.id);
    const { doc } = client;
    const dotsOn = (noteId: string) =>
      readVotes(doc)
        .flatMap((vote: Vote) => vote.dots)
        .filter((dot) => dot.noteId === noteId);
    try {
      await client.whenSynced();
      await page.keyboard.press('Escape');
      openVote(doc, { scope: 'board', dotsPerPerson: 2 });
      await waitFor(() => getVotesMap(doc).size === 1);

      await waitFor(async () => (await drawnDots(page, voted)) === 'Yours: 0 · All: 0', { message: 'the dot count on the note' });
      const rect = await noteScreenRect(page, voted);
      const scale = rect.width / NOTE_WIDTH;
      const target = { x: rect.x + TARGET_CENTRE.x * scale, y: rect.y + TARGET_CENTRE.y * scale };

      await page.mouse.click(target.x, target.y);
      await waitFor(() => dotsOn(voted).length === 1, { message: 'the first dot to reach the relay' });
      await waitFor(
        async () => (await page.getByTestId('canvas-dot-message').textContent()) === 'Dot added. You have 1 dot left.',
      );
      await waitFor(async () => (await drawnDots(page, voted)) === 'Yours: 1 · All: 1');

      await page.mouse.click(target.x, target.y);
      await waitFor(() => dotsOn(voted).length === 2);
      await waitFor(async () => (await drawnDots(page, voted)) === 'Yours: 2 · All: 2');
      // No dots left: the target is gone, and a click there opens the note as anywhere else.
      await page.mouse.click(target.x, target.y);
      await page.locator('.note-editor__text').waitFor();
      expect(dotsOn(voted)).toHaveLength(2);
      expect(new Set(dotsOn(voted).map((dot) => dot.role))).toEqual(new Set(['lay']));

      // "− dot" takes one back, and the screen reader hears how many are left.
      await page.keyboard.press('Escape');
      await page.locator('.note-editor__text').waitFor({ state: 'detached' });
      await page.mouse.click(rect.x + TAKE_BACK_CENTRE.x * scale, rect.y + TAKE_BACK_CENTRE.y * scale);
      await waitFor(() => dotsOn(voted).length === 1, { message: 'the dot to be taken back on the relay' });
      await waitFor(async () => (await drawnDots(page, voted)) === 'Yours: 1 · All: 1');
      await waitFor(
        async () => (await page.getByTestId('canvas-dot-message').textContent()) === 'Dot taken back. You have 1 dot left.',
      );
    } finally {
      client.destroy();
      doc.destroy();
    }
  });
});

/** The dot count drawn on a note, as the shape carries it (a canvas has no DOM to read). */
async function drawnDots(page: Page, id: string): Promise<string | null> {
  return page.evaluate((noteId) => window.__costudio.noteDots(noteId), id);
}
