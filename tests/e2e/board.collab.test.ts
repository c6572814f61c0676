import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  canvasCamera,
  createBoard,
  type DebugHook,
  drawnNoteIds,
  joinAs,
  noteField,
  noteIds,
  noteScreenRect,
  type Participant,
  useE2eEnvironment,
  waitFor,
  waitForSaved,
} from './support/index.ts';

declare const window: { __costudio: DebugHook };

const LANE_WIDTH = 360;
const LANE_GAP = 24;

/** Adds a note with the toolbar button and returns its id (the one new key in the doc). */
async function addNoteWithButton(page: Page): Promise<string> {
  const before = new Set(await noteIds(page));
  await page.getByRole('button', { name: /^Add note/ }).click();
  return waitFor(async () => (await noteIds(page)).find((id) => !before.has(id)), { message: 'the new note in the doc' });
}

/** Screen x range of a lane in page coordinates, from the page's own camera. */
async function laneScreenRange(page: Page, laneIndex: number): Promise<{ left: number; right: number }> {
  const { x, scale } = await canvasCamera(page);
  const box = await page.locator('.board-canvas__surface').boundingBox();
  if (!box) throw new Error('no canvas surface');
  const left = box.x + x + laneIndex * (LANE_WIDTH + LANE_GAP) * scale;
  return { left, right: left + LANE_WIDTH * scale };
}

