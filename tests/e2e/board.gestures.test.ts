import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  canvasCamera as camera,
  createBoard,
  type DebugHook,
  joinBoardPage,
  openParticipant,
  type PageProblems,
  useE2eEnvironment,
  waitFor,
} from './support/index.ts';

declare const window: { __costudio: DebugHook };

async function surfaceCentre(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.locator('.board-canvas__surface').boundingBox();
  if (!box) throw new Error('no canvas surface');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

describe('pan and zoom of the board canvas', () => {
  const env = useE2eEnvironment();
  const problems: PageProblems[] = [];

  /** A fresh board named "Gestures", joined by Dee (lay). */
  async function openJoinedBoard(page: Page): Promise<void> {
    await joinBoardPage(page, (await createBoard(env.server, 'Gestures')).url, 'Dee');
  }

  it('pans with the wheel, zooms with Ctrl+wheel and with the keyboard, and fits the board', async () => {
    const { page, problems: collected } = await openParticipant(env.browser);
    problems.push(collected);
    await openJoinedBoard(page);
    const centre = await surfaceCentre(page);
    const start = await camera(page);

    await page.mouse.move(centre.x, centre.y);
    await page.mouse.wheel(0, 200);
    await waitFor(async () => (await camera(page)).y < start.y - 100, { message: 'wheel to pan the board up' });

    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    await waitFor(async () => (await camera(page)).scale > start.scale * 1.3, { message: 'Ctrl+wheel to zoom in' });

    await page.locator('.board-canvas__surface').focus();
    const beforeKeys = await camera(page);
    await page.keyboard.press('ArrowRight');
    await waitFor(async () => (await camera(page)).x < beforeKeys.x, { message: 'ArrowRight to pan' });
    await page.keyboard.press('-');
    await waitFor(async () => (await camera(page)).scale < beforeKeys.scale, { message: '- to zoom out' });
    await page.keyboard.press('0');
    // Fit shows the whole board: all six lanes, 2280 board units wide, inside the surface.
    const fitted = await waitFor(async () => {
      const now = await camera(page);
      return now.scale < beforeKeys.scale ? now : null;
    });
    const box = await page.locator('.board-canvas__surface').boundingBox();
    expect(fitted.x).toBeGreaterThanOrEqual(0);
    expect(fitted.x + 2280 * fitted.scale).toBeLessThanOrEqual((box?.width ?? 0) + 1);
    await page.context().close();
  });

  it('zooms with a two-finger pinch and adds a note with a double tap on a touch screen', async () => {
    // A tablet-sized touch screen: narrow phones open the lane list first (issue 4), not the canvas.
    const {
      context,
      page,
      problems: collected,
    } = await openParticipant(env.browser, { viewport: { width: 1024, height: 768 }, hasTouch: true });
    problems.push(collected);
    await openJoinedBoard(page);
    const centre = await surfaceCentre(page);
    const before = await camera(page);
    const cdp = await context.newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', spread: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints:
          type === 'touchEnd'
            ? []
            : [
                { x: centre.x - spread, y: centre.y, id: 1 },
                { x: centre.x + spread, y: centre.y, id: 2 },
              ],
      });
    await touch('touchStart', 30);
    for (let spread = 40; spread <= 120; spread += 10) await touch('touchMove', spread);
    await touch('touchEnd', 0);
    await waitFor(async () => (await camera(page)).scale > before.scale * 2, { message: 'pinch to zoom in' });

    // Double tap in a lane, below its heading, adds a note there.
    await page.locator('.board-canvas__surface').focus();
    await page.keyboard.press('0');
    const fit = await waitFor(async () => {
      const now = await camera(page);
      return now.scale < before.scale * 2 ? now : null;
    });
    const box = await page.locator('.board-canvas__surface').boundingBox();
    if (!box) throw new Error('no canvas surface');
    const tapAt = { x: box.x + fit.x + 180 * fit.scale, y: box.y + fit.y + 400 * fit.scale };
    await page.touchscreen.tap(tapAt.x, tapAt.y);
    await page.touchscreen.tap(tapAt.x, tapAt.y);
    const count = await waitFor(async () => (await page.evaluate(() => window.__costudio.doc.getMap('notes').size)) || null, {
      message: 'a note added by double tap',
    });
    // Exactly one: the lift of the pinch's fingers must not pair with a tap into a double tap.
    expect(count).toBe(1);
    await context.close();
  });

  it('raised no page errors', () => {
    for (const collected of problems) expect(collected.all()).toEqual([]);
  });
});
