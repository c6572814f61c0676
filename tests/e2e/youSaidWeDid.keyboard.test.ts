import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  createBoard,
  isFocused,
  joinAs,
  joinWithKeyboard,
  laneAddButton,
  openParticipant,
  type Participant,
  tabTo,
  useE2eEnvironment,
  waitFor,
} from './support/index.ts';

const LAY_WORDS = 'Nobody tells me when the clinic moves';
const DECISION_WORDS = 'Phone people when a clinic moves';
const REPLY_WORDS = 'Sorry. We will ring you next time.';
const FAR = { maxPresses: 150 };

/** Presses Tab to the element and then `key`, as a keyboard user does. */
async function press(page: Page, target: ReturnType<Page['locator']>, key = 'Enter'): Promise<void> {
  await tabTo(page, target, FAR);
  await page.keyboard.press(key);
}

describe('You said, we did with the keyboard alone, in the lane list', () => {
  const env = useE2eEnvironment();
  let people: Participant[];
  let lay: Page;
  let practitioner: Page;

  beforeAll(async () => {
    const { url } = await createBoard(env.server, 'Clinic moves');
    const ann = await openParticipant(env.browser);
    await joinWithKeyboard(ann.page, url, 'Ann');
    const pat = await joinAs(env.browser, url, 'Pat', 'practitioner');
    people = [ann, pat];
    lay = ann.page;
    practitioner = pat.page;
    for (const page of [lay, practitioner]) await press(page, page.getByRole('button', { name: 'List' }));
  });

  it('the lay participant writes a note', async () => {
    await press(lay, laneAddButton(lay, 'Define'));
    await lay.keyboard.type(LAY_WORDS);
    await practitioner.getByRole('button', { name: /^Replies and links for the note by Ann/ }).waitFor();
  });

  it('the practitioner replies from the note’s panel', async () => {
    await press(practitioner, practitioner.getByRole('button', { name: /^Replies and links for the note by Ann/ }));
    const dialog = practitioner.getByRole('dialog', { name: 'Replies and links' });
    await tabTo(practitioner, dialog.getByLabel('Your reply'), FAR);
    await practitioner.keyboard.type(REPLY_WORDS);
    await press(practitioner, dialog.getByRole('button', { name: 'Send reply' }));
    await dialog.getByText(REPLY_WORDS, { exact: true }).waitFor();
    await practitioner.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(
      await isFocused(practitioner.getByRole('button', { name: /^Replies and links \(1 reply\) for the note by Ann/ })),
    ).toBe(true);
  });

  it('the practitioner writes a decision and ticks the lay note it answers', async () => {
    await press(practitioner, laneAddButton(practitioner, 'Decide'));
    await practitioner.keyboard.type(DECISION_WORDS);
    await press(practitioner, practitioner.getByRole('button', { name: /^Replies and links for the note by Pat/ }));
    const dialog = practitioner.getByRole('dialog', { name: 'Replies and links' });
    await tabTo(practitioner, dialog.getByLabel('Find notes by their words'), FAR);
    await practitioner.keyboard.type('clinic');
    await press(practitioner, dialog.getByRole('checkbox', { name: new RegExp(LAY_WORDS) }), 'Space');
    expect(await dialog.getByRole('checkbox', { name: new RegExp(LAY_WORDS) }).isChecked()).toBe(true);
    expect(await axeViolations(practitioner)).toEqual([]);
    await practitioner.keyboard.press('Escape');
  });

  it('the lay participant reads the status, the reply and the decision, and goes to the decision', async () => {
    const button = lay.getByRole('button', { name: /^Replies and links \(1 reply, 1 link\) for the note by Ann/ });
    await button.waitFor();
    await lay.locator('.lane-note', { has: button }).getByText('Status: Decided').waitFor();
    await press(lay, button);
    const dialog = lay.getByRole('dialog', { name: 'Replies and links' });
    await dialog.getByText(REPLY_WORDS, { exact: true }).waitFor();
    await press(lay, dialog.getByRole('button', { name: `Go to the note “${DECISION_WORDS}”` }));
    await waitFor(
      async () => (await lay.evaluate(() => (document.activeElement as HTMLTextAreaElement).value)) === DECISION_WORDS,
      {
        message: 'focus on the decision',
      },
    );
  });

  it('the lay participant opens the You said, we did page from the results panel', async () => {
    await press(lay, lay.getByRole('button', { name: 'Votes and results' }));
    const opened = lay.context().waitForEvent('page');
    await press(lay, lay.getByRole('link', { name: /You said, we did/ }));
    const report = await opened;
    await report.getByRole('heading', { level: 1, name: 'You said, we did' }).waitFor();
    const item = report.getByRole('listitem').filter({ hasText: LAY_WORDS });
    await item.getByText(`“${DECISION_WORDS}” — Pat (Practitioner)`).waitFor();
    await item.getByText(`“${REPLY_WORDS}” — Pat (Practitioner)`).waitFor();
    expect(await axeViolations(report)).toEqual([]);
    await report.close();
  });

  it('raised no page errors', () => {
    for (const person of people) expect(person.problems.all()).toEqual([]);
  });
});
