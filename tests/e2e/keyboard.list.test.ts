import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createBoard,
  isFocused,
  keyboardUserAndListWatcher,
  noteField,
  noteIds,
  type Participant,
  tabTo,
  useE2eEnvironment,
  waitFor,
} from './support/index.ts';

describe('the lane list with the keyboard alone', () => {
  const env = useE2eEnvironment();
  let people: Participant[];
  let alice: Page;
  let bob: Page;
  let noteId: string;

  beforeAll(async () => {
    const { url } = await createBoard(env.server, 'Outpatient letters');
    const pair = await keyboardUserAndListWatcher(env.browser, url);
    people = [pair.alice, pair.bob];
    [alice, bob] = people.map((person) => person.page) as [Page, Page];
  });

  it('switches to the list and adds a note to Define, ready to write in', async () => {
    await tabTo(alice, alice.getByRole('button', { name: 'List' }));
    await alice.keyboard.press('Enter');
    const add = alice.getByRole('region', { name: 'Define' }).getByRole('button', { name: /^Add note/ });
    await tabTo(alice, add);
    await alice.keyboard.press('Enter');
    const field = alice.getByRole('region', { name: 'Define' }).getByRole('textbox', { name: 'Note by Alice (Lay participant)' });
    await waitFor(() => isFocused(field), { message: 'the new note field to have focus' });
    noteId = await waitFor(async () => (await noteIds(bob))[0], { message: "the note in Bob's doc" });
    expect(await noteField(bob, noteId, 'lane')).toBe('define');
    await bob.getByRole('region', { name: 'Define' }).getByRole('textbox', { name: 'Note by Alice (Lay participant)' }).waitFor();
  });

  it('writes in it', async () => {
    await alice.keyboard.type('Letters come after the appointment');
    await waitFor(async () => (await noteField(bob, noteId, 'text')) === 'Letters come after the appointment', {
      message: "Alice's words in Bob's doc",
    });
    const bobField = bob.getByRole('region', { name: 'Define' }).getByRole('textbox', { name: /^Note by Alice/ });
    await waitFor(async () => (await bobField.inputValue()) === 'Letters come after the appointment');
  });

  it('moves it to Decide through "Move to…"', async () => {
    const define = alice.getByRole('region', { name: 'Define' });
    await tabTo(alice, define.getByRole('button', { name: 'Move to…' }));
    await alice.keyboard.press('Enter');
    const dialog = alice.getByRole('dialog', { name: 'Move to lane…' });
    await dialog.waitFor();
    await tabTo(alice, dialog.getByRole('button', { name: 'Decide' }));
    await alice.keyboard.press('Enter');
    await waitFor(async () => (await noteField(bob, noteId, 'lane')) === 'decide', {
      message: "the note in Decide in Bob's doc",
    });
    await bob
      .getByRole('region', { name: 'Decide' })
      .getByRole('textbox', { name: /^Note by Alice/ })
      .waitFor();
    expect(await bob.getByRole('region', { name: 'Define' }).getByRole('textbox').count()).toBe(0);
    // Focus follows the note to its new lane, so the person can go on from there.
    await waitFor(() => isFocused(alice.getByRole('region', { name: 'Decide' }).getByRole('button', { name: 'Move to…' })));
  });

  it('deletes it, and undo brings it back', async () => {
    const decide = alice.getByRole('region', { name: 'Decide' });
    await tabTo(alice, decide.getByRole('button', { name: 'Delete' }));
    await alice.keyboard.press('Enter');
    await waitFor(async () => (await noteIds(bob)).length === 0, { message: "the note gone from Bob's doc" });
    await waitFor(async () => (await bob.getByRole('region', { name: 'Decide' }).getByRole('textbox').count()) === 0);
    await waitFor(() => isFocused(decide.getByRole('button', { name: /^Add note/ })), {
      message: 'focus on the lane after deleting',
    });

    await alice.keyboard.press('Control+z');
    await waitFor(async () => (await noteIds(bob)).includes(noteId), { message: "the note back in Bob's doc" });
    expect(await noteField(bob, noteId, 'text')).toBe('Letters come after the appointment');
    await bob
      .getByRole('region', { name: 'Decide' })
      .getByRole('textbox', { name: /^Note by Alice/ })
      .waitFor();
  });

  it('raised no page errors', () => {
    for (const person of people) expect(person.problems.all()).toEqual([]);
  });
});
