import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  fillNewNote as addNote,
  fillJoinForm,
  openParticipant,
  type Participant,
  screenshot,
  useE2eEnvironment,
  waitFor,
} from './support/index.ts';

/**
 * The facilitator's participation prompt, in two browsers: a practitioner who created the board
 * (the facilitator) and one lay participant, so half the room is lay. The prompt needs at
 * least 6 notes in a lane and lay notes below half the lay share of the room (docs/voting.md).
 */

const VIEWPORT = { width: 1000, height: 720 };

const env = useE2eEnvironment();
const people: Participant[] = [];

function prompts(page: Page): Promise<string[]> {
  return page.getByTestId('balance-prompts').locator('.balance-prompt > span').allTextContents();
}

afterAll(async () => {
  for (const person of people) await person.context.close().catch(() => {});
});

describe('participation balance prompt', () => {
  it('prompts the facilitator only when lay notes fall well below the lay share of the room', async () => {
    people.push(
      await openParticipant(env.browser, { viewport: VIEWPORT }),
      await openParticipant(env.browser, { viewport: VIEWPORT }),
    );
    const [facilitator, lay] = people.map((person) => person.page) as [Page, Page];

    await facilitator.goto(env.server.url);
    await facilitator.getByLabel('Board name').fill('Discharge planning');
    await facilitator.getByRole('button', { name: 'New board' }).click();
    await facilitator.waitForURL(/\/b\//);
    await fillJoinForm(facilitator, 'Dr Facil', 'practitioner');
    await lay.goto(facilitator.url());
    await fillJoinForm(lay, 'Lay Lou', 'lay');

    // Five practitioner notes in Define: too few to say anything about balance.
    for (let index = 1; index <= 5; index++) await addNote(facilitator, `Practitioner idea ${index}`);
    await facilitator.getByRole('button', { name: 'Votes and results' }).click();
    const table = facilitator.getByRole('table', { name: /Contributions by role/ });
    await table
      .getByRole('row', { name: /Define/ })
      .getByText('0 lay, 5 practitioner (0% lay)')
      .waitFor();
    await table.getByText('1 of 2 participants are lay (50%)', { exact: false }).waitFor();
    // No lay note in Define yet: said in words, not as "0 of 0" reached a decision.
    await table
      .getByRole('row', { name: /Define/ })
      .getByText('No lay notes yet')
      .waitFor();
    expect(await table.getByText('0 of 0', { exact: true }).count()).toBe(0);
    expect(await prompts(facilitator)).toEqual([]);

    // The sixth makes it a pattern: the facilitator is invited to bring lay voices in.
    await addNote(facilitator, 'Practitioner idea 6');
    await waitFor(
      async () =>
        expect(await prompts(facilitator)).toEqual([
          'Lay participants wrote 0 of 6 notes in Define — invite them in?',
          'Lay participants wrote 0 of 6 notes on the board — invite them in?',
        ]),
      { message: 'the balance prompts' },
    );
    // Polite, not an alert; and only the facilitator gets it.
    expect(await facilitator.getByTestId('balance-prompts').getAttribute('aria-live')).toBe('polite');
    expect(await facilitator.getByRole('alert').count()).toBe(0);
    await lay.getByRole('button', { name: 'Votes and results' }).click();
    await lay
      .getByRole('table', { name: /Contributions by role/ })
      .getByRole('row', { name: /Define/ })
      .getByText('0 lay, 6 practitioner (0% lay)')
      .waitFor();
    expect(await lay.getByTestId('balance-prompts').count()).toBe(0);
    expect(await lay.getByText(/invite them in/).count()).toBe(0);
    await screenshot(facilitator, 'costudio-balance-prompt');

    // Dismissing one keeps it away, even as its numbers change; the other stays.
    await facilitator
      .getByRole('button', { name: 'Dismiss: Lay participants wrote 0 of 6 notes in Define — invite them in?' })
      .click();
    await addNote(facilitator, 'Practitioner idea 7');
    await waitFor(
      async () =>
        expect(await prompts(facilitator)).toEqual(['Lay participants wrote 0 of 7 notes on the board — invite them in?']),
      { message: 'the remaining board prompt' },
    );

    // Lay notes reach half the lay share of the room (3 of 10 = 30% ≥ 25%): no prompt.
    for (let index = 1; index <= 3; index++) await addNote(lay, `Lay idea ${index}`);
    await waitFor(async () => expect(await prompts(facilitator)).toEqual([]), { message: 'the prompts to go', timeout: 10_000 });
    await table
      .getByRole('row', { name: /Whole board/ })
      .getByText('3 lay, 7 practitioner (30% lay)')
      .waitFor();

    for (const person of people) expect(person.problems.all()).toEqual([]);
  }, 180_000);
});
