import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  announcement,
  axeViolations,
  createBoard,
  DESKTOP,
  joinAs,
  laneAddButton,
  laneListNote,
  noteScreenRect,
  noteTexts,
  type Participant,
  PHONE,
  screenshot,
  useE2eEnvironment,
  waitFor,
} from './support/index.ts';

const LAY_WORDS = 'The letters come after the appointment';
const DECISION_WORDS = 'Send letters by text two weeks before';

/** The note item whose text field has this value (textareas keep their text in `value`). */
describe('You said, we did: a lay note on a phone gets a reply and a decision from a practitioner on a laptop', () => {
  const env = useE2eEnvironment();
  let people: Participant[];
  let lay: Page;
  let practitioner: Page;
  let layNoteId: string;

  beforeAll(async () => {
    const { url } = await createBoard(env.server, 'Outpatient letters');
    const phone = await joinAs(env.browser, url, 'Lee', 'lay', PHONE);
    const laptop = await joinAs(env.browser, url, 'Pat', 'practitioner', DESKTOP);
    people = [phone, laptop];
    lay = phone.page;
    practitioner = laptop.page;
  });

  it('the lay participant writes a note in Define; its status "Said" is read out, not shown', async () => {
    // A phone opens on the lane list.
    await laneAddButton(lay, 'Define').tap();
    await lay.keyboard.type(LAY_WORDS);
    layNoteId = await waitFor(
      async () => Object.entries(await noteTexts(practitioner)).find(([, text]) => text === LAY_WORDS)?.[0],
      { message: "the lay note on the practitioner's laptop" },
    );
    const item = await laneListNote(lay, LAY_WORDS);
    // "Said", with nothing on it yet: told to screen readers, no chip on screen (issue 12).
    await item.getByText('Status: Said. Nobody has answered it yet.').waitFor({ state: 'attached' });
    expect(await item.locator('.status-chip').count()).toBe(0);
  });

  it('the practitioner replies on the canvas; the phone hears it and shows "Answered" live', async () => {
    const rect = await noteScreenRect(practitioner, layNoteId);
    await practitioner.mouse.click(rect.x + rect.width / 2, rect.y + 30);
    await practitioner.getByRole('button', { name: /^Replies and links/ }).click();
    const dialog = practitioner.getByRole('dialog', { name: 'Replies and links' });
    await dialog.getByLabel('Your reply').fill('Thank you. We are looking at when letters are sent.');
    await dialog.getByRole('button', { name: 'Send reply' }).click();
    await dialog.getByText('Thank you. We are looking at when letters are sent.').waitFor();
    await screenshot(practitioner, 'yswd-desktop-reply-panel');
    expect(await axeViolations(practitioner)).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();

    const item = await laneListNote(lay, LAY_WORDS);
    await waitFor(async () => (await item.locator('.status-chip').textContent()) === 'Status: Answered', {
      message: 'the lay note marked answered on the phone',
    });
    await waitFor(async () => (await announcement(lay)).includes('A practitioner replied to your note'), {
      message: 'the reply announced to the lay participant',
    });
  });

  it('the practitioner writes a decision in Decide and links it to the lay note from a list; the phone shows "Decided"', async () => {
    await practitioner.locator('.board-canvas__surface').focus();
    await practitioner.keyboard.press('4');
    await practitioner.keyboard.press('n');
    const field = practitioner.locator('textarea.note-editor__text');
    await field.waitFor();
    await practitioner.keyboard.type(DECISION_WORDS);
    await practitioner.getByRole('button', { name: /^Replies and links/ }).click();
    const dialog = practitioner.getByRole('dialog', { name: 'Replies and links' });
    await dialog.getByLabel('Find notes by their words').fill('appointment');
    await dialog.getByRole('checkbox', { name: new RegExp(LAY_WORDS) }).check();
    await dialog.getByText('What came of it').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    // Back on the note, then onto the canvas: the focused note is described with its status.
    await field.focus();
    await practitioner.keyboard.press('Escape');
    await waitFor(
      async () => (await practitioner.getByTestId('canvas-focus').textContent())?.endsWith('Status: Decided · 1 link.') ?? false,
      { message: "the decision's status in the canvas description" },
    );

    const item = await laneListNote(lay, LAY_WORDS);
    await waitFor(async () => (await item.locator('.status-chip').textContent()) === 'Status: Decided', {
      message: 'the lay note marked decided on the phone',
    });
    await waitFor(async () => (await announcement(lay)).includes('is now Decided'), {
      message: 'the status change announced to the lay participant',
    });
    await screenshot(lay, 'yswd-phone-list-decided');
    await screenshot(practitioner, 'yswd-desktop-canvas-decided');
  });

  it('the lay participant opens the panel on the phone and sees the reply and what came of it', async () => {
    const item = await laneListNote(lay, LAY_WORDS);
    await item.getByRole('button', { name: /^Replies and links/ }).tap();
    const dialog = lay.getByRole('dialog', { name: 'Replies and links' });
    await dialog.getByText('Thank you. We are looking at when letters are sent.').waitFor();
    await dialog.locator('.trace-list__text', { hasText: DECISION_WORDS }).waitFor();
    await screenshot(lay, 'yswd-phone-panel');
    expect(await axeViolations(lay)).toEqual([]);
    // "Go to" takes the person to the decision on the board.
    await dialog.getByRole('button', { name: `Go to the note “${DECISION_WORDS}”` }).tap();
    // Until focus lands on the note's field it is still on the button, whose value is '' too.
    await waitFor(
      async () =>
        lay.evaluate(() => {
          const focused = document.activeElement;
          return focused instanceof HTMLTextAreaElement ? focused.value : undefined;
        }),
      { message: 'focus on a note field' },
    ).then((value) => expect(value).toBe(DECISION_WORDS));
  });

  it('the lay participant finds the note in the You said, we did report, with the decision', async () => {
    await lay.getByRole('button', { name: 'Votes and results' }).tap();
    // The balance table: per lane, how many lay notes reached a decision.
    const table = lay.locator('.balance-table');
    await table.getByRole('columnheader', { name: 'Lay notes that reached a decision' }).waitFor();
    expect(
      await table
        .getByRole('row', { name: /^Define/ })
        .getByRole('cell')
        .last()
        .textContent(),
    ).toBe('1 of 1');
    expect(
      await table
        .getByRole('row', { name: /^Decide/ })
        .getByRole('cell')
        .last()
        .textContent(),
    ).toBe('No lay notes yet');
    await table.scrollIntoViewIfNeeded();
    await screenshot(lay, 'yswd-phone-balance');
    const link = lay.getByRole('link', { name: /You said, we did/ });
    const href = await link.getAttribute('href');
    expect(href).toContain('view=you-said-we-did');
    await lay.goto(new URL(href ?? '', lay.url()).toString());
    await lay.getByRole('heading', { level: 1, name: 'You said, we did' }).waitFor();
    const said = lay.getByRole('listitem').filter({ hasText: LAY_WORDS });
    await said.getByText(`“${DECISION_WORDS}” — Pat (Practitioner)`).waitFor();
    await said.getByText('We decided:').waitFor();
    expect(await said.locator('.status-chip').textContent()).toBe('Status: Decided');
    await screenshot(lay, 'yswd-phone-report', { fullPage: true });
    expect(await axeViolations(lay)).toEqual([]);
    // One meeting's date: the note written today is still there, and the address keeps the date.
    const today = new Date().toISOString().slice(0, 10);
    await lay.getByLabel('Meeting').selectOption(today);
    await lay.getByText(`Meeting of ${today}`).waitFor();
    await said.waitFor();
    expect(lay.url()).toContain(`date=${today}`);
    // Printed, the page leaves its controls out.
    await lay.emulateMedia({ media: 'print' });
    expect(await lay.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await said.isVisible()).toBe(true);
    await lay.emulateMedia({ media: 'screen' });
  });

  it('downloads the report as a web page and as Markdown, to send to participants', async () => {
    for (const [button, extension] of [
      ['Download (web page)', '.html'],
      ['Download (Markdown)', '.md'],
    ] as const) {
      const downloading = lay.waitForEvent('download');
      await lay.getByRole('button', { name: button }).tap();
      const file = await downloading;
      expect(file.suggestedFilename()).toMatch(
        new RegExp(`^costudio-outpatient-letters-you-said-we-did-\\d{4}-\\d{2}-\\d{2}\\${extension}$`),
      );
      const text = await readFile((await file.path()) ?? '', 'utf8');
      expect(text).toContain(LAY_WORDS);
      expect(text).toContain(DECISION_WORDS);
    }
  });

  it('raised no page errors', () => {
    for (const person of people) expect(person.problems.all()).toEqual([]);
  });
});
