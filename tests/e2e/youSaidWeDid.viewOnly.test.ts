import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLinkedBoard } from '../support/e2e/shareLinks.ts';
import {
  axeViolations,
  joinAs,
  laneAddButton,
  type Participant,
  PHONE,
  screenshot,
  useE2eEnvironment,
  waitFor,
} from './support/index.ts';

const SAID = 'The waiting room is too cold';

describe('replies and links on a view-only link, and replying without a name', () => {
  const env = useE2eEnvironment({ requireLinks: true });
  let people: Participant[];
  let editor: Page;
  let viewer: Page;

  beforeAll(async () => {
    const board = await createLinkedBoard(env.server, 'Waiting room');
    const lay = await joinAs(env.browser, board.editUrl, 'Lee', 'lay', PHONE);
    const watcher = await joinAs(env.browser, board.viewUrl, 'Val', 'practitioner');
    people = [lay, watcher];
    editor = lay.page;
    viewer = watcher.page;
    await viewer.getByRole('button', { name: 'List' }).click();
  });

  it('a lay participant replies to their own note without their name: the thread shows the role only', async () => {
    await laneAddButton(editor, 'Define').tap();
    await editor.keyboard.type(SAID);
    await editor.getByRole('button', { name: /^Replies and links for the note by Lee/ }).tap();
    const dialog = editor.getByRole('dialog', { name: 'Replies and links' });
    await dialog.getByLabel('Your reply').fill('It is worst in the mornings');
    await dialog.getByRole('checkbox', { name: /Reply without my name/ }).tap();
    await dialog.getByRole('button', { name: 'Send reply' }).tap();
    const reply = dialog.getByRole('listitem').filter({ hasText: 'It is worst in the mornings' });
    await reply.waitFor();
    expect(await reply.textContent()).toContain('A lay participant');
    expect(await reply.textContent()).not.toContain('Lee');
    // A lay reply does not make the note "answered": that takes a practitioner, or a later note.
    expect(await dialog.locator('.note-panel__status .status-chip').textContent()).toBe('Status: Said');
    await dialog.getByRole('button', { name: 'Close' }).tap();
  });

  it('someone on a view-only link reads the replies but is told, in plain words, they cannot write', async () => {
    const button = viewer.getByRole('button', { name: /^Replies and links \(1 reply\) for the note by Lee/ });
    await button.click();
    const dialog = viewer.getByRole('dialog', { name: 'Replies and links' });
    await dialog.getByText('It is worst in the mornings').waitFor();
    await dialog.getByText('You can read replies here, but not write them.').waitFor();
    expect(await dialog.getByLabel('Your reply').count()).toBe(0);
    await screenshot(viewer, 'yswd-desktop-view-only-panel');
    expect(await axeViolations(viewer)).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await waitFor(async () => !(await dialog.isVisible()), { message: 'the panel closed' });
  });

  it('raised no page errors', () => {
    for (const person of people) expect(person.problems.all()).toEqual([]);
  });
});
