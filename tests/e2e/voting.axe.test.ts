import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillNewNote as addNote, fillJoinForm, joinBoardPage, useE2eEnvironment } from './support/index.ts';

/**
 * axe-core on the issue-5 panel (open-vote form, dot vote, perspectives table and chart,
 * balance table, report buttons), the anonymous-note dialog and the balance prompts.
 * The context bypasses the page's Content Security Policy only so axe's script can be injected.
 */

declare const axe: {
  run(
    context: unknown,
    options: unknown,
  ): Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }>;
};

const env = useE2eEnvironment();
let context: BrowserContext;

async function violations(page: Page, selector: string): Promise<string[]> {
  const source = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: source });
  const result = await page.evaluate(
    (include) =>
      axe.run(
        { include: [include] },
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
      ),
    selector,
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((node) => JSON.stringify(node.target)).join(', ')})`);
}

beforeAll(async () => {
  context = await env.browser.newContext({ viewport: { width: 1100, height: 760 }, locale: 'en-GB', bypassCSP: true });
});

afterAll(async () => {
  await context?.close().catch(() => {});
});

describe('voting views have no WCAG 2.2 A/AA violations', () => {
  it('in the panel, the anonymous dialog and the balance prompt', async () => {
    const page = await context.newPage();
    await page.goto(env.server.url);
    await page.getByLabel('Board name').fill('Axe board');
    await page.getByRole('button', { name: 'New board' }).click();
    await page.waitForURL(/\/b\//);
    await fillJoinForm(page, 'Fran', 'practitioner');
    for (let index = 1; index <= 6; index++) await addNote(page, `Idea ${index}`);
    // A lay participant in the room makes the practitioner-only lane worth a prompt.
    const layContext = await env.browser.newContext({ viewport: { width: 800, height: 600 }, locale: 'en-GB' });
    await joinBoardPage(await layContext.newPage(), page.url(), 'Lou');

    await page.getByRole('button', { name: 'Post anonymously…' }).click();
    expect(await violations(page, 'dialog[open]')).toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Votes and results' }).click();
    await page.locator('#vote-panel').waitFor();
    await page
      .getByTestId('balance-prompts')
      .getByText(/invite them in/)
      .first()
      .waitFor();
    expect(await violations(page, '#vote-panel')).toEqual([]);
    expect(await violations(page, '[data-testid="balance-prompts"]')).toEqual([]);

    await page.getByRole('checkbox', { name: 'Hide totals until the vote closes' }).uncheck();
    await page.getByRole('button', { name: 'Open vote' }).click();
    await page.getByRole('button', { name: 'Add a dot to: Idea 1' }).click();
    await page.getByRole('button', { name: 'Add a dot to: Idea 2' }).click();
    await page.getByRole('table', { name: /So far in vote 1/ }).waitFor();
    expect(await violations(page, '#vote-panel')).toEqual([]);
    expect(await violations(page, '.board-header')).toEqual([]);
    // The check itself can fail: an image without a text alternative in the panel is caught.
    await page.evaluate(() => document.querySelector('#vote-panel')?.append(document.createElement('img')));
    expect((await violations(page, '#vote-panel')).join('\n')).toMatch(/^image-alt/);
    await layContext.close();
  }, 120_000);
});
