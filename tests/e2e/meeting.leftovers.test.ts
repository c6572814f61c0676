import { createNote, LANE_HEADER_HEIGHT, linkNotes } from '@costudio/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { pixelsOfColour, rgbOf } from '../support/e2e/pixels.ts';
import {
  canvasCamera,
  DESKTOP,
  joinAs,
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
