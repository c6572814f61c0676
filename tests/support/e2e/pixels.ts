import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import type { ScreenRect } from './boardDoc.ts';

/** An sRGB colour as 0–255 channels. */
export type Rgb = readonly [number, number, number];

/** "#1f5fbf" → [31, 95, 191]. */
export function rgbOf(hex: string): Rgb {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/**
 * How many pixels of a screen area (CSS px, at deviceScaleFactor 1) are within `tolerance` of
 * `colour` on every channel: what a person sees of something drawn on a canvas in that colour.
 */
export async function pixelsOfColour(page: Page, clip: ScreenRect, colour: Rgb, tolerance = 24): Promise<number> {
  const png = PNG.sync.read(await page.screenshot({ clip }));
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const close = [0, 1, 2].every((channel) => Math.abs((png.data[i + channel] ?? 0) - (colour[channel] ?? 0)) <= tolerance);
    if (close) count += 1;
  }
  return count;
}

/** The colour of one screen pixel (CSS px). */
export async function pixelAt(page: Page, x: number, y: number): Promise<Rgb> {
  const png = PNG.sync.read(await page.screenshot({ clip: { x, y, width: 1, height: 1 } }));
  return [png.data[0] ?? 0, png.data[1] ?? 0, png.data[2] ?? 0];
}
