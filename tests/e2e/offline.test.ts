import { describe, expect, it } from 'vitest';
import {
  addNote,
  createBoard,
  holdLocalCopy,
  joinAs,
  noteTexts,
  type Participant,
  useE2eEnvironment,
  waitFor,
  waitForSaved,
  waitForStatus,
} from './support/index.ts';

declare const navigator: { serviceWorker: { controller: unknown } };
declare const window: { __statuses: string[] };
declare const document: { querySelector(selector: string): unknown };
declare class MutationObserver {
  constructor(callback: () => void);
  observe(target: unknown, options: { attributes: boolean }): void;
}
declare const caches: {
  keys(): Promise<string[]>;
  open(name: string): Promise<{ put(path: string, response: unknown): Promise<void>; keys(): Promise<{ url: string }[]> }>;
};
declare const Response: new (body: string) => unknown;

describe('offline first', () => {
  const env = useE2eEnvironment();

  it('edits made offline and online merge when the device reconnects', async () => {
    const board = await createBoard(env.server, 'On the bus');
    const alice = await joinAs(env.browser, board.url, 'Alice');
    const bob = await joinAs(env.browser, board.url, 'Bob');

    await alice.context.setOffline(true);
    await waitForStatus(alice.page, 'Offline');
    const offlineNote = await addNote(alice.page, 'Written with no signal');
    const waiting = alice.page.getByTestId('pending-changes');
    await waiting.waitFor();
    // One note written: one note waiting, however many keystrokes it took (issue 12).
    expect(await waiting.textContent()).toBe('1 note not yet saved (kept on this device)');

    const onlineNote = await addNote(bob.page, 'Written at the workshop');
    // Alice, still offline, does not get Bob's note; Bob does not get hers.
    expect(await noteTexts(alice.page)).not.toHaveProperty(onlineNote);
    expect(await noteTexts(bob.page)).not.toHaveProperty(offlineNote);

    await alice.context.setOffline(false);
    await waitForSaved(alice.page);
    await waiting.waitFor({ state: 'detached' });
    const expected = { [offlineNote]: 'Written with no signal', [onlineNote]: 'Written at the workshop' };
    for (const { page: each } of [alice, bob]) {
      await waitFor(async () => {
        expect(await noteTexts(each)).toEqual(expected);
        return true;
      });
    }
  });

  it('opens a board offline after one online visit, takes edits, and sends them when back', async () => {
    const board = await createBoard(env.server, 'Ward with no signal');
    const carer = await joinAs(env.browser, board.url, 'Carer');
    const first = await addNote(carer.page, 'Seen online');
    // "All changes saved" also means stored on this device (offline/localCopy.ts).
    await waitForSaved(carer.page);
    await waitForAppShellKept(carer.page);

    await reopenOffline(carer, first, 'Seen online');
    const offline = await addNote(carer.page, 'Added offline');
    await carer.page.getByTestId('pending-changes').waitFor();

    await carer.context.setOffline(false);
    await waitForSaved(carer.page);
    const other = await joinAs(env.browser, board.url, 'Nurse');
    await waitFor(async () => (await noteTexts(other.page))[offline] === 'Added offline', {
      message: 'the offline note on the server',
    });
  });

  it('keeps a note on the device before saying all changes are saved, even when the device is slow to store it', async () => {
    const board = await createBoard(env.server, 'Slow phone');
    const carer = await joinAs(env.browser, board.url, 'Carer');
    await waitForAppShellKept(carer.page);
    // The relay says "saved" long before this device has stored the note.
    await holdLocalCopy(carer.page, board.id, 3_000);
    const first = await addNote(carer.page, 'Written just before the signal went');
    await waitForSaved(carer.page);

    await reopenOffline(carer, first, 'Written just before the signal went');
  });

  it("does not say Saving… on a device that only receives someone else's writing", async () => {
    const board = await createBoard(env.server, 'Quiet reader');
    const writer = await joinAs(env.browser, board.url, 'Writer');
    const reader = await joinAs(env.browser, board.url, 'Reader');
    await reader.page.evaluate(() => {
      const status = document.querySelector('[role="status"]') as { getAttribute(name: string): string | null };
      window.__statuses = [];
      new MutationObserver(() => window.__statuses.push(status.getAttribute('data-status') ?? '')).observe(status, {
        attributes: true,
      });
    });
    const id = await addNote(writer.page, 'Typed one letter at a time');
    await waitFor(async () => (await noteTexts(reader.page))[id] === 'Typed one letter at a time');
    expect(await reader.page.evaluate(() => window.__statuses)).not.toContain('saving');
  });

  it("keeps only the current build's files on the device", async () => {
    const board = await createBoard(env.server, 'Tidy device');
    const carer = await joinAs(env.browser, board.url, 'Carer');
    await waitForSaved(carer.page);
    await waitForAppShellKept(carer.page);
    const cachedAssets = () =>
      carer.page.evaluate(async () => {
        const [name] = await caches.keys();
        const cache = await caches.open(name as string);
        return (await cache.keys()).map((request) => new URL(request.url).pathname).filter((path) => path.startsWith('/assets/'));
      });
    const current = await waitFor(async () => {
      const paths = await cachedAssets();
      return paths.length >= 2 ? paths : null;
    });
    // A file an earlier build left behind.
    await carer.page.evaluate(async () => {
      const [name] = await caches.keys();
      await (await caches.open(name as string)).put('/assets/index-OldBuild1.js', new Response('old'));
    });
    expect(await cachedAssets()).toContain('/assets/index-OldBuild1.js');

    await carer.page.reload();
    await waitForSaved(carer.page);
    await waitFor(async () => !(await cachedAssets()).includes('/assets/index-OldBuild1.js'), {
      message: "the old build's file to be dropped",
    });
    expect((await cachedAssets()).sort()).toEqual(current.sort());
  });
});

/** The service worker has taken the page over, so the app shell is on the device. */
async function waitForAppShellKept(page: Participant['page']): Promise<void> {
  await waitFor(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 10_000 });
}

/** The network goes, the person reloads the board, and the note `id` is there from this device's copy. */
async function reopenOffline({ context, page }: Participant, id: string, text: string): Promise<void> {
  await context.setOffline(true);
  await page.reload();
  await waitForStatus(page, 'Offline');
  await waitFor(async () => (await noteTexts(page))[id] === text, { message: 'the note kept on the device', timeout: 15_000 });
}
