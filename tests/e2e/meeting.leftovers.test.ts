import { createNote, LANE_HEADER_HEIGHT, linkNotes } from '@costudio/shared';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { nestedScrollBoxes, smallText, wordsBrokenAcrossLines } from '../support/e2e/layoutProbes.ts';
import { pixelsOfColour, rgbOf } from '../support/e2e/pixels.ts';
import {
  canvasCamera,
  DESKTOP,
  headerControl,
  joinAs,
  laneListNote,
  noteScreenRect,
  type Participant,
  PHONE,
  type ScreenRect,
  screenshot,
  startBoardAs,
  useE2eEnvironment,
  waitFor,
} from './support/index.ts';

/**
 * Issue 12, what the last review of a played meeting still found: a cursor's name over a note's
 * first line, "Go to" leaving an empty band above the lanes, a "Said" tag on every note, a reply
 * box that missed a lock made while it was open, and a cramped balance table on a phone.
 */

const WORDS = {
  said: 'Letters arrive after the appointment',
  plain: 'Clinic runs late on Mondays',
  decision: 'Send letters by text two weeks before',
};
/** Quinn's cursor colour, dark red (presence/presenceState.ts CURSOR_COLORS). */
const QUINN = '#b3261e';

const env = useE2eEnvironment();
const people: Participant[] = [];
let fay: Participant;
let lee: Participant;
let pat: Participant;
/** Quinn, a practitioner whose client is a stock y-websocket provider: her pointer and her notes. */
let quinn: BoardClient;
const ids = { said: '', plain: '', decision: '' };

afterAll(async () => {
  quinn?.destroy();
  for (const person of people) await person.context.close().catch(() => {});
});

beforeAll(async () => {
  fay = await startBoardAs(env.browser, env.server.url, 'Outpatient letters', 'Fay', 'practitioner', DESKTOP);
  people.push(fay);
  const boardId = new URL(fay.page.url()).pathname.split('/').pop() ?? '';
  quinn = connectBoardClient(env.server.syncUrl, boardId);
  await quinn.whenSynced();
  const author = { author: 'Quinn', authorRole: 'practitioner' as const };
  ids.said = createNote(quinn.doc, { lane: 'define', author: 'Lee', authorRole: 'lay', text: WORDS.said });
  ids.plain = createNote(quinn.doc, { lane: 'design', ...author, text: WORDS.plain });
  ids.decision = createNote(quinn.doc, { lane: 'decide', ...author, text: WORDS.decision });
  linkNotes(quinn.doc, ids.decision, ids.said);
  lee = await joinAs(env.browser, fay.page.url(), 'Lee', 'lay', DESKTOP);
  pat = await joinAs(env.browser, fay.page.url(), 'Pat', 'lay', PHONE);
  people.push(lee, pat);
  for (const page of [fay.page, lee.page])
    await waitFor(async () => page.evaluate((id) => window.__costudio?.noteScreenRect(id) !== null, ids.said), {
      message: 'the notes on the canvas',
    });
}, 120_000);

declare const window: { __costudio?: { noteScreenRect(id: string): ScreenRect | null } };

/** Tabs from note to note on the focused canvas until the one with these words has the focus ring. */
async function focusNote(page: Page, words: string): Promise<void> {
  await waitFor(
    async () => {
      await page.keyboard.press('Tab');
      return ((await page.getByTestId('canvas-focus').textContent()) ?? '').includes(words);
    },
    { message: `the note “${words}” focused` },
  );
}

/** The part of a note that holds its words: below its top edge, above its byline. */
function textArea(note: ScreenRect): ScreenRect {
  return { x: note.x + 4, y: note.y + 4, width: note.width - 8, height: note.height * 0.6 };
}