describe('the board, live for two people in two browsers', () => {
  const env = useE2eEnvironment();
  let people: Participant[];
  let alice: Page;
  let bob: Page;

  beforeAll(async () => {
    const board = await createBoard(env.server, 'Outpatient letters');
    // Laptops big enough that the four lanes these tests use are all in view at the readable
    // starting zoom (95 %), so each person can click straight onto a note the other added.
    const laptop = { viewport: { width: 1600, height: 1000 } };
    people = [
      await joinAs(env.browser, board.url, 'Alice', 'lay', laptop),
      await joinAs(env.browser, board.url, 'Bob', 'practitioner', laptop),
    ];
    [alice, bob] = people.map((person) => person.page) as [Page, Page];
  });

  it('shows a note added by one person to the other within a second', async () => {
    const id = await addNoteWithButton(alice);
    const started = Date.now();
    await waitFor(async () => (await drawnNoteIds(bob)).includes(id), { timeout: 1000, message: "Alice's note drawn for Bob" });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await noteField(bob, id, 'lane')).toBe('define');
    expect(await noteField(bob, id, 'authorRole')).toBe('lay');
    // The new note is ready to type in at once.
    await alice.keyboard.type('Letters come after the appointment');
    await waitFor(async () => (await noteField(bob, id, 'text')) === 'Letters come after the appointment', {
      message: "Alice's words in Bob's doc",
    });
    await alice.keyboard.press('Escape');
  });

  it('moves a note to another lane for everyone when it is dragged there', async () => {
    const id = await addNoteWithButton(alice);
    await alice.keyboard.press('Escape');
    await waitFor(async () => (await drawnNoteIds(bob)).includes(id));
    const from = await noteScreenRect(alice, id);
    const decide = await laneScreenRange(alice, 3);
    const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
    await alice.mouse.move(start.x, start.y);
    await alice.mouse.down();
    const targetX = (decide.left + decide.right) / 2;
    await alice.mouse.move(targetX, start.y + 40, { steps: 12 });
    await alice.mouse.up();

    await waitFor(async () => (await noteField(bob, id, 'lane')) === 'decide', { message: "Bob's doc has the note in Decide" });
    expect(await noteField(alice, id, 'lane')).toBe('decide');
    const bobDecide = await laneScreenRange(bob, 3);
    const drawn = await waitFor(
      async () => {
        const rect = await noteScreenRect(bob, id);
        return rect.x >= bobDecide.left - 1 && rect.x + rect.width <= bobDecide.right + 1 ? rect : null;
      },
      { message: "the note drawn inside the Decide lane on Bob's canvas" },
    );
    expect(drawn.width).toBeGreaterThan(0);
  });

  it("keeps both people's characters when they type into one note at once", async () => {
    const id = await addNoteWithButton(alice);
    await alice.keyboard.type('Shared: ');
    await waitFor(async () => (await drawnNoteIds(bob)).includes(id));
    const rect = await noteScreenRect(bob, id);
    await bob.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 3);
    const bobField = bob.getByRole('textbox', { name: /^Note by Alice/ });
    await expect.poll(() => bobField.evaluate((field) => field === document.activeElement)).toBe(true);
    await bob.keyboard.press('End');
    await Promise.all([alice.keyboard.type('aaaaaa', { delay: 15 }), bob.keyboard.type('bbbbbb', { delay: 15 })]);
    const text = await waitFor(
      async () => {
        const [a, b] = await Promise.all([noteField(alice, id, 'text'), noteField(bob, id, 'text')]);
        return a === b && typeof a === 'string' && a.length === 'Shared: '.length + 12 ? a : null;
      },
      { message: 'both docs to converge with all twelve characters' },
    );
    expect(text.startsWith('Shared: ')).toBe(true);
    expect(text.match(/a/g)?.length).toBe(7); // six typed + the one in "Shared"
    expect(text.match(/b/g)?.length).toBe(6);
    // What each person sees in the text field is the converged text.
    await waitFor(async () => (await alice.getByRole('textbox', { name: /^Note by Alice/ }).inputValue()) === text);
    await waitFor(async () => (await bobField.inputValue()) === text);
    await alice.keyboard.press('Escape');
    await bob.keyboard.press('Escape');
  });

  it("undo in one browser never undoes the other person's change", async () => {
    const bobsNote = await addNoteWithButton(bob);
    await bob.keyboard.type('Bob was here');
    await bob.keyboard.press('Escape');
    const alicesNote = await addNoteWithButton(alice);
    await alice.keyboard.type('Alice too');
    await alice.keyboard.press('Escape');
    await waitFor(async () => (await noteIds(bob)).includes(alicesNote));
    await waitFor(async () => (await noteField(alice, bobsNote, 'text')) === 'Bob was here');

    // Alice undoes everything she can (all her notes of this board); Bob's note must survive it.
    const undo = alice.getByRole('button', { name: 'Undo' });
    while (await undo.isEnabled()) await alice.keyboard.press('Control+z');
    await waitFor(async () => !(await noteIds(bob)).includes(alicesNote), { message: "Alice's note undone for Bob" });
    expect(await noteField(alice, bobsNote, 'text')).toBe('Bob was here');
    expect(await noteField(bob, bobsNote, 'text')).toBe('Bob was here');

    // Alice's own notes are gone; the one Bob typed into stays, with only his characters (issue 12, item 9).
    const left = await noteIds(bob);
    expect(left).toHaveLength(2);
    expect(left).toContain(bobsNote);
    for (const id of left.filter((id) => id !== bobsNote)) expect(await noteField(bob, id, 'text')).toBe('bbbbbb');

    // Redo (Ctrl+Shift+Z) brings back Alice's oldest undone change, her first note.
    await alice.keyboard.press('Control+Shift+Z');
    await waitFor(async () => (await noteIds(bob)).length === 3, { message: 'a note of Alice redone for Bob' });
  });

  it('keeps everything after a reload', async () => {
    await waitForSaved(bob);
    await waitForSaved(alice);
    const snapshot = (page: Page) =>
      page.evaluate(() => {
        const notes = window.__costudio.doc.getMap<Y.Map<unknown>>('notes');
        return Object.fromEntries([...notes.keys()].sort().map((id) => [id, notes.get(id)?.toJSON()]));
      });
    const before = await snapshot(alice);
    expect(Object.keys(before).length).toBe(3);
    await bob.reload();
    // The device remembers Bob: no join step again.
    await waitForSaved(bob);
    await waitFor(async () => JSON.stringify(await snapshot(bob)) === JSON.stringify(before), {
      message: 'the same notes after reload',
    });
    await waitFor(async () => (await drawnNoteIds(bob)).length === Object.keys(before).length, { message: 'all notes drawn' });
  });

  it('raised no page errors', () => {
    for (const person of people) expect(person.problems.all()).toEqual([]);
  });
});
