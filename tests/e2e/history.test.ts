import { describe, expect, it } from 'vitest';
import { addNote, createBoard, joinAs, noteTexts, useE2eEnvironment, waitFor } from './support/index.ts';

describe('board history in the browser', () => {
  const env = useE2eEnvironment();

  it('names a version, restores it after the board changed, and everyone sees it; the history keeps both', async () => {
    const board = await createBoard(env.server, 'Workshop series');
    const { page: facilitator } = await joinAs(env.browser, board.url, 'Fay');
    const { page: participant } = await joinAs(env.browser, board.url, 'Pat');
    const kept = await addNote(facilitator, 'Keep this');

    await facilitator.getByRole('button', { name: 'History & backups' }).click();
    await facilitator.getByLabel('Name this version').fill('After workshop 2');
    await facilitator.getByRole('button', { name: 'Save version' }).click();
    const versions = facilitator.getByRole('list', { name: 'Versions, newest first' });
    const names = versions.locator('.history-panel__name');
    await names.filter({ hasText: 'After workshop 2' }).waitFor();
    expect(await versions.getByRole('listitem').first().textContent()).toMatch(/After workshop 2.*1 note/);

    const later = await addNote(participant, 'A later idea');
    await waitFor(async () => (await noteTexts(facilitator))[later] === 'A later idea');

    await facilitator.getByRole('button', { name: 'Preview After workshop 2' }).click();
    const preview = facilitator.getByRole('region', { name: /Preview of After workshop 2 \(read-only\)/ });
    await preview.getByText('Keep this').waitFor();
    expect(await preview.getByText('A later idea').count()).toBe(0);
    expect(await preview.getByRole('textbox').count()).toBe(0);
    await preview.getByRole('button', { name: 'Restore this version' }).click();

    // The second person receives the restore like any other change.
    await waitFor(
      async () => {
        expect(await noteTexts(participant)).toEqual({ [kept]: 'Keep this' });
        return true;
      },
      { timeout: 10_000 },
    );
    await facilitator.getByText(/Restored “After workshop 2”/).waitFor();
    await names.filter({ hasText: 'Before restoring “After workshop 2”' }).waitFor();
    expect(await names.filter({ hasText: /^After workshop 2$/ }).count()).toBe(1);
    expect(await versions.getByRole('listitem').first().textContent()).toMatch(/Before restoring “After workshop 2”.*2 notes/);
  });
});
