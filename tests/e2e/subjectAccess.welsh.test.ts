import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  addNote,
  joinAs,
  noteTexts,
  presetLocale,
  startBoardAs,
  useE2eEnvironment,
  waitFor,
  waitForSaved,
  wordsFrom,
} from './support/index.ts';

/** Words of the English subject-access page; people's own words here are Welsh or names. */
const ENGLISH_WORDS = ['What we hold', 'Your', 'None', 'Taking part', 'Role', 'Joined', 'on note', 'Define', 'lay'];

describe('a Welsh-speaking facilitator answers a subject-access request', () => {
  const env = useE2eEnvironment();

  it('downloads what the board holds about one person, in Welsh', async () => {
    const facilitator = await startBoardAs(env.browser, env.server.url, 'Ward 3', 'Ffion');
    const patient = await joinAs(env.browser, facilitator.page.url(), 'Pat');
    await addNote(patient.page, 'Roedd y ward yn rhy swnllyd');
    await waitForSaved(patient.page);
    await waitFor(async () => Object.values(await noteTexts(facilitator.page)).includes('Roedd y ward yn rhy swnllyd'), {
      message: 'the note arrives',
    });

    await presetLocale(facilitator.context, 'cy');
    await facilitator.page.reload();
    const page = facilitator.page;
    await page.getByRole('button', { name: 'Hwyluso', exact: true }).click();
    await page.getByRole('button', { name: 'Hanes a chopïau wrth gefn' }).click();
    await page.getByLabel('Nodiadau a bostiwyd fel').selectOption('Pat');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Lawrlwytho’r wybodaeth sydd gennym amdanyn nhw' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('subject-access.md');
    const text = await readFile(await download.path(), 'utf8');
    expect(text).toContain('# Yr wybodaeth sydd gennym amdanoch chi ar “Ward 3”');
    expect(text).toContain('## Eich nodiadau (1)');
    expect(text).toContain('Roedd y ward yn rhy swnllyd');
    expect(wordsFrom(ENGLISH_WORDS, text)).toEqual([]);
    await page.getByText('Wedi cadw “subject-access.md”').waitFor();
  });
});
