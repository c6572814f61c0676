import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { type DebugHook, joinAs, startBoardAs, useE2eEnvironment, waitFor } from '../support/e2e/index.ts';

/**
 * The board lock in two browsers: the facilitator locks, the participant's drag of a note to
 * another lane is refused and the page says why; after the unlock the same drag works.
 */

declare const window: { __costudio: DebugHook };

const LANE_WIDTH = 360;
const LANE_GAP = 24;

const env = useE2eEnvironment();

const laneOf = (page: Page, id: string) =>
  page.evaluate((noteId) => window.__costudio.doc.getMap<Y.Map<unknown>>('notes').get(noteId)?.get('lane'), id);

interface KonvaNode {
  findAncestor(selector: string, includeSelf?: boolean): KonvaNode | undefined;
}
interface KonvaGlobal {
  stages: { container(): HTMLElement; getIntersection(point: { x: number; y: number }): KonvaNode | null }[];
}
declare const Konva: KonvaGlobal;

/** Whether a press at (x, y) on the page would reach a note on the canvas, not the board under it. */
const pressReachesNote = (page: Page, point: { x: number; y: number }) =>
  page.evaluate(({ x, y }) => {
    const stage = Konva.stages.find((candidate) => candidate.container().closest('.board-canvas__surface'));
    if (!stage) return false;
    const box = stage.container().getBoundingClientRect();
    return stage.getIntersection({ x: x - box.left, y: y - box.top })?.findAncestor('.note', true) !== undefined;
  }, point);

/** Drags the note to the middle of lane `laneIndex` with the mouse, as a person would. */
async function dragToLane(page: Page, id: string, laneIndex: number): Promise<void> {
  // Where the note is drawn once the layout has settled (a notice that came or went moves the
  // canvas), and once the canvas listens again: for a moment after the camera moves or the canvas
  // is resized (Fit board, a notice, a reconnect) it ignores pointers, and a press there pans.
  const drawnAt = () => page.evaluate((noteId) => window.__costudio.noteScreenRect(noteId), id);
  const rect = await waitFor(
    async () => {
      const first = await drawnAt();
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const second = await drawnAt();
      if (!first || !second || first.x !== second.x || first.y !== second.y) return null;
      return (await pressReachesNote(page, { x: second.x + second.width / 2, y: second.y + second.height / 2 })) ? second : null;
    },
    { message: 'the note drawn, still, and answering the pointer' },
  );
  const { x, scale } = await page.evaluate(() => window.__costudio.camera.get());
  const box = await page.locator('.board-canvas__surface').boundingBox();
  if (!box) throw new Error('no canvas');
  const targetX = box.x + x + (laneIndex * (LANE_WIDTH + LANE_GAP) + LANE_WIDTH / 2) * scale;
  const start = { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(targetX, start.y + 40, { steps: 12 });
  await page.mouse.up();
}

describe('board lock', () => {
  it("refuses a participant's drag while the board or a lane is locked, and says why", async () => {
    const { page: facilitator } = await startBoardAs(env.browser, env.server.url, 'Locked board', 'Fay');
    const { page: participant } = await joinAs(env.browser, facilitator.url(), 'Pat', 'practitioner');
    // Every lane in view, to drag across them (at the readable starting zoom Decide is off-screen).
    await participant.getByRole('button', { name: 'Fit board' }).click();

    await participant
      .getByRole('button', { name: /^Add note/ })
      .first()
      .click();
    await participant.keyboard.type('Move me');
    await participant.keyboard.press('Escape');
    const id = await waitFor(async () => facilitator.evaluate(() => [...window.__costudio.doc.getMap('notes').keys()][0]), {
      message: 'the note at the facilitator',
    });

    await facilitator.getByRole('button', { name: 'Facilitate', exact: true }).click();
    await facilitator.getByRole('button', { name: 'Lock board' }).click();
    await participant.getByText('The facilitator has locked the board').waitFor();
    await dragToLane(participant, id, 3);
    expect(await laneOf(participant, id)).toBe('define');
    expect(await laneOf(facilitator, id)).toBe('define');
    // A note that cannot be dragged opens read-only when pressed; close it again.
    await participant.keyboard.press('Escape');
    expect(
      await participant
        .getByRole('button', { name: /^Add note/ })
        .first()
        .isDisabled(),
    ).toBe(true);

    // The unlock closes the participant's read-only socket (1012); it comes back with edit rights.
    await participant.evaluate(() => {
      (window as unknown as { lockedSocket: unknown }).lockedSocket = window.__costudio.provider.ws;
    });
    await facilitator.getByRole('button', { name: 'Unlock board' }).click();
    await waitFor(async () => (await participant.getByText('The facilitator has locked the board').count()) === 0, {
      message: 'the lock to lift',
    });
    await waitFor(
      () =>
        participant.evaluate(() => {
          const { provider } = window.__costudio;
          const locked = (window as unknown as { lockedSocket: unknown }).lockedSocket;
          return provider.ws !== locked && provider.wsconnected && provider.synced;
        }),
      { message: "the participant's socket back with edit rights" },
    );
    await participant.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    // The refused drag panned the view; show every lane again.
    await participant.getByRole('button', { name: 'Fit board' }).click();
    await dragToLane(participant, id, 3);
    await waitFor(async () => (await laneOf(facilitator, id)) === 'decide', {
      message: 'the unlocked drag to reach the facilitator',
    });

    // Lane locks: a note cannot leave a locked lane, nor be moved into one; the page says so.
    await facilitator.getByRole('checkbox', { name: 'Decide' }).check();
    await participant.getByText('The facilitator has locked Decide: notes there cannot be moved or changed').waitFor();
    await dragToLane(participant, id, 4);
    await participant.keyboard.press('Escape');
    expect(await laneOf(participant, id)).toBe('decide');
    await facilitator.getByRole('checkbox', { name: 'Decide' }).uncheck();
    await facilitator.getByRole('checkbox', { name: 'Define' }).check();
    await participant.getByText('The facilitator has locked Define').waitFor();
    await dragToLane(participant, id, 0);
    expect(await laneOf(participant, id)).toBe('decide');
    // The refused note is drawn back in its own lane, not where it was dropped.
    const { x, scale } = await participant.evaluate(() => window.__costudio.camera.get());
    const rect = await participant.evaluate((noteId) => window.__costudio.noteScreenRect(noteId), id);
    const box = await participant.locator('.board-canvas__surface').boundingBox();
    const decideLeft = (box?.x ?? 0) + x + 3 * (LANE_WIDTH + LANE_GAP) * scale;
    expect(rect?.x ?? 0).toBeGreaterThanOrEqual(decideLeft - 1);
    expect(await laneOf(facilitator, id)).toBe('decide');
  });
});
