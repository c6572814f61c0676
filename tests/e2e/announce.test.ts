import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  announcement,
  createBoard,
  joinAs,
  laneAddButton,
  noteIds,
  type Participant,
  useE2eEnvironment,
  waitFor,
} from './support/index.ts';

declare const window: { __heard: string[] };

/** Keeps every text the live region ever shows, so a test can tell what was never said. */
function recordAnnouncements(page: Page): Promise<void> {
  return page.evaluate(() => {
    window.__heard = [];
    const region = document.querySelector('[data-testid="announcements"]');
    if (!region) throw new Error('no live region');
    new MutationObserver(() => window.__heard.push(region.textContent ?? '')).observe(region, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
}

describe("hearing what others do through the board's live region", () => {
  const env = useE2eEnvironment();
  let people: Participant[];
  let alice: Page;
  let pat: Page;

  beforeAll(async () => {
    const { url } = await createBoard(env.server, 'Outpatient letters');
    const joinInList = async (name: string, role: 'lay' | 'practitioner') => {
      const person = await joinAs(env.browser, url, name, role);
      await person.page.getByRole('button', { name: 'List' }).click();
      return person;
    };
    people = [await joinInList('Alice', 'lay'), await joinInList('Pat', 'practitioner')];
    [alice, pat] = people.map((person) => person.page) as [Page, Page];
  });

  it('is a polite live region', async () => {
    const region = alice.locator('[data-testid="announcements"]');
    expect(await region.getAttribute('aria-live')).toBe('polite');
  });

  it('announces a note added by another participant, by role', async () => {
    await recordAnnouncements(alice);
    await laneAddButton(pat, 'Decide').click();
    await waitFor(async () => (await announcement(alice)).includes('A practitioner added a note to Decide.'), {
      message: "Alice's live region to announce Pat's note",
    });
    // Pat is not told about Pat's own note.
    expect(await announcement(pat)).not.toContain('added a note');
  });

  it('names the person at the setting More', async () => {
    await alice.getByRole('button', { name: 'Text size and sounds' }).click();
    await alice.getByRole('radio', { name: /^More/ }).check();
    await alice.getByRole('button', { name: 'Close' }).click();
    await laneAddButton(pat, 'Define').click();
    await waitFor(async () => (await announcement(alice)).includes('Pat (practitioner) added a note to Define.'), {
      message: 'the named announcement',
    });
  });

  it('says nothing about others at the setting None', async () => {
    await alice.getByRole('button', { name: 'Text size and sounds' }).click();
    await alice.getByRole('radio', { name: /^None/ }).check();
    await alice.getByRole('button', { name: 'Close' }).click();
    await recordAnnouncements(alice);
    const before = (await noteIds(alice)).length;
    await laneAddButton(pat, 'Evaluate').click();
    await waitFor(async () => (await noteIds(alice)).length === before + 1, { message: "Pat's note in Alice's doc" });
    // Alice's own action is still confirmed; anything queued about Pat would be spoken with it.
    await alice.getByRole('region', { name: 'Evaluate' }).getByRole('button', { name: 'Delete' }).click();
    await waitFor(async () => (await announcement(alice)).includes('Note deleted.'), {
      message: 'the confirmation of her own delete',
    });
    const heard = await alice.evaluate(() => window.__heard);
    expect(heard.join(' ')).not.toContain('added a note');
  });

  it('raised no page errors', () => {
    for (const person of people) expect(person.problems.all()).toEqual([]);
  });
});
