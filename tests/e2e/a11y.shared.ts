import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestServer } from './support/index.ts';

/** What the board exposes on window.__costudio (see client/src/debug/debugHook.ts). */
interface BoardHook {
  doc: {
    getMap(name: string): {
      keys(): IterableIterator<string>;
      get(key: string): { get(field: string): unknown } | undefined;
    };
  };
}
declare const window: { __costudio: BoardHook };
declare const axe: {
  run(
    context: unknown,
    options: unknown,
  ): Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }>;
};

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
export const DESKTOP = { viewport: { width: 1280, height: 800 } };

export async function createBoard(server: TestServer, title: string): Promise<string> {
  const response = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { path: string };
  return `${server.url}${body.path}`;
}

/** Waits until the relay has confirmed the board is loaded and saved. */
export async function waitForSaved(page: Page): Promise<void> {
  await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor({ timeout: 20_000 });
}

export function noteIds(page: Page): Promise<string[]> {
  return page.evaluate(() => [...window.__costudio.doc.getMap('notes').keys()]);
}

/** A field of a note in the page's own Y.Doc; Y.Text comes back as its string. */
export function noteField(page: Page, id: string, field: string): Promise<unknown> {
  return page.evaluate(
    ([noteId, name]) => {
      const value = window.__costudio.doc
        .getMap('notes')
        .get(noteId as string)
        ?.get(name as string);
      return value === undefined || typeof value !== 'object' || value === null ? value : String(value);
    },
    [id, field],
  );
}

/** What the board's polite live region says now. */
export function announcement(page: Page): Promise<string> {
  return page.locator('[data-testid="announcements"]').evaluate((region) => region.textContent ?? '');
}

let axeSource: Promise<string> | null = null;

/**
 * Runs axe-core in the page against WCAG 2.0/2.1/2.2 A and AA and returns one line per
 * violating node, so a failure says what and where.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy rightly blocks inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await axeSource);
  const result = await page.evaluate(() =>
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
  );
  return result.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${violation.help} at ${JSON.stringify(node.target)}`),
  );
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until `target` has focus, as a keyboard user would;
 * fails after `maxPresses` so a focus trap or an unreachable control is a clear error.
 */
export async function tabTo(page: Page, target: Locator, { maxPresses = 60, backwards = false } = {}): Promise<void> {
  for (let presses = 0; presses <= maxPresses; presses++) {
    const focused = await target.evaluate((element) => element === document.activeElement).catch(() => false);
    if (focused) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Could not reach ${target} with ${maxPresses} presses of Tab`);
}

/** Whether the element is the one with keyboard focus now. */
export function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement);
}

/** Saves a full-page screenshot for a person to look at, when COSTUDIO_SCREENSHOTS names a folder. */
export async function screenshotForReview(page: Page, name: string): Promise<void> {
  const dir = process.env.COSTUDIO_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
