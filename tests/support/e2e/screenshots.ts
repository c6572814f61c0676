import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';

/** Where e2e tests leave pictures for a person to look at; git-ignored, made on first use. */
export const SCREENSHOT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../e2e/screenshots');

export interface ScreenshotOptions {
  /** Another folder, e.g. one a reviewer named (see screenshotForReview). */
  dir?: string;
  /** The whole scrollable page rather than the viewport (pages only). */
  fullPage?: boolean;
}

/** Saves a PNG of a page or one element as `<name>.png` and returns its path. */
export async function screenshot(target: Page | Locator, name: string, options: ScreenshotOptions = {}): Promise<string> {
  const dir = options.dir ?? SCREENSHOT_DIR;
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  if ('goto' in target) await target.screenshot({ path, fullPage: options.fullPage ?? false });
  else await target.screenshot({ path });
  return path;
}

/** Saves a full-page screenshot for a person to look at, when COSTUDIO_SCREENSHOTS names a folder. */
export async function screenshotForReview(page: Page, name: string): Promise<void> {
  const dir = process.env.COSTUDIO_SCREENSHOTS;
  if (!dir) return;
  await screenshot(page, name, { dir, fullPage: true });
}
