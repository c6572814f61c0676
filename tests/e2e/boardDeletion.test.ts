import { describe, expect, it } from 'vitest';
import { phraseInFiles } from '../support/phraseInFiles.ts';
import { addNote, joinAs, noteTexts, startBoardAs, useE2eEnvironment, waitFor, waitForSaved } from './support/index.ts';

declare const indexedDB: { databases(): Promise<{ name?: string }[]> };
declare const localStorage: { length: number; key(index: number): string | null; getItem(key: string): string | null };

const TITLE = 'Ward 7 listening board';
const PHRASE = 'Pangolin-harbour-3390 they never asked me';

describe('deleting a board', () => {
  const env = useE2eEnvironment();

  it('a facilitator deletes the board by typing its title; every open device is told and forgets it', async () => {
    const facilitator = await startBoardAs(env.browser, env.server.url, TITLE, 'Fiona');
    const boardId = new URL(facilitator.page.url()).pathname.split('/').pop() as string;
    await addNote(facilitator.page, PHRASE);
    await waitForSaved(facilitator.page);
    const patient = await joinAs(env.browser, facilitator.page.url(), 'Pat');
    await waitFor(async () => Object.values(await noteTexts(patient.page)).includes(PHRASE), {
      message: 'the note on Pat’s device',
    });
    await waitForSaved(patient.page);

    // History & backups is in the Facilitate panel (issue 12's board-first layout).
    await facilitator.page.getByRole('button', { name: 'Facilitate', exact: true }).click();
    await facilitator.page.getByRole('button', { name: 'History & backups' }).click();
    const go = facilitator.page.getByRole('button', { name: 'Delete this board for good' });
    await facilitator.page.getByLabel(/Type the board’s title/).fill('Ward 7');
    expect(await go.isDisabled()).toBe(true);
    await facilitator.page.getByLabel(/Type the board’s title/).fill(TITLE);
    await go.click();

    for (const { page } of [facilitator, patient]) {
      const notice = page.getByRole('alertdialog', { name: 'This board has been deleted' });
      await notice.waitFor({ timeout: 15_000 });
      await waitFor(
        async () => {
          const left = await page.evaluate(async (id) => {
            const found: string[] = [];
            for (let i = 0; i < localStorage.length; i++) {
              const key = localStorage.key(i) as string;
              if (`${key}${localStorage.getItem(key)}`.includes(id)) found.push(key);
            }
            for (const db of await indexedDB.databases()) if (db.name?.includes(id)) found.push(`indexedDB ${db.name}`);
            return found;
          }, boardId);
          expect(left).toEqual([]);
          return true;
        },
        { message: 'nothing of the board left on the device' },
      );
    }
    expect(phraseInFiles(env.server.dataDir, PHRASE)).toEqual([]);

    // Opening the old address again does not bring it back, and says so before anyone joins.
    await patient.page.goto(`${env.server.url}/b/${boardId}`);
    await patient.page.getByRole('alertdialog', { name: 'This board has been deleted' }).waitFor({ timeout: 15_000 });
    expect(await patient.page.locator('body').textContent()).not.toContain(PHRASE);
  });
});
