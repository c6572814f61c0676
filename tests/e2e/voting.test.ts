import { readFile } from 'node:fs/promises';
import { collectMeetingReport, renderCsvReport, renderMarkdownReport } from '@costudio/shared';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import {
  fillNewNote as addNote,
  type DebugHook,
  fillJoinForm,
  openParticipant,
  type PageProblems,
  screenshot,
  useE2eEnvironment,
  waitFor,
} from './support/index.ts';

/**
 * Issue 5 end to end: one facilitator (a practitioner, on the device that created the board),
 * one more practitioner and three lay participants, each in their own browser profile. They
 * vote with dots; every screen shows the same perspectives; an anonymous note's author is
 * nowhere in the document or in what the others received; the downloaded reports match.
 */

declare const window: { __costudio: DebugHook };

/** A name that must never reach the document: the author of the anonymous note. */
const SECRET_AUTHOR = 'Zebediah Quillfeather';
const NOTES = { a: 'Keep appointments local', b: 'Text reminders', c: 'Shorter letters' } as const;
const ANONYMOUS_TEXT = 'I was afraid to say the clinic felt rushed';
const VIEWPORT = { width: 1100, height: 760 };

interface Person {
  name: string;
  role: 'lay' | 'practitioner';
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
  /** Payloads of y-websocket sync messages (type 0) this page received, as text. */
  syncFrames: string[];
}

const env = useE2eEnvironment();
let boardUrl: string;
const people: Person[] = [];

async function openPerson(name: string, role: Person['role']): Promise<Person> {
  const { context, page, problems } = await openParticipant(env.browser, { viewport: VIEWPORT });
  const syncFrames: string[] = [];
  page.on('websocket', (socket) => {
    socket.on('framereceived', ({ payload }) => {
      const bytes = typeof payload === 'string' ? Buffer.from(payload) : payload;
      // Awareness (type 1) carries names by design and is never stored; sync (type 0) is the document.
      if (bytes[0] === 0) syncFrames.push(bytes.toString('latin1'));
    });
  });
  const person = { name, role, context, page, problems, syncFrames };
  people.push(person);
  return person;
}

async function join(person: Person, url: string): Promise<void> {
  const { page } = person;
  if (page.url() !== url) await page.goto(url);
  await fillJoinForm(page, person.name, person.role);
}

async function openPanel(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Votes and results' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.getByRole('region', { name: 'Votes and results' }).waitFor();
}

async function addDot(page: Page, noteText: string): Promise<void> {
  await page.getByRole('button', { name: `Add a dot to: ${noteText}` }).click();
}

/** The perspectives table as text cells, row by row (header row excluded). */
async function perspectivesRows(page: Page): Promise<string[][]> {
  const table = page.getByRole('table', { name: /vote 1/ });
  return table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())));
}

async function nodeReplica(syncUrl: string, boardId: string): Promise<BoardClient> {
  const replica = connectBoardClient(syncUrl, boardId);
  await replica.whenSynced(10_000);
  return replica;
}

afterAll(async () => {
  for (const person of people) await person.context.close().catch(() => {});
});

