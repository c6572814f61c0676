import { describe, expect, it } from 'vitest';
import {
  createBoardOnStartPage,
  type DebugHook,
  fillJoinForm,
  openParticipant,
  submitJoinForm,
  useE2eEnvironment,
  waitFor,
} from '../support/e2e/index.ts';

/**
 * Share links in Chromium, on a server that requires them: the facilitator makes a board on
 * the start page, makes a view-only link; a second browser opens it, cannot change the board
 * even by writing to its Y.Doc directly, and is told in plain words when the link is revoked.
 */

const env = useE2eEnvironment({ requireLinks: true });

declare const window: { __costudio: DebugHook };

describe('share links', () => {
  it('a view-only link shows the board, refuses changes, and stops working when revoked', async () => {
    const { page: facilitator, problems } = await openParticipant(env.browser);
    const { page: viewer } = await openParticipant(env.browser);

    await createBoardOnStartPage(facilitator, env.server.url, 'Clinic letters');
    await fillJoinForm(facilitator, 'Fay', 'practitioner');
    expect(facilitator.url()).not.toContain('token');

    await facilitator.getByRole('button', { name: 'Facilitate', exact: true }).click();
    await facilitator.getByRole('button', { name: 'Share' }).click();
    await facilitator.getByLabel('Access').selectOption('view');
    await facilitator.getByLabel('Name (optional)').fill('Observers');
    await facilitator.getByRole('button', { name: 'Make link' }).click();
    const address = facilitator.getByLabel('Address of the link View only – Observers');
    await address.waitFor();
    const viewUrl = await address.inputValue();
    expect(viewUrl).toMatch(/\/b\/[\w-]+#token=[\w-]+\.[\w-]+$/);

    await viewer.goto(viewUrl);
    await submitJoinForm(viewer, 'Val', 'practitioner');
    await viewer.getByText('You are viewing this board').waitFor();
    // The token left the address bar as soon as the page read it.
    expect(viewer.url()).not.toContain('token');
    await waitFor(async () => viewer.evaluate(() => window.__costudio.doc.getMap('meta').size > 0), {
      message: 'the viewer to sync',
    });

    // A modified client writes to its doc anyway: the relay never applies or relays it.
    await viewer.evaluate(() => window.__costudio.doc.getMap('notes').set('smuggled', 'x'));
    await facilitator.getByRole('button', { name: 'Add note' }).first().click();
    await facilitator.keyboard.type('Allowed');
    await facilitator.keyboard.press('Escape');
    await waitFor(async () => viewer.evaluate(() => window.__costudio.doc.getMap('notes').size >= 2), {
      message: "the facilitator's note to reach the viewer",
    });
    expect(await facilitator.evaluate(() => window.__costudio.doc.getMap('notes').has('smuggled'))).toBe(false);

    await facilitator.getByRole('button', { name: 'Switch off View only – Observers' }).click();
    await viewer
      .getByText('This link has been switched off by the facilitator. Ask them for a new link.')
      .waitFor({ timeout: 10_000 });
    await facilitator.getByText('(switched off)').waitFor();
    expect(problems.all()).toEqual([]);
  });
});
