import { describe, expect, it } from 'vitest';
import { phraseInFiles } from '../support/phraseInFiles.ts';
import { addNote, joinAs, noteTexts, startBoardAs, useE2eEnvironment, waitFor, waitForSaved } from './support/index.ts';

const PHRASE = 'Heron-cardigan-5150 the ward was too loud';

describe('a facilitator erases what one person wrote', () => {
  const env = useE2eEnvironment();

  it('picks the name, erases every note under it everywhere, and sees it in the audit log', async () => {
    const facilitator = await startBoardAs(env.browser, env.server.url, 'Ward 3', 'Fiona');
    await addNote(facilitator.page, 'Fiona’s note stays');
    const patient = await joinAs(env.browser, facilitator.page.url(), 'Pat');
    await addNote(patient.page, PHRASE);
    await waitForSaved(patient.page);
    await waitFor(async () => Object.values(await noteTexts(facilitator.page)).includes(PHRASE), { message: 'the note arrives' });

    facilitator.page.on('dialog', (dialog) => void dialog.accept());
    await facilitator.page.getByRole('button', { name: 'History & backups' }).click();
    await facilitator.page.getByLabel('Notes posted as').selectOption('Pat');
    await facilitator.page.getByRole('button', { name: 'Erase their notes' }).click();
    await facilitator.page.getByText('Erased 1 notes by Pat').waitFor({ timeout: 15_000 });
    for (const { page } of [facilitator, patient]) {
      await waitFor(async () => {
        expect(Object.values(await noteTexts(page))).toEqual(['Fiona’s note stays']);
        return true;
      });
    }
    expect(phraseInFiles(env.server.dataDir, PHRASE)).toEqual([]);

    await facilitator.page.getByRole('button', { name: 'Show the audit log' }).click();
    await facilitator.page.getByRole('region', { name: 'Audit log' }).getByText('Contributions erased').waitFor();
  });
});
