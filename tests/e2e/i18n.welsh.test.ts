import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  announcement,
  axeViolations,
  chooseLanguage,
  joinAs,
  laneAddButton,
  laneListNote,
  openParticipant,
  type Participant,
  startBoardAs,
  useE2eEnvironment,
  waitFor,
  waitForSaved,
  waitForStatus,
  wordsFrom,
  wordsOnScreen,
} from './support/index.ts';

/**
 * English words of Costudio's own interface. None may be left on a Welsh screen; the people's
 * own words (names, note text, the board's title) are Welsh or names here, so they cannot match.
 * Words that are Welsh too ("a", "data", "Help") and key names on the keyboard ("Delete") are not listed.
 */
const ENGLISH_WORDS = [
  'the',
  'and',
  'to',
  'of',
  'is',
  'you',
  'your',
  'Your',
  'in',
  'on',
  'with',
  'by',
  'Board',
  'board',
  'List',
  'People',
  'people',
  'person',
  'Facilitate',
  'Votes',
  'results',
  'Undo',
  'Redo',
  'Add',
  'note',
  'notes',
  'Note',
  'Zoom',
  'Fit',
  'Lanes',
  'lane',
  'Skip',
  'Move',
  'Colour',
  'Post',
  'anonymously',
  'Define',
  'Design',
  'Deliver',
  'Decide',
  'Distribute',
  'Evaluate',
  'What',
  'How',
  'Which',
  'Who',
  'Share',
  'idea',
  'All',
  'changes',
  'saved',
  'Saving',
  'Offline',
  'Connecting',
  'Text',
  'size',
  'sounds',
  'History',
  'backups',
  'Here',
  'now',
  'Lay',
  'lay',
  'participant',
  'participants',
  'Practitioner',
  'practitioners',
  'Join',
  'name',
  'role',
  'Change',
  'Language',
  'Cancel',
  'Close',
  'account',
  'device',
  'remember',
  'privacy',
  'happens',
  'write',
  'Everyone',
];

const BOARD_TITLE = 'Llythyrau cleifion allanol';
const GWEN_WORDS = 'Mae’r llythyrau’n rhy hir';
const PAT_REPLY = 'Diolch, byddwn ni’n eu byrhau.';

/** Each English word left, with the line it is in, so a failure shows where. */
async function welshLeftovers(page: Page): Promise<string[]> {
  const lines = (await wordsOnScreen(page)).split('\n');
  return ENGLISH_WORDS.flatMap((word) => {
    const line = lines.find((candidate) => wordsFrom([word], candidate).length > 0);
    return line === undefined ? [] : [`${word}: ${line.trim().slice(0, 100)}`];
  });
}

