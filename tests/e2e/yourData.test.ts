import { describe, expect, it } from 'vitest';
import { phraseInFiles } from '../support/phraseInFiles.ts';
import { addNote, joinAs, noteTexts, startBoardAs, useE2eEnvironment, waitFor, waitForSaved } from './support/index.ts';

declare const indexedDB: { databases(): Promise<{ name?: string }[]> };
declare const localStorage: { length: number; key(index: number): string | null; getItem(key: string): string | null };

const PHRASE = 'Capybara-lamplight-2024 I felt rushed';

describe('your data', () => {
  const env = useE2eEnvironment();

  it('a participant erases the notes they wrote, then forgets the board on a shared PC', async () => {
    const facilitator = await startBoardAs(env.browser, env.server.url, 'Ward 9', 'Fiona');
    const boardId = new URL(facilitator.page.url()).pathname.split('/').pop() as string;
    const kept = await addNote(facilitator.page, 'The facilitator’s note stays');
    const patient = await joinAs(env.browser, facilitator.page.url(), 'Pat');
    await addNote(patient.page, PHRASE);
    await waitForSaved(patient.page);
    await waitFor(async () => Object.values(await noteTexts(facilitator.page)).includes(PHRASE), { message: 'the note arrives' });

    patient.page.on('dialog', (dialog) => void dialog.accept());
    // "Your data" is in the dialog of the name button, so the header keeps one row.
    await patient.page.getByRole('button', { name: /Change your name or role/ }).click();
    await patient.page.getByRole('button', { name: 'Your data', exact: true }).click();
    await patient.page.getByRole('button', { name: 'Erase my notes' }).click();
    await patient.page.getByText('Your notes have been erased').waitFor({ timeout: 15_000 });
    for (const { page } of [facilitator, patient]) {
      await waitFor(async () => {
        expect(Object.values(await noteTexts(page))).toEqual(['The facilitator’s note stays']);
        return true;
      });
    }
    expect(Object.keys(await noteTexts(facilitator.page))).toEqual([kept]);
    expect(phraseInFiles(env.server.dataDir, PHRASE)).toEqual([]);

    await patient.page.getByRole('button', { name: 'Forget this board on this device' }).click();
    await patient.page.waitForURL(`${env.server.url}/`);
    // Forgetting finishes a moment after the start page shows (the board first records its visit).
    await waitFor(async () => {
      const left = await patient.page.evaluate(async (id) => {
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
    });
  });
});
