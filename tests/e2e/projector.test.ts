import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { type DebugHook, fillJoinForm, openParticipant, startBoardAs, useE2eEnvironment, waitFor } from '../support/e2e/index.ts';

/**
 * The room's screen on a server that requires links: its QR code, read from a screenshot,
 * is a link that joins the board with edit rights; it counts who is here by role.
 */

declare const window: { __costudio: DebugHook };

const env = useE2eEnvironment({ requireLinks: true });

/** The board point at the centre of the page's canvas. */
async function centre(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.locator('.board-canvas__surface').boundingBox();
  if (!box) throw new Error('no canvas');
  const camera = await page.evaluate(() => window.__costudio.camera.get());
  return { x: (box.width / 2 - camera.x) / camera.scale, y: (box.height / 2 - camera.y) / camera.scale };
}

describe('projector', () => {
  it('shows a QR code that joins the board with edit rights, and counts people by role', async () => {
    const { context: facilitatorContext, page: facilitator } = await startBoardAs(
      env.browser,
      env.server.url,
      'Ward round',
      'Fay',
      'practitioner',
      { viewport: { width: 1400, height: 900 } },
    );

    // The facilitator opens the room's screen from the same device, which holds the facilitator link.
    const projector = await facilitatorContext.newPage();
    await projector.goto(`${facilitator.url()}?view=projector`);
    await projector.getByRole('heading', { name: 'Ward round' }).waitFor();
    const qr = projector.getByRole('img', { name: 'QR code to join this board' });
    await qr.waitFor();
    const png = PNG.sync.read(await qr.screenshot());
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded).not.toBeNull();
    const joinUrl = decoded?.data ?? '';
    // The short address (typed from the back of the room) is what the QR code holds; it redirects to the link.
    expect(joinUrl).toMatch(new RegExp(`^${env.server.url}/j/[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$`));
    expect(await projector.locator('.projector__url').textContent()).toBe(joinUrl);
    const code = joinUrl.slice(-8);
    expect(await projector.locator('.projector__code').textContent()).toContain(`${code.slice(0, 4)} ${code.slice(4)}`);

    const { page: phone } = await openParticipant(env.browser);
    await phone.goto(joinUrl);
    await phone.waitForURL(/\/b\//);
    await fillJoinForm(phone, 'Lee', 'lay');
    expect(await phone.getByText('You are viewing this board').count()).toBe(0);
    await phone
      .getByRole('button', { name: /^Add note/ })
      .first()
      .click();
    await phone.keyboard.type('From the back row');
    await phone.keyboard.press('Escape');
    await waitFor(async () => facilitator.evaluate(() => window.__costudio.doc.getMap('notes').size === 1), {
      message: "the phone's note to reach the facilitator",
    });

    const counts = projector.getByTestId('projector-counts');
    await waitFor(async () => (await counts.textContent())?.includes('1 lay participant'), { message: 'the lay count' });
    expect(await counts.textContent()).toContain('1 practitioner');
    // The room's screen shows the whole board (issue 12) until the facilitator chooses their own view.
    await facilitator.getByRole('button', { name: 'Facilitate', exact: true }).click();
    await facilitator.getByRole('radio', { name: 'What I see' }).check();
    await facilitator.evaluate(() => window.__costudio.camera.set({ x: -1200, y: -100, scale: 1.2 }));
    const looking = await centre(facilitator);
    await waitFor(
      async () => {
        const shown = await centre(projector);
        return Math.abs(shown.x - looking.x) < 40 && Math.abs(shown.y - looking.y) < 40;
      },
      { message: "the projector to follow the facilitator's view" },
    );
    // No editing tools on the room's screen.
    expect(await projector.getByRole('button', { name: /^Add note/ }).count()).toBe(0);
  });
});
