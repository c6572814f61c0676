import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PHONE } from './a11y.shared.ts';
import {
  createBoard,
  joinAs,
  laneAddButton,
  noteField,
  noteIds,
  useE2eEnvironment,
  waitFor,
  waitForSaved,
} from './support/index.ts';

/** How often each note item of the lane list has rendered (the client's debug hook). */
function renders(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => window.__costudio?.listNoteRenders?.() ?? {});
}

describe('typing into one note in the lane list (issue 12: fast on a phone)', () => {
  const env = useE2eEnvironment();
  let phone: Page;
  let laptop: Page;
  let ids: string[];

  beforeAll(async () => {
    const { url } = await createBoard(env.server, 'Outpatient letters');
    ({ page: phone } = await joinAs(env.browser, url, 'Carla', 'lay', PHONE));
    ({ page: laptop } = await joinAs(env.browser, url, 'Pat', 'practitioner'));
    for (const lane of ['Define', 'Define', 'Design']) {
      const before = (await noteIds(phone)).length;
      await laneAddButton(phone, lane).tap();
      await waitFor(async () => (await noteIds(laptop)).length === before + 1, { message: 'the new note on the laptop' });
    }
    ids = await noteIds(phone);
    await waitForSaved(phone);
  });

  it('re-renders that note only, not the other notes of the board', async () => {
    const [typedIn, ...others] = ids as [string, ...string[]];
    const before = await renders(phone);
    expect(Object.keys(before).sort()).toEqual([...ids].sort());

    // Focus rather than tap: a tap on a field other than the focused one was not taking keys in
    // this headless phone emulation (with or without this change).
    await phone.locator(`#lane-note-text-${typedIn}`).focus();
    await phone.keyboard.type('The letter came late');
    await waitFor(async () => (await noteField(laptop, typedIn, 'text')) === 'The letter came late', {
      message: "the words in the laptop's doc",
    });
    await waitForSaved(phone);

    const after = await renders(phone);
    expect(after[typedIn]).toBeGreaterThan(before[typedIn] ?? 0);
    for (const id of others) expect(after[id], `renders of a note nobody typed in (${id})`).toBe(before[id]);
  });

  it('re-renders only the note someone else types into', async () => {
    const [, remote, ...others] = ids as [string, string, ...string[]];
    const before = await renders(phone);
    await laptop.evaluate(
      ({ id }) => {
        const doc = window.__costudio?.doc;
        const text = (
          doc?.getMap('notes').get(id) as { get(key: string): { insert(at: number, text: string): void } } | undefined
        )?.get('text');
        text?.insert(0, 'Two weeks. ');
      },
      { id: remote },
    );
    await waitFor(async () => (await phone.locator(`#lane-note-text-${remote}`).inputValue()) === 'Two weeks. ', {
      message: "the laptop's words in the phone's list",
    });
    const after = await renders(phone);
    expect(after[remote]).toBeGreaterThan(before[remote] ?? 0);
    for (const id of [ids[0] as string, ...others]) expect(after[id]).toBe(before[id]);
  });
});
