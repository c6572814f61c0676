import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './a11y.shared.ts';
import { fillJoinForm, openParticipant, type Participant, useE2eEnvironment, waitFor } from './support/index.ts';

/**
 * Issue 12, the room's screen at 1920 × 1080: all six lanes with note text of 16 px or more,
 * a join panel that gets out of the way once people have joined, an address that never wraps
 * inside its code, and no WCAG 2.2 A/AA violations.
 */

interface Hook {
  camera: { get(): { x: number; y: number; scale: number }; getViewport(): { width: number; height: number } };
  noteFontSize?: number;
}
declare const window: { __costudio: Hook };

/** Six lanes of 360 board units, 24 apart (shared/src/schema/layout.ts). */
const BOARD_WIDTH = 6 * 384 - 24;
const FULL_HD = { viewport: { width: 1920, height: 1080 } };

const SHOTS = join(import.meta.dirname, 'screenshots');
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

const env = useE2eEnvironment({ requireLinks: true });
const people: Participant[] = [];
afterAll(async () => {
  for (const person of people) await person.context.close().catch(() => {});
});

describe('the projector at 1920 × 1080', () => {
  let facilitator: Page;
  let projector: Page;

  beforeAll(async () => {
    const fay = await openParticipant(env.browser, { viewport: { width: 1280, height: 800 } });
    people.push(fay);
    facilitator = fay.page;
    await facilitator.goto(env.server.url);
    await facilitator.getByLabel('Board name').fill('Care at home');
    await facilitator.getByRole('button', { name: 'New board' }).click();
    await facilitator.waitForURL(/\/b\//);
    await fillJoinForm(facilitator, 'Fay', 'practitioner');
    await facilitator.getByRole('button', { name: /^Add note/ }).click();
    await facilitator.keyboard.type('Visits are too short to talk');
    await facilitator.keyboard.press('Escape');

    // The room's screen, opened from the facilitator's device (which holds the facilitator link).
    projector = await fay.context.newPage();
    await projector.setViewportSize(FULL_HD.viewport);
    await projector.goto(`${facilitator.url()}?view=projector`);
    await projector.getByRole('img', { name: 'QR code to join this board' }).waitFor();
    await projector.locator('.board-canvas__surface canvas').first().waitFor();
  });

  it('shows all six lanes with note text of 16 px or more', async () => {
    await waitFor(
      async () => {
        const view = await projector.evaluate(() => {
          const { x, scale } = window.__costudio.camera.get();
          const { width } = window.__costudio.camera.getViewport();
          const surface = document.querySelector('.board-canvas__surface')?.getBoundingClientRect();
          // The part of the canvas not under the join panel.
          const panel = document.querySelector('.projector__side')?.getBoundingClientRect();
          const uncovered =
            panel && surface && panel.left < surface.right && panel.left > surface.left ? panel.left - surface.left : width;
          return {
            left: -x / scale,
            right: (Math.min(width, uncovered) - x) / scale,
            px: (window.__costudio.noteFontSize ?? 15) * scale,
          };
        });
        console.info(
          `projector: board x ${view.left.toFixed(0)}..${view.right.toFixed(0)} in view, note text ${view.px.toFixed(1)} px`,
        );
        expect(view.left).toBeLessThanOrEqual(0);
        expect(view.right).toBeGreaterThanOrEqual(BOARD_WIDTH);
        expect(view.px).toBeGreaterThanOrEqual(16);
        return true;
      },
      { message: 'six lanes at readable size', timeout: 10_000 },
    );
    await shot(projector, 'projector-1920x1080');
  });

  it('keeps the join code on one line', async () => {
    const lines = await projector.evaluate(() => {
      const url = document.querySelector('.projector__url');
      if (!url) return -1;
      const full = url.textContent ?? '';
      const code = full.slice(full.lastIndexOf('/') + 1);
      // The code's characters, wherever they sit in the element's text nodes: on how many lines?
      const walker = document.createTreeWalker(url, NodeFilter.SHOW_TEXT);
      const tops = new Set<number>();
      let offset = 0;
      const codeStart = full.length - code.length;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          if (offset + i >= codeStart) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = range.getBoundingClientRect();
            if (rect.height > 0) tops.add(Math.round(rect.top));
          }
        }
        offset += text.length;
      }
      return tops.size;
    });
    expect(lines).toBe(1);
  });

  it('has no WCAG 2.2 A/AA violations, at 1920 × 1080 and on a 1280 × 800 projector', async () => {
    expect(await axeViolations(projector)).toEqual([]);
    // A smaller screen, where the join panel used to overflow into a scroll box nothing could focus.
    await projector.setViewportSize({ width: 1280, height: 800 });
    await shot(projector, 'projector-1280x800');
    expect(await axeViolations(projector)).toEqual([]);
    await projector.setViewportSize({ width: 390, height: 844 });
    await shot(projector, 'projector-390x844');
    await projector.setViewportSize(FULL_HD.viewport);
  });

  it('shrinks the join panel to a card beside the title once people have joined, over none of the board', async () => {
    const big = await projector.locator('.projector__side').boundingBox();
    const joinUrl = (await projector.locator('.projector__url').textContent()) ?? '';
    expect(joinUrl).toMatch(/\/j\/\w{8}$/);
    for (const name of ['Ann', 'Bo', 'Cy']) {
      const person = await openParticipant(env.browser, { viewport: { width: 1280, height: 800 } });
      people.push(person);
      await person.page.goto(joinUrl);
      await person.page.waitForURL(/\/b\//);
      await fillJoinForm(person.page, name, 'lay');
    }
    await waitFor(
      async () => {
        const small = await projector.locator('.projector__side').boundingBox();
        const area = small ? (small.width * small.height) / (1920 * 1080) : 1;
        expect(area).toBeLessThan(0.08);
        return true;
      },
      { message: 'a small join panel', timeout: 10_000 },
    );
    // Never over the bottom of the lanes, where their last notes are.
    const overlap = await projector.evaluate(() => {
      const panel = document.querySelector('.projector__side')?.getBoundingClientRect();
      const board = document.querySelector('.board-canvas__surface')?.getBoundingClientRect();
      if (!panel || !board) return null;
      const width = Math.min(panel.right, board.right) - Math.max(panel.left, board.left);
      const height = Math.min(panel.bottom, board.bottom) - Math.max(panel.top, board.top);
      return width > 0 && height > 0 ? width * height : 0;
    });
    expect(overlap).toBe(0);
    // Still there to read from the back of the room: the code, and who is here.
    expect(await projector.locator('.projector__code').isVisible()).toBe(true);
    expect(
      await projector
        .getByTestId('projector-counts')
        .getByText(/\d lay participants?/)
        .isVisible(),
    ).toBe(true);
    console.info(
      `projector join panel: ${JSON.stringify(big)} → ${JSON.stringify(await projector.locator('.projector__side').boundingBox())}`,
    );
    await shot(projector, 'projector-1920x1080-joined');
    expect(await axeViolations(projector)).toEqual([]);
  });
});