describe('dot voting with three lay participants and two practitioners', () => {
  it('votes, shows the same perspectives everywhere, keeps anonymity and reports the board', async () => {
    // The facilitator creates the board on the start page, which makes this device the facilitator.
    const pat = await openPerson('Pat Facilitator', 'practitioner');
    await pat.page.goto(env.server.url);
    await pat.page.getByLabel('Board name').fill('Outpatient letters');
    await pat.page.getByRole('button', { name: 'New board' }).click();
    await pat.page.waitForURL(/\/b\//);
    boardUrl = pat.page.url();
    await join(pat, boardUrl);
    const quinn = await openPerson('Quinn Doctor', 'practitioner');
    const lee = await openPerson(SECRET_AUTHOR, 'lay');
    const mo = await openPerson('Mo Carer', 'lay');
    const noor = await openPerson('Noor Patient', 'lay');
    for (const person of [quinn, lee, mo, noor]) await join(person, boardUrl);

    for (const text of Object.values(NOTES)) await addNote(pat.page, text);

    // Lee posts anonymously: the note keeps the role and never the name.
    await lee.page.getByRole('button', { name: 'Post anonymously…' }).click();
    const dialog = lee.page.getByRole('dialog', { name: 'Post a note anonymously' });
    await dialog.getByText('A lay participant', { exact: true }).waitFor({ state: 'visible' });
    await dialog.getByLabel('Lane').selectOption({ label: 'Design' });
    await dialog.getByLabel('Your note').fill(ANONYMOUS_TEXT);
    await dialog.getByRole('button', { name: 'Post anonymously' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Only the facilitator can open a vote; the others are told to wait.
    for (const person of people) await openPanel(person.page);
    await quinn.page.getByText('No vote is open.').waitFor();
    expect(await quinn.page.getByRole('button', { name: 'Open vote' }).count()).toBe(0);
    await pat.page.getByLabel('Dots per person').fill('2');
    expect(await pat.page.getByLabel('Hide totals until the vote closes').isChecked()).toBe(true);
    await pat.page.getByRole('button', { name: 'Open vote' }).click();
    for (const person of people) {
      await person.page.getByTestId('dots-left').filter({ hasText: 'You have 2 dots left' }).waitFor({ timeout: 10_000 });
      // Every note, including the anonymous one, can be voted on, and totals are hidden.
      await person.page.getByRole('button', { name: `Add a dot to: ${ANONYMOUS_TEXT}` }).waitFor();
      expect(await person.page.getByText(/All dots:/).count()).toBe(0);
    }
    // Others see the anonymous note by its role only.
    await quinn.page.locator('.vote-note', { hasText: ANONYMOUS_TEXT }).getByText('A lay participant', { exact: true }).waitFor();
    await screenshot(pat.page, 'costudio-voting-open');

    // Lay: Lee A+B, Mo A+A (stacked), Noor B+C. Practitioners: Pat C+C, Quinn C+B.
    await addDot(lee.page, NOTES.a);
    await addDot(lee.page, NOTES.b);
    await addDot(mo.page, NOTES.a);
    await addDot(mo.page, NOTES.a);
    await mo.page.getByTestId('dots-left').filter({ hasText: 'You have 0 dots left' }).waitFor();
    await addDot(mo.page, NOTES.c);
    await mo.page.getByText('You have used all 2 of your dots. Take one back to put it somewhere else.').waitFor();
    // Take one back and put it back, by keyboard only.
    await mo.page.getByRole('button', { name: `Take back a dot from: ${NOTES.a}` }).focus();
    await mo.page.keyboard.press('Enter');
    await mo.page.getByTestId('dots-left').filter({ hasText: 'You have 1 dot left' }).waitFor();
    await mo.page.getByRole('button', { name: `Add a dot to: ${NOTES.a}` }).focus();
    await mo.page.keyboard.press('Space');
    await mo.page.getByTestId('dots-left').filter({ hasText: 'You have 0 dots left' }).waitFor();
    await addDot(noor.page, NOTES.b);
    await addDot(noor.page, NOTES.c);
    await addDot(pat.page, NOTES.c);
    await addDot(pat.page, NOTES.c);
    await addDot(quinn.page, NOTES.c);
    await addDot(quinn.page, NOTES.b);
    for (const person of people) await person.page.getByTestId('dots-left').filter({ hasText: 'You have 0 dots left' }).waitFor();

    // Totals stay hidden until the facilitator closes the vote, but everyone's dots have arrived.
    await waitFor(
      async () => {
        const counts = await Promise.all(
          people.map((person) =>
            person.page.evaluate(
              () => JSON.stringify(window.__costudio.doc.getMap('votes').toJSON()).split('"voter"').length - 1,
            ),
          ),
        );
        return counts.every((count) => count === 10);
      },
      { timeout: 10_000, message: 'all 10 dots on every screen' },
    );
    expect(await noor.page.getByText('The facilitator has hidden the totals').count()).toBe(1);
    await pat.page.getByRole('button', { name: 'Close vote' }).click();

    // Lay voters: 3; practitioners: 2. A: 2/3 vs 0/2; B: 2/3 vs 1/2; C: 1/3 vs 2/2. Ties on |gap| go to more dots (C has 4).
    const expected = [
      [NOTES.c, '33% (1 of 3)', '100% (2 of 2)', '−67 points'],
      [NOTES.a, '67% (2 of 3)', '0% (0 of 2)', '+67 points'],
      [NOTES.b, '67% (2 of 3)', '50% (1 of 2)', '+17 points'],
    ];
    for (const person of people) {
      await waitFor(async () => expect(await perspectivesRows(person.page)).toEqual(expected), {
        timeout: 10_000,
        message: `the perspectives table on ${person.name}'s screen`,
      });
      const callouts = person.page.getByRole('list', { name: 'What stands out' });
      await callouts.getByText('Practitioners rank this far higher than lay participants').waitFor();
      await callouts.getByText('Lay participants rank this far higher than practitioners').waitFor();
      const chart = person.page.getByRole('img', {
        name: 'Share of lay participants and of practitioners who voted for each note',
      });
      expect(await chart.getAttribute('aria-describedby')).toBeTruthy();
    }
    await screenshot(noor.page.getByRole('region', { name: 'Votes and results' }), 'costudio-perspectives');
    await screenshot(noor.page.locator('svg.perspectives-chart'), 'costudio-perspectives-chart');

    // The anonymous note: shown by role, and its author's name is nowhere in the document.
    const replica = await nodeReplica(env.server.syncUrl, boardUrl.split('/b/')[1] ?? '');
    try {
      const state = Buffer.from(Y.encodeStateAsUpdate(replica.doc));
      expect(state.toString('latin1')).toContain(ANONYMOUS_TEXT);
      expect(state.toString('latin1')).not.toContain('Zebediah');
      expect(state.toString('utf8')).not.toContain('Quillfeather');
      for (const person of people) {
        const json = await person.page.evaluate(() =>
          ['notes', 'participants', 'votes', 'activity', 'meta']
            .map((name) => JSON.stringify(window.__costudio.doc.getMap(name).toJSON()))
            .join(''),
        );
        expect(json).toContain(ANONYMOUS_TEXT);
        expect(json).not.toContain('Zebediah');
        if (person !== lee) {
          expect(person.syncFrames.join('').includes(ANONYMOUS_TEXT)).toBe(true);
          expect(person.syncFrames.join('').includes('Zebediah')).toBe(false);
        }
      }
      const anonymous = [...(replica.doc.getMap('notes').values() as IterableIterator<Y.Map<unknown>>)].find(
        (note) => String(note.get('text')) === ANONYMOUS_TEXT,
      );
      expect(anonymous?.get('anonymous')).toBe(true);
      expect(anonymous?.get('authorRole')).toBe('lay');
      expect(anonymous?.get('author')).toBe('');

      // Reports: downloaded from the facilitator's screen, equal to what the shared report makes of the board.
      const [markdownDownload] = await Promise.all([
        pat.page.waitForEvent('download'),
        pat.page.getByRole('button', { name: 'Download report (Markdown)' }).click(),
      ]);
      const [csvDownload] = await Promise.all([
        pat.page.waitForEvent('download'),
        pat.page.getByRole('button', { name: /Download report \(CSV/ }).click(),
      ]);
      expect(markdownDownload.suggestedFilename()).toMatch(/^costudio-outpatient-letters-\d{4}-\d{2}-\d{2}\.md$/);
      expect(csvDownload.suggestedFilename()).toMatch(/^costudio-outpatient-letters-\d{4}-\d{2}-\d{2}\.csv$/);
      const markdown = await readFile(await markdownDownload.path(), 'utf8');
      const csv = await readFile(await csvDownload.path(), 'utf8');
      const report = collectMeetingReport(replica.doc);
      expect(markdown).toBe(renderMarkdownReport(report));
      expect(csv).toBe(renderCsvReport(report));
      expect(markdown).toContain('# Meeting report: Outpatient letters');
      expect(markdown).toContain(`| ${ANONYMOUS_TEXT} | A lay participant | Lay participant |`);
      expect(markdown).toContain(`| ${NOTES.c} | 33% (1 of 3) | 100% (2 of 2) | −67 points |`);
      expect(markdown).toContain('3 lay participants and 2 practitioners voted');
      expect(markdown).not.toContain('Zebediah');
      expect(csv).not.toContain('Zebediah');
      expect(csv).toContain(`"${NOTES.a}"`);
      expect(csv).toContain(`1,"${NOTES.c}","Define",1,3,4\r\n`);
      expect(csv).toContain(`"Design","${ANONYMOUS_TEXT}","A lay participant","Lay participant","yes"`);
    } finally {
      replica.destroy();
      replica.doc.destroy();
    }

    for (const person of people) expect(person.problems.all()).toEqual([]);
  }, 240_000);
});