describe('a cursor name label (item 1)', () => {
  it('does not cover the first line of the note under the lane header', async () => {
    const page = fay.page;
    // Over the Define lane's title, right above the lane's first note.
    quinn.provider.awareness.setLocalState({
      name: 'Quinn',
      role: 'practitioner',
      color: QUINN,
      cursor: { x: 40, y: 30 },
      focusedNoteId: null,
    });
    const camera = await canvasCamera(page);
    const canvas = await page.locator('.board-canvas__surface').boundingBox();
    if (!canvas) throw new Error('no canvas');
    const pointer = { x: canvas.x + camera.x + 40 * camera.scale, y: canvas.y + camera.y + 30 * camera.scale };
    await waitFor(
      async () => (await pixelsOfColour(page, { x: pointer.x, y: pointer.y, width: 14, height: 18 }, rgbOf(QUINN))) > 20,
      { message: 'Quinn’s pointer drawn' },
    );
    const note = await noteScreenRect(page, ids.said);
    expect(note.y).toBeLessThan(canvas.y + camera.y + (LANE_HEADER_HEIGHT + 40) * camera.scale);
    await screenshot(page, 'meeting-leftovers-cursor-1280x800');
    const covering = await pixelsOfColour(page, textArea(note), rgbOf(QUINN));
    console.info(`cursor label colour over the first note's words: ${covering} px`);
    expect(covering).toBeLessThan(20);
  });

  it('does not cover the words of a note the pointer is over either', async () => {
    const page = fay.page;
    const note = await noteScreenRect(page, ids.said);
    const camera = await canvasCamera(page);
    const canvas = await page.locator('.board-canvas__surface').boundingBox();
    if (!canvas) throw new Error('no canvas');
    // The pointer on the note's right edge, halfway down: the label would sit on the words below.
    const board = {
      x: (note.x + note.width - 30 - canvas.x - camera.x) / camera.scale,
      y: (note.y + 20 - canvas.y - camera.y) / camera.scale,
    };
    quinn.provider.awareness.setLocalStateField('cursor', board);
    await waitFor(
      async () =>
        (await pixelsOfColour(page, { x: note.x + note.width - 30, y: note.y + 20, width: 14, height: 18 }, rgbOf(QUINN))) > 20,
      { message: 'Quinn’s pointer drawn on the note' },
    );
    const below = { x: note.x + 4, y: note.y + 40, width: note.width - 8, height: note.height * 0.5 };
    const covering = await pixelsOfColour(page, below, rgbOf(QUINN));
    console.info(`cursor label colour over the words below the pointer: ${covering} px`);
    expect(covering).toBeLessThan(20);
    quinn.provider.awareness.setLocalStateField('cursor', null);
  });
});

/** How wide an element shows on screen: 1 px or less for one hidden but for screen readers. */
function shownWidth(locator: Locator): Promise<number> {
  return locator.evaluate((element) => {
    let { left, right } = element.getBoundingClientRect();
    for (let clip = element.parentElement; clip; clip = clip.parentElement) {
      if (getComputedStyle(clip).overflow === 'visible') continue;
      const box = clip.getBoundingClientRect();
      left = Math.max(left, box.left);
      right = Math.min(right, box.right);
    }
    return Math.max(0, right - left);
  });
}