describe('Welsh (Cymraeg): every word in the language of the room', () => {
  const env = useE2eEnvironment();
  let pat: Participant;
  let gwen: Participant;
  let boardUrl: string;

  beforeAll(async () => {
    pat = await startBoardAs(env.browser, env.server.url, BOARD_TITLE, 'Pat', 'practitioner');
    boardUrl = pat.page.url();
  });

  afterAll(async () => {
    await pat?.context.close();
    await gwen?.context.close();
  });

  it('the join page switches to Welsh, with no English word left, and passes axe in both languages', async () => {
    gwen = await openParticipant(env.browser);
    const { page } = gwen;
    await page.goto(boardUrl);
    await page.getByRole('heading', { name: 'Join the board' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await chooseLanguage(page, 'Cymraeg');
    await page.getByRole('heading', { name: 'Ymuno â’r bwrdd' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('cy');
    expect(await page.title()).toBe('Ymuno â’r bwrdd – Costudio');
    expect(await welshLeftovers(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('joins in Welsh, and the choice is remembered on the device', async () => {
    const { page } = gwen;
    await page.getByLabel('Eich enw').fill('Gwen');
    await page.getByRole('radio', { name: /claf, gofalwr/ }).check();
    await page.getByRole('button', { name: 'Ymuno â’r bwrdd' }).click();
    await waitForStatus(page, 'Pob newid wedi’i gadw', 30_000);
    await page.reload();
    await waitForStatus(page, 'Pob newid wedi’i gadw', 30_000);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('cy');
  });

  it('switching to Welsh mid-meeting changes every visible word, canvas and list', async () => {
    const { page } = await joinAs(env.browser, boardUrl, 'Alys', 'lay');
    const english = await wordsOnScreen(page);
    expect(wordsFrom(['People', 'Undo', 'Add', 'Board', 'List'], english)).toEqual(['People', 'Undo', 'Add', 'Board', 'List']);

    await page.getByRole('button', { name: 'Text size and sounds' }).click();
    const dialog = page.getByRole('dialog', { name: 'Text size and sounds' });
    await chooseLanguage(page, 'Cymraeg', dialog);
    await page.getByRole('dialog', { name: 'Maint testun a synau' }).getByRole('button', { name: 'Cau' }).click();
    await waitForStatus(page, 'Pob newid wedi’i gadw');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('cy');
    expect(await welshLeftovers(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Rhestr' }).click();
    await page.getByRole('heading', { name: 'Diffinio' }).waitFor();
    await page.getByText('Beth yw’r broblem, a phwy sy’n ei hwynebu?').waitFor();
    expect(await welshLeftovers(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('announces another person’s note in Welsh, while their own screen stays English', async () => {
    const { page } = gwen;
    await page.getByRole('button', { name: 'Rhestr' }).click();
    await pat.page.getByRole('button', { name: 'List' }).click();
    await laneAddButton(pat.page, 'Define').click();
    await pat.page.keyboard.type('Llythyrau’n cyrraedd yn hwyr');
    await waitForSaved(pat.page);
    await waitFor(async () => (await announcement(page)).includes('Ychwanegodd ymarferydd nodyn at y golofn Diffinio.'), {
      message: 'the Welsh announcement',
    });
    expect(await page.getByRole('region', { name: 'Diffinio' }).getByText('1 nodyn').count()).toBe(1);
    expect(await pat.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await pat.page.getByRole('region', { name: 'Define' }).getByText('1 note').waitFor();
  });

  it('makes the meeting report in Welsh', async () => {
    const { page } = gwen;
    await page.getByRole('button', { name: 'Pleidleisiau a chanlyniadau' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Lawrlwytho’r adroddiad (Markdown)' }).click(),
    ]);
    const markdown = await readFile(await download.path(), 'utf8');
    expect(markdown).toContain(`# Adroddiad y cyfarfod: ${BOARD_TITLE}`);
    expect(markdown).toContain('### Diffinio');
    expect(markdown).toContain('_Beth yw’r broblem, a phwy sy’n ei hwynebu?_');
    expect(markdown).toContain('| Llythyrau’n cyrraedd yn hwyr | Pat | Ymarferydd |');
    expect(markdown).toContain('Ni chynhaliwyd unrhyw bleidlais.');
    expect(markdown).toContain('## Cydbwysedd cyfranogiad');
    expect(
      wordsFrom(['Meeting', 'report', 'Lanes', 'Votes', 'Define', 'Practitioner', 'Participation', 'notes'], markdown),
    ).toEqual([]);
  });

  it('shows a note’s replies in Welsh to a Welsh reader, and hears the reply in Welsh', async () => {
    const { page } = gwen;
    await page
      .getByRole('region', { name: 'Diffinio' })
      .getByRole('button', { name: /^Ychwanegu nodyn/ })
      .click();
    await page.keyboard.type(GWEN_WORDS);
    await waitForStatus(page, 'Pob newid wedi’i gadw', 30_000);

    // Pat reads and replies in English.
    const patItem = await laneListNote(pat.page, GWEN_WORDS);
    await patItem.getByRole('button', { name: /^Replies and links/ }).click();
    const patDialog = pat.page.getByRole('dialog', { name: 'Replies and links' });
    await patDialog.getByLabel('Your reply').fill(PAT_REPLY);
    await patDialog.getByRole('button', { name: 'Send reply' }).click();
    await patDialog.getByText(PAT_REPLY).waitFor();
    await patDialog.getByRole('button', { name: 'Close' }).click();

    await waitFor(async () => (await announcement(page)).includes(`Ymarferydd wedi ateb eich nodyn “${GWEN_WORDS}”`), {
      message: 'the reply announced in Welsh',
    });
    const item = await laneListNote(page, GWEN_WORDS);
    await waitFor(async () => (await item.locator('.status-chip').textContent()) === 'Statws: Wedi’i ateb', {
      message: 'the Welsh status chip',
    });
    await item.getByRole('button', { name: /^Atebion a dolenni/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Atebion a dolenni' });
    await dialog.getByText(PAT_REPLY).waitFor();
    await dialog.getByRole('heading', { name: 'Atebion (1)' }).waitFor();
    await dialog.getByLabel('Eich ateb').waitFor();
    expect(await welshLeftovers(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cau' }).click();
  });

  it('makes the You said, we did page and its download in Welsh', async () => {
    const { page } = gwen;
    const address = new URL(page.url());
    address.searchParams.set('view', 'you-said-we-did');
    await page.goto(address.toString());
    await page.getByRole('heading', { level: 1, name: 'Dywedoch chi, fe wnaethon ni' }).waitFor();
    const said = page.getByRole('listitem').filter({ hasText: GWEN_WORDS });
    await said.getByText(`“${PAT_REPLY}” — Pat (Ymarferydd)`).waitFor();
    expect(await said.locator('.status-chip').textContent()).toBe('Statws: Wedi’i ateb');
    expect(await page.title()).toBe(`Dywedoch chi, fe wnaethon ni – ${BOARD_TITLE} – Costudio`);
    expect(await welshLeftovers(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Lawrlwytho (Markdown)' }).click(),
    ]);
    const markdown = await readFile(await download.path(), 'utf8');
    expect(markdown).toContain(`# Dywedoch chi, fe wnaethon ni: ${BOARD_TITLE}`);
    expect(markdown).toContain('## Diffinio');
    expect(markdown).toContain('Statws: **Wedi’i ateb**');
    expect(markdown).toContain(`- ${PAT_REPLY} — Pat (Ymarferydd)`);
    expect(wordsFrom(['You', 'said', 'Status', 'Replies', 'Define', 'Lay', 'Practitioner', 'yet'], markdown)).toEqual([]);
  });

  it('raised no page errors', () => {
    expect(pat.problems.all()).toEqual([]);
    expect(gwen.problems.all()).toEqual([]);
  });
});
