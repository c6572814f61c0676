import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { addNote, fillJoinForm, isFocused, newContext, noteTexts, useE2eEnvironment, waitFor } from './support/index.ts';

/**
 * History and backups on a server that requires share links (the CLI default): the facilitator's
 * link is their credential for the API; a participant's edit link does not show the tools.
 */
describe('history and backups with share links (issues 6 and 7)', () => {
  const env = useE2eEnvironment({ requireLinks: true });

  async function newBoard(title: string): Promise<{ facilitatorUrl: string; editUrl: string }> {
    const created = await fetch(`${env.server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title }),
    });
    const board = (await created.json()) as { id: string; facilitatorLink: { token: string; path: string } };
    const edit = await fetch(`${env.server.url}/api/boards/${board.id}/links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${board.facilitatorLink.token}` },
      body: JSON.stringify({ access: 'edit', label: 'Room' }),
    });
    const link = (await edit.json()) as { path: string };
    return { facilitatorUrl: `${env.server.url}${board.facilitatorLink.path}`, editUrl: `${env.server.url}${link.path}` };
  }

  it('lets the facilitator name versions, download the board and import it as a board they facilitate', async () => {
    const { facilitatorUrl, editUrl } = await newBoard('Discharge planning');
    const page = await (await newContext(env.browser)).newPage();
    await page.goto(facilitatorUrl);
    await fillJoinForm(page, 'Fay', 'practitioner');
    await addNote(page, 'Phone before discharge');

    // The facilitator's tools are in one panel (issue 12).
    await page.getByRole('button', { name: 'Facilitate', exact: true }).click();
    await page.getByRole('button', { name: 'History & backups' }).click();
    await page.getByLabel('Name this version').fill('After workshop 1');
    await page.getByRole('button', { name: 'Save version' }).click();
    const versions = page.getByRole('list', { name: 'Versions, newest first' });
    await versions.locator('.history-panel__name').filter({ hasText: 'After workshop 1' }).waitFor();
    expect(await page.getByText(/Could not load the history/).count()).toBe(0);
    // Escape closes the drawer and gives focus back to its button, as a keyboard user expects.
    await page.keyboard.press('Escape');
    await versions.waitFor({ state: 'detached' });
    expect(await isFocused(page.getByRole('button', { name: 'History & backups' }))).toBe(true);
    await page.keyboard.press('Enter');
    await versions.waitFor();

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download board (JSON)' }).click(),
    ]);
    expect(json.suggestedFilename()).toBe('Discharge planning.costudio.json');
    const file = JSON.parse(await readFile(await json.path(), 'utf8')) as { format: string; notes: unknown[] };
    expect(file.format).toBe('costudio-board');
    expect(file.notes).toHaveLength(1);

    // The imported board comes with its facilitator link, kept on this device: it opens, and
    // this person facilitates it.
    const first = page.url();
    await page.getByLabel('Import a board from a JSON file').setInputFiles(await json.path());
    await waitFor(() => page.url() !== first && page.url().includes('/b/'), { message: 'the imported board to open' });
    await fillJoinForm(page, 'Fay', 'practitioner');
    await waitFor(async () => Object.values(await noteTexts(page)).includes('Phone before discharge'));
    await page.getByRole('button', { name: 'Facilitate', exact: true }).click();
    await page.getByRole('button', { name: 'Share' }).waitFor();
    await page.getByRole('button', { name: 'History & backups' }).waitFor();

    // A participant's edit link does not offer tools the server would refuse it.
    const participant = await (await newContext(env.browser)).newPage();
    await participant.goto(editUrl);
    await fillJoinForm(participant, 'Pat', 'lay');
    expect(await participant.getByRole('button', { name: 'History & backups' }).count()).toBe(0);
  });
});