describe('a note’s status tag (item 3)', () => {
  /** White pixels on a note: its status tag is a white pill on the note's colour. */
  async function whiteOn(page: Page, id: string): Promise<number> {
    return pixelsOfColour(page, await noteScreenRect(page, id), [255, 255, 255], 6);
  }

  it('is not drawn on a note that is only "said"; it is on a decided one', async () => {
    const page = lee.page;
    await page.getByRole('button', { name: 'Fit board' }).click();
    await waitFor(async () => (await whiteOn(page, ids.decision)) > 150, { message: 'the decision’s status tag' });
    await screenshot(page, 'meeting-leftovers-tags-1280x800');
    const plain = await whiteOn(page, ids.plain);
    console.info(`white on a plain note: ${plain} px; on the decision: ${await whiteOn(page, ids.decision)} px`);
    expect(plain).toBeLessThan(20);
  });

  it('still gives the status to a screen reader on the focused note', async () => {
    const page = lee.page;
    await page.locator('.board-canvas__surface').focus();
    await focusNote(page, WORDS.plain);
    expect(await page.getByTestId('canvas-focus').textContent()).toMatch(/Status: Said\.$/);
  });

  it('in the list, shows the status of a note that went further, and keeps "Said" for screen readers only', async () => {
    const page = pat.page;
    const plain = await laneListNote(page, WORDS.plain);
    await screenshot(page, 'meeting-leftovers-list-390x844');
    expect(await plain.locator('.status-chip').count()).toBe(0);
    const hidden = plain.getByText('Status: Said. Nobody has answered it yet.');
    expect(await shownWidth(hidden)).toBeLessThanOrEqual(1);
    expect(await plain.getByRole('button', { name: /^Replies and links/ }).isVisible()).toBe(true);
    const decided = await laneListNote(page, WORDS.decision);
    expect(await shownWidth(decided.locator('.status-chip'))).toBeGreaterThan(20);
    expect(await decided.locator('.status-chip').textContent()).toBe('Status: Decided');
  });
});

describe('"Go to" in a note’s trace, and keys 1 to 6 (item 2)', () => {
  it('brings the earlier note into view under its lane header, with no empty band above the lanes', async () => {
    const page = fay.page;
    const canvas = page.locator('.board-canvas__surface');
    await canvas.focus();
    // Decide chosen with its key shows the lane under its header too, not centred below a band.
    await page.keyboard.press('4');
    await waitFor(async () => (await canvasCamera(page)).x < -500, { message: 'the view moved to Decide' });
    expect((await canvasCamera(page)).y).toBeLessThanOrEqual(24);
    await focusNote(page, WORDS.decision);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /^Replies and links/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Replies and links' });
    await dialog.getByRole('button', { name: `Go to the note “${WORDS.said}”` }).click();
    await dialog.waitFor({ state: 'hidden' });
    await waitFor(async () => (await page.locator('textarea.note-editor__text').inputValue()) === WORDS.said, {
      message: 'the note opened',
    });
    await screenshot(page, 'meeting-leftovers-goto-1280x800');
    const camera = await canvasCamera(page);
    const box = await canvas.boundingBox();
    const note = await noteScreenRect(page, ids.said);
    if (!box) throw new Error('no canvas');
    console.info(`after Go to: lanes' top at ${camera.y.toFixed(0)} px below the canvas top`);
    // The header band starts at the top of the canvas: no empty band, the lane's title in view.
    expect(camera.y).toBeGreaterThanOrEqual(0);
    expect(camera.y).toBeLessThanOrEqual(24);
    expect(note.x).toBeGreaterThanOrEqual(box.x);
    expect(note.x + note.width).toBeLessThanOrEqual(box.x + box.width);
    expect(note.y + note.height).toBeLessThanOrEqual(box.y + box.height);
    await page.keyboard.press('Escape');
  });
});

/**
 * Waits for the page's own notice of a lock (an element matching `notice`) to appear or go, and
 * returns what the open reply box shows in that same frame: its refusal, or null for the box.
 */
function replyBoxAsNoticeChanges(page: Page, notice: string, present: boolean): Promise<string | null> {
  return page.evaluate(
    ([selector, wanted]) =>
      new Promise<string | null>((resolve) => {
        const observer = new MutationObserver(() => check());
        const check = (): boolean => {
          if ((document.querySelector(selector as string) !== null) !== wanted) return false;
          observer.disconnect();
          resolve(document.querySelector('dialog[open] .reply-form__refused')?.textContent ?? null);
          return true;
        };
        if (!check()) observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      }),
    [notice, present] as const,
  );
}

