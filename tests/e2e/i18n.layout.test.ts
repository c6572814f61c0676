import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBoard,
  type E2eEnvironment,
  layoutProblems,
  openParticipant,
  type Participant,
  presetLocale,
  useE2eEnvironment,
} from './support/index.ts';

/**
 * Room to grow: translations run longer than English and some read right to left. The pseudo-
 * locale en-XA makes every string about 40 % longer (accented, so an untranslated string shows);
 * ar-XB shows English right to left. The layout must hold and mirror (issue 17).
 */
async function openIn(env: E2eEnvironment, locale: string, options: Parameters<typeof openParticipant>[1]): Promise<Participant> {
  const person = await openParticipant(env.browser, options);
  await presetLocale(person.context, locale);
  return person;
}

/** The pseudo-locale's join form, whose words are accented: found by the inputs' order, not their names. */
async function joinPseudo(page: Page): Promise<void> {
  await page.locator('.join-form input[type="text"]').fill('Alex');
  await page.locator('.join-form input[type="radio"]').first().check();
  await page.locator('.join-form button[type="submit"]').click();
  await page.locator('.sync-status[data-status="saved"]').waitFor({ timeout: 30_000 });
}

describe.each([
  ['320 px wide', { viewport: { width: 320, height: 640 } }, 100],
  ['200 % text', { viewport: { width: 1280, height: 800 } }, 200],
] as const)('strings 40 %% longer (en-XA) at %s', (_name, options, textSize) => {
  const env = useE2eEnvironment();
  let person: Participant;
  let boardUrl: string;

  beforeAll(async () => {
    boardUrl = (await createBoard(env.server, 'Outpatient letters')).url;
    person = await openIn(env, 'en-XA', options);
    await person.context.addInitScript(
      (size) => localStorage.setItem('costudio.settings', JSON.stringify({ textSize: size, boardView: 'list' })),
      textSize,
    );
  });

  afterAll(() => person?.context.close());

  it('the start page holds', async () => {
    await person.page.goto(env.server.url);
    await person.page.locator('.start-page h1').waitFor();
    expect(await person.page.locator('.start-page__intro').textContent()).toMatch(/^⟦Á šĥáŕéð ƀóáŕð/);
    expect(await layoutProblems(person.page)).toEqual([]);
  });

  it('the join page holds', async () => {
    await person.page.goto(boardUrl);
    await person.page.locator('.join-form').waitFor();
    expect(await layoutProblems(person.page)).toEqual([]);
  });

  it('the board as a list, with a note, holds', async () => {
    await joinPseudo(person.page);
    await person.page.locator('.lane-section__add').first().click();
    await person.page.keyboard.type('Letters arrive after the appointment');
    expect(await person.page.locator('.lane-section__title').first().textContent()).toBe('⟦Ðéƒíñé ~⟧');
    expect(await layoutProblems(person.page)).toEqual([]);
  });

  it('raised no page errors', () => {
    expect(person.problems.all()).toEqual([]);
  });
});

describe('right to left (ar-XB): the join page and the lane list mirror', () => {
  const env = useE2eEnvironment();
  let person: Participant;
  let boardUrl: string;

  beforeAll(async () => {
    boardUrl = (await createBoard(env.server, 'Outpatient letters')).url;
    person = await openIn(env, 'ar-XB', { viewport: { width: 1280, height: 800 } });
  });

  afterAll(() => person?.context.close());

  it('the join page reads from the right', async () => {
    const { page } = person;
    await page.goto(boardUrl);
    await page.locator('.join-form').waitFor();
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar-XB']);
    const geometry = await page.evaluate(() => {
      const box = (selector: string) => (document.querySelector(selector) as HTMLElement).getBoundingClientRect();
      const radio = box('.join-form__role input');
      const roleText = box('.join-form__role span');
      const picker = box('.language-picker select');
      const main = box('main');
      return { radioRight: radio.left, textLeft: roleText.left, pickerLeft: picker.left, mainCentre: main.left + main.width / 2 };
    });
    // The radio button comes first, so on the right of its words; the language picker, at the inline end, on the left.
    expect(geometry.radioRight).toBeGreaterThan(geometry.textLeft);
    expect(geometry.pickerLeft).toBeLessThan(geometry.mainCentre);
    expect(await layoutProblems(page)).toEqual([]);
  });

  it('the lane list runs right to left, each lane aligned to its right edge', async () => {
    const { page } = person;
    await joinPseudo(page);
    await page.evaluate(() => {
      localStorage.setItem('costudio.settings', JSON.stringify({ boardView: 'list' }));
      dispatchEvent(new Event('costudio:settings'));
    });
    await page.locator('.lane-section').nth(1).waitFor();
    await page.locator('.lane-section__add').first().click();
    await page.keyboard.type('Letters');
    const lanes = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.lane-section')].slice(0, 2).map((section) => {
        const box = section.getBoundingClientRect();
        // The extent of the title's words, not of its block.
        const range = document.createRange();
        range.selectNodeContents(section.querySelector('.lane-section__title') as HTMLElement);
        const title = range.getBoundingClientRect();
        return { left: box.left, right: box.right, titleRight: title.right, titleLeft: title.left };
      }),
    );
    const [define, design] = lanes as [(typeof lanes)[number], (typeof lanes)[number]];
    // Define, the first lane, is on the right of Design in a right-to-left grid.
    expect(define.left).toBeGreaterThan(design.left);
    // The title starts at the right: closer to the lane's right edge than to its left.
    expect(define.right - define.titleRight).toBeLessThan(define.titleLeft - define.left);
    const note = await page
      .locator('.lane-note')
      .first()
      .evaluate((element) => {
        const style = getComputedStyle(element);
        return { right: style.borderRightWidth, left: style.borderLeftWidth };
      });
    expect(note).toEqual({ right: '8px', left: '1px' });
    expect(await layoutProblems(page)).toEqual([]);
  });

  it('raised no page errors', () => {
    expect(person.problems.all()).toEqual([]);
  });
});
