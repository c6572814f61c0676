import { describe, expect, it } from 'vitest';
import { addNote, createBoard, joinAs, noteTexts, useE2eEnvironment, waitFor, waitForSaved } from './support/index.ts';

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
  const env = useE2eEnvironment();

  it('marks exactly the notes added, changed or moved since this device last saw the board', async () => {
    const board = await createBoard(env.server, 'Between meetings');
    const { page: returning } = await joinAs(env.browser, board.url, 'Rita');
    const rewritten = await addNote(returning, 'Rewrite me');
    const moved = await addNote(returning, 'Move me');
    const untouched = await addNote(returning, 'Leave me');
    await waitForSaved(returning);
    // Leaving the board page records what this device saw.
    await returning.goto(env.server.url);

    const { page: other } = await joinAs(env.browser, board.url, 'Omar');
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
    await waitForSaved(other);

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
