import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createBoard,
  headerControl,
  isFocused,
  joinAs,
  laneAddButton,
  noteField,
  noteIds,
  openParticipant,
  type Participant,
  PHONE,
  useE2eEnvironment,
  waitFor,
  waitForSaved,
} from './support/index.ts';

/** At least 44 × 44 CSS px: a finger, not a mouse pointer. */
async function expectTouchSized(page: Page, name: RegExp | string, within = page.locator('body')): Promise<void> {
  const box = await within.getByRole('button', { name }).first().boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(44);
  expect(box?.height).toBeGreaterThanOrEqual(44);
}

describe('a phone (390 × 844, touch), with taps only', () => {
  const env = useE2eEnvironment();
  let people: Participant[];
  let phone: Page;
  let laptop: Page;
  let noteId: string;

  beforeAll(async () => {
    const { url } = await createBoard(env.server, 'Outpatient letters');
    const phonesDevice = await openParticipant(env.browser, PHONE);
    const laptopsDevice = await joinAs(env.browser, url, 'Pat', 'practitioner');
    people = [phonesDevice, laptopsDevice];
    ({ page: phone } = phonesDevice);
    ({ page: laptop } = laptopsDevice);

    await phone.goto(url);
    await phone.getByLabel('Your name').tap();
    await phone.keyboard.type('Carla');
    await phone.getByRole('radio', { name: /patient, carer/ }).tap();
    await phone.getByRole('button', { name: 'Join the board' }).tap();
    await waitForSaved(phone);
  });

  it('opens on the lane list, with every lane and finger-sized buttons', async () => {
    for (const lane of ['Define', 'Design', 'Deliver', 'Decide', 'Distribute', 'Evaluate']) {
      await phone.getByRole('region', { name: lane }).waitFor();
    }
    await expectTouchSized(phone, /^Add note/);
    // Board / List are under "More" on a phone; Escape closes it again.
    expect(await (await headerControl(phone, phone.getByRole('button', { name: 'List' }))).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await expectTouchSized(phone, /^Board$/);
    await phone.keyboard.press('Escape');
    // Nothing wider than the phone: no sideways scrolling.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('adds a note to Define and writes in it', async () => {
    await laneAddButton(phone, 'Define').tap();
    noteId = await waitFor(async () => (await noteIds(laptop))[0], { message: "the note in the laptop's doc" });
    expect(await noteField(laptop, noteId, 'lane')).toBe('define');
    expect(await noteField(laptop, noteId, 'authorRole')).toBe('lay');
    const field = phone.getByRole('textbox', { name: 'Note by Carla (Lay participant)' });
    await field.tap();
    await phone.keyboard.type('The letter came a week late');
    await waitFor(async () => (await noteField(laptop, noteId, 'text')) === 'The letter came a week late', {
      message: "the words in the laptop's doc",
    });
  });

  it('moves it to Decide with two taps', async () => {
    const define = phone.getByRole('region', { name: 'Define' });
    await expectTouchSized(phone, 'Move to…', define);
    await define.getByRole('button', { name: 'Move to…' }).tap();
    const dialog = phone.getByRole('dialog', { name: 'Move to lane…' });
    await expectTouchSized(phone, 'Decide', dialog);
    await dialog.getByRole('button', { name: 'Decide' }).tap();
    await waitFor(async () => (await noteField(laptop, noteId, 'lane')) === 'decide', { message: "Decide in the laptop's doc" });
    await phone
      .getByRole('region', { name: 'Decide' })
      .getByRole('textbox', { name: /^Note by Carla/ })
      .waitFor();
  });

  it('deletes it', async () => {
    const decide = phone.getByRole('region', { name: 'Decide' });
    await expectTouchSized(phone, 'Delete', decide);
    await decide.getByRole('button', { name: 'Delete' }).tap();
    await waitFor(async () => (await noteIds(laptop)).length === 0, { message: "the note gone from the laptop's doc" });
    expect(await decide.getByRole('textbox').count()).toBe(0);
  });

  it('on the canvas too, moves a note by tapping "Move to…" instead of dragging', async () => {
    await (await headerControl(phone, phone.getByRole('button', { name: 'Board', exact: true }))).tap();
    await phone.getByRole('application').waitFor();
    await expectTouchSized(phone, /^Add note/);
    const before = new Set(await noteIds(laptop));
    await phone.getByRole('button', { name: /^Add note/ }).tap();
    const id = await waitFor(async () => (await noteIds(laptop)).find((other) => !before.has(other)), {
      message: "the canvas note in the laptop's doc",
    });
    await phone.keyboard.type('Tapped in');
    const actions = phone.getByRole('toolbar', { name: 'Note actions' });
    await expectTouchSized(phone, 'Move to…', actions);
    await actions.getByRole('button', { name: 'Move to…' }).tap();
    await phone.getByRole('dialog', { name: 'Move to lane…' }).getByRole('button', { name: 'Evaluate' }).tap();
    await waitFor(async () => (await noteField(laptop, id, 'lane')) === 'evaluate', { message: "Evaluate in the laptop's doc" });
    expect(await noteField(laptop, id, 'text')).toBe('Tapped in');
  });

  it('opens "Votes and results" where the person is looking, not below every lane', async () => {
    await (await headerControl(phone, phone.getByRole('button', { name: 'List' }))).tap();
    await phone.getByRole('button', { name: 'Votes and results' }).tap();
    const heading = phone.getByRole('heading', { name: 'Votes and results' });
    await waitFor(() => isFocused(heading), { message: 'the panel heading to take focus' });
    const box = await heading.boundingBox();
    const viewport = phone.viewportSize();
    expect(box && viewport && box.y >= 0 && box.y + box.height <= viewport.height).toBe(true);
  });

  it('raised no page errors', () => {
    for (const person of people) expect(person.problems.all()).toEqual([]);
  });
});
