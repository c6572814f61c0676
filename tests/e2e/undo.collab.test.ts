import { afterAll, describe, expect, it } from 'vitest';
import {
  createBoard,
  joinAs,
  laneAddButton,
  noteField,
  noteIds,
  type Participant,
  useE2eEnvironment,
  waitFor,
} from './support/index.ts';

/**
 * Issue 12, item 9: Ann adds a note and writes in it, Bo adds his words to it from another
 * browser; Ann's undo takes out her words only and the note, with Bo's words, stays, and Ann is
 * told why. Before the fix the undo deleted the whole note, Bo's words with it.
 */
describe('undo of a new note someone else has written in', () => {
  const env = useE2eEnvironment();
  const people: Participant[] = [];
  afterAll(async () => {
    for (const person of people) await person.context.close().catch(() => {});
  });

  it("keeps the note and the collaborator's words, and says why", async () => {
    const { url } = await createBoard(env.server, 'Clinic transport');
    const ann = await joinAs(env.browser, url, 'Ann', 'lay');
    const bo = await joinAs(env.browser, url, 'Bo', 'practitioner');
    people.push(ann, bo);
    for (const person of people) await person.page.getByRole('button', { name: 'List', exact: true }).click();

    await laneAddButton(ann.page, 'Define').click();
    await ann.page.keyboard.type('Ask about transport');
    const id = await waitFor(async () => (await noteIds(bo.page))[0], { message: "Ann's note on Bo's board" });
    await waitFor(async () => (await noteField(bo.page, id, 'text')) === 'Ask about transport', {
      message: "Ann's words on Bo's board",
    });

    const field = bo.page.getByRole('region', { name: 'Define' }).getByRole('textbox', { name: /^Note by Ann/ });
    await field.click();
    await bo.page.keyboard.press('Control+End');
    await bo.page.keyboard.type(', and parking');
    await waitFor(async () => (await noteField(ann.page, id, 'text')) === 'Ask about transport, and parking', {
      message: "Bo's words on Ann's board",
    });

    // Ann undoes everything she did, as someone who regrets the note would.
    const undo = ann.page.getByRole('button', { name: 'Undo', exact: true });
    for (let presses = 0; presses < 5 && (await undo.isEnabled()); presses++) await undo.click();

    for (const person of people) {
      await waitFor(async () => (await noteField(person.page, id, 'text')) === ', and parking', {
        message: "only Bo's words left in the note",
      });
      expect(await noteField(person.page, id, 'lane')).toBe('define');
    }
    await ann.page.getByText('The note stays on the board: someone else has written in it since you added it.').waitFor();
    expect(await bo.page.getByTestId('undo-kept-notice').count()).toBe(0);
  });
});