describe('the reply box (item 4)', () => {
  it('says the lane was locked while it is open, as the lock notice appears, and offers the box again on unlock', async () => {
    const page = lee.page;
    const note = await noteScreenRect(page, ids.said);
    await page.mouse.click(note.x + note.width / 2, note.y + 30);
    await page.getByRole('button', { name: /^Replies and links/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Replies and links' });
    await dialog.getByLabel('Your reply').waitFor();

    await fay.page.getByRole('button', { name: 'Facilitate', exact: true }).click();
    let shown = replyBoxAsNoticeChanges(page, '.locked-notice', true);
    await fay.page.getByRole('checkbox', { name: 'Define' }).check();
    expect(await shown).toBe('The facilitator has locked Define for now.');
    expect(await dialog.getByLabel('Your reply').count()).toBe(0);

    shown = replyBoxAsNoticeChanges(page, '.locked-notice', false);
    await fay.page.getByRole('checkbox', { name: 'Define' }).uncheck();
    expect(await shown).toBeNull();
    await dialog.getByLabel('Your reply').waitFor();
  });

  it('says so as the whole board is locked, and offers the box again as it is unlocked', async () => {
    const page = lee.page;
    const dialog = page.getByRole('dialog', { name: 'Replies and links' });
    let shown = replyBoxAsNoticeChanges(page, '.board-notice', true);
    await fay.page.getByRole('button', { name: 'Lock board' }).click();
    expect(await shown).toBe('You can read replies here, but not write them.');
    shown = replyBoxAsNoticeChanges(page, '.board-notice', false);
    await fay.page.getByRole('button', { name: 'Unlock board' }).click();
    expect(await shown).toBeNull();
    await dialog.getByLabel('Your reply').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await fay.page.getByRole('button', { name: 'Facilitate', exact: true }).click();
  });
});

describe('the balance table on a 390 × 844 phone (item 5)', () => {
  it('is readable: no word broken over two lines, no box scrolling on its own, text of 14 px or more', async () => {
    const page = pat.page;
    await (await headerControl(page, page.getByRole('button', { name: 'Votes and results' }))).tap();
    const table = page.locator('.balance-table');
    await table.waitFor();
    await table.scrollIntoViewIfNeeded();
    await screenshot(page.locator('.balance'), 'meeting-leftovers-balance-390x844');
    expect(await wordsBrokenAcrossLines(page, '.balance-table')).toEqual([]);
    expect(await nestedScrollBoxes(page, '.balance-table')).toEqual([]);
    expect(await smallText(page, '.balance', 14)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Still a table to a screen reader: each figure named by its row and column.
    expect(await table.getByRole('columnheader').count()).toBeGreaterThanOrEqual(4);
    expect(await table.getByRole('rowheader').count()).toBe(7);
  });
});

describe('the "You said, we did" page, as a person reads it', () => {
  it('keeps a space between each of its controls and the words that name it', async () => {
    const page = await lee.context.newPage();
    const address = new URL(lee.page.url());
    address.search = '?view=you-said-we-did';
    await page.goto(address.toString());
    await page.getByLabel('Meeting').waitFor();
    await screenshot(page, 'meeting-leftovers-yswd-1280x800');
    const gaps = await page.evaluate(() => {
      const tools = [...document.querySelectorAll('.yswd__tool')];
      return tools.map((tool) => {
        const control = tool.querySelector('select, input');
        const words = [...tool.childNodes].find((node) => node.textContent?.trim() && !node.contains(control));
        if (!control || !words) return Number.NaN;
        const range = document.createRange();
        range.selectNodeContents(words);
        const text = range.getBoundingClientRect();
        const box = control.getBoundingClientRect();
        return Math.round(text.left >= box.right ? text.left - box.right : box.left - text.right);
      });
    });
    console.info(`gaps between the page's controls and their words: ${gaps.join(', ')} px`);
    expect(gaps.length).toBe(2);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(4);
    await page.close();
  });
});
