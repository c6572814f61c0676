import { afterAll, describe, expect, it } from 'vitest';
import { createLinkedBoard, switchOffLink } from '../support/e2e/shareLinks.ts';
import {
  addNote,
  joinAs,
  noteTexts,
  openParticipant,
  type Participant,
  useE2eEnvironment,
  waitFor,
  waitForStatus,
} from './support/index.ts';

/**
 * Issue 12, item 8: when the relay refuses a device's link (switched off, expired, not valid),
 * the board goes read-only and says so in plain words, the sync badge names the link instead of
 * "Offline", and the changes the device could not send are counted and kept, not piled up.
 */
describe('a link the relay refuses', () => {
  const env = useE2eEnvironment({ requireLinks: true });
  const people: Participant[] = [];
  afterAll(async () => {
    for (const person of people) await person.context.close().catch(() => {});
  });

  it('switched off while offline: read-only, says so, counts and keeps what was not sent', async () => {
    const board = await createLinkedBoard(env.server, 'Carers group');
    const pat = await joinAs(env.browser, board.editUrl, 'Pat', 'lay');
    people.push(pat);
    await addNote(pat.page, 'Seen online');

    await pat.context.setOffline(true);
    await waitForStatus(pat.page, 'Offline');
    const unsent = await addNote(pat.page, 'Written with no signal');

    await switchOffLink(env.server, board, board.editLinkId);
    await pat.context.setOffline(false);

    await pat.page
      .getByText(/This link has been switched off/)
      .first()
      .waitFor({ timeout: 15_000 });
    const addButton = pat.page.getByRole('button', { name: /^Add note/ }).first();
    await waitFor(() => addButton.isDisabled(), { message: 'Add note to be turned off' });
    await pat.page.getByText('This link has been switched off by the facilitator. Ask them for a new link.').waitFor();
    await waitForStatus(pat.page, 'Link switched off');
    expect(await pat.page.getByRole('status').filter({ hasText: 'Offline' }).count()).toBe(0);
    const notSent = pat.page.getByTestId('unsent-changes');
    expect(await notSent.textContent()).toMatch(/^\d+ notes? (and \d+ other changes? )?(were|was) not sent from this device\. /);
    expect(await notSent.textContent()).toContain('kept on this device');
    await pat.page.screenshot({ path: 'tests/e2e/screenshots/revoked-link.png' });
    // Nothing is lost here, and nothing reached the board.
    expect((await noteTexts(pat.page))[unsent]).toBe('Written with no signal');
    const fay = await joinAs(env.browser, board.facilitateUrl, 'Fay', 'practitioner');
    people.push(fay);
    expect(Object.values(await noteTexts(fay.page))).toEqual(['Seen online']);
  });

  it('a link that has expired by the time it is opened: read-only and says so', async () => {
    const board = await createLinkedBoard(env.server, 'Short link');
    const response = await fetch(`${env.server.url}/api/boards/${board.id}/links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${board.facilitatorToken}` },
      body: JSON.stringify({ access: 'edit', label: 'For one second', expiresInMinutes: 0.01 }),
    });
    const link = (await response.json()) as { path: string; expiresAt: number };
    await waitFor(() => Date.now() > link.expiresAt + 200, { message: 'the link to expire' });
    const kim = await openParticipant(env.browser, { ignore: [/WebSocket/] });
    people.push(kim);
    await kim.page.goto(`${env.server.url}${link.path}`);
    await kim.page.getByLabel('Your name').fill('Kim');
    await kim.page.getByRole('radio', { name: /patient, carer/ }).check();
    await kim.page.getByRole('button', { name: 'Join the board' }).click();

    await kim.page.getByText('This link has expired. Ask the facilitator for a new one.').waitFor({ timeout: 15_000 });
    await waitForStatus(kim.page, 'Link expired');
    expect(
      await kim.page
        .getByRole('button', { name: /^Add note/ })
        .first()
        .isDisabled(),
    ).toBe(true);
  });

  it('a link that is not valid at open: read-only and says so', async () => {
    const board = await createLinkedBoard(env.server, 'Wrong link');
    const kim = await openParticipant(env.browser, { ignore: [/WebSocket/] });
    people.push(kim);
    await kim.page.goto(`${env.server.url}/b/${board.id}#token=bm90LWEtbGluaw.bm90LWEtc2lnbmF0dXJl`);
    await kim.page.getByLabel('Your name').fill('Kim');
    await kim.page.getByRole('radio', { name: /patient, carer/ }).check();
    await kim.page.getByRole('button', { name: 'Join the board' }).click();

    await kim.page.getByText('This link is not valid. Ask the facilitator for a new one.').first().waitFor({ timeout: 15_000 });
    await waitForStatus(kim.page, 'Link not valid');
    expect(
      await kim.page
        .getByRole('button', { name: /^Add note/ })
        .first()
        .isDisabled(),
    ).toBe(true);
    expect(await kim.page.getByText(/newer version of Costudio/).count()).toBe(0);
  });
});
