import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote, joinBoardPage, noteTexts, waitForStatus } from './support/boardPage.ts';
import { createBoard, launchBrowser, newContext, startTestServer, type TestServer, waitFor } from './support/index.ts';

interface EditHook {
  doc: {
    getMap(name: string): {
      get(id: string): { get(field: string): { insert(i: number, s: string): void }; set(k: string, v: unknown): void };
    };
  };
}
declare const window: { __costudio: EditHook };
declare const document: { activeElement: { id: string } | null; querySelector(s: string): { textContent: string | null } | null };

describe("what's new since your last visit", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('marks exactly the notes added, changed or moved since this device last saw the board', async () => {
    const board = await createBoard(server, 'Between meetings');
    const returning: Page = await (await newContext(browser)).newPage();
    await joinBoardPage(returning, board.url, 'Rita');
    const rewritten = await addNote(returning, 'Rewrite me');
    const moved = await addNote(returning, 'Move me');
    const untouched = await addNote(returning, 'Leave me');
    await waitForStatus(returning, 'All changes saved');
    // Leaving the board page records what this device saw.
    await returning.goto(server.url);

    const other = await (await newContext(browser)).newPage();
    await joinBoardPage(other, board.url, 'Omar');
    await waitFor(async () => Object.keys(await noteTexts(other)).length === 3);
    await other.evaluate(
      ([textId, moveId]) => {
        const notes = window.__costudio.doc.getMap('notes');
        notes
          .get(textId as string)
          .get('text')
          .insert(0, 'Rewritten: ');
        notes.get(moveId as string).set('lane', 'decide');
      },
      [rewritten, moved],
    );
    const added = await addNote(other, 'New while you were away');
    await waitForStatus(other, 'All changes saved');

    await returning.goto(board.url);
    const bar = returning.getByRole('region', { name: "What's new" });
    await bar.getByText('3 notes added or changed since your last visit').waitFor({ timeout: 15_000 });
    await returning.getByRole('button', { name: 'List', exact: true }).click();
    const marked = await returning.evaluate(() => document.querySelector('.whats-new style')?.textContent ?? '');
    const markedIds = [...marked.matchAll(/#lane-note-text-([\w-]+)/g)].map((match) => match[1]);
    expect(new Set(markedIds)).toEqual(new Set([rewritten, moved, added]));
    expect(markedIds).not.toContain(untouched);

    const focused = new Set<string>();
    for (let i = 0; i < 3; i++) {
      await bar.getByRole('button', { name: 'Next change' }).click();
      focused.add(await returning.evaluate(() => document.activeElement?.id ?? ''));
    }
    expect(focused).toEqual(new Set([rewritten, moved, added].map((id) => `lane-note-text-${id}`)));
    // Screen readers hear it too, in the polite live region.
    await waitFor(async () => (await returning.getByTestId('announcements').textContent())?.includes('3 notes added or changed'));
  });
});
