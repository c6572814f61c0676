import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

declare const axe: {
  run(
    context: unknown,
    options: unknown,
  ): Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }>;
};

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
