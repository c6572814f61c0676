import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { phraseInFiles } from '../support/phraseInFiles.ts';
import { addNote, joinAs, noteTexts, startBoardAs, useE2eEnvironment, waitFor, waitForSaved } from './support/index.ts';

const PHRASE = 'Heron-cardigan-5150 the ward was too loud';

declare const indexedDB: {
  open(name: string): { result: IdbDatabase; onsuccess: (() => void) | null; onerror: (() => void) | null };
};
interface IdbDatabase {
  transaction(store: string): {
    objectStore(name: string): { getAll(): { result: Uint8Array[]; onsuccess: (() => void) | null } };
  };
  close(): void;
}

/** Runs in the page: every update stored in the board's IndexedDB copy, as plain arrays. */
function storedUpdates(name: string): Promise<number[][]> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onerror = () => reject(new Error('cannot open the local copy'));
    request.onsuccess = () => {
      const db = request.result;
      const all = db.transaction('updates').objectStore('updates').getAll();
      all.onsuccess = () => {
        db.close();
        resolve(all.result.map((update) => Array.from(update)));
      };
    };
  });
}

/**
 * Whether the stored updates still hold the phrase, deleted or not: applied without garbage
 * collection, each writer's text items are joined in order (typing stores one update per key).
 */
function holdsPhrase(updates: number[][], phrase: string): boolean {
  const doc = new Y.Doc({ gc: false });
  for (const update of updates) Y.applyUpdate(doc, new Uint8Array(update));
  for (const structs of doc.store.clients.values()) {
    const text = structs.map((struct) => (struct as { content?: { str?: string } }).content?.str ?? '').join('');
    if (text.includes(phrase)) return true;
  }
  return false;
}

describe('a facilitator erases what one person wrote', () => {
  const env = useE2eEnvironment();

  it('picks the name, erases every note under it everywhere, and sees it in the audit log', async () => {
    const facilitator = await startBoardAs(env.browser, env.server.url, 'Ward 3', 'Fiona');
    await addNote(facilitator.page, 'Fiona’s note stays');
    const patient = await joinAs(env.browser, facilitator.page.url(), 'Pat');
    await addNote(patient.page, PHRASE);
    await waitForSaved(patient.page);
    await waitFor(async () => Object.values(await noteTexts(facilitator.page)).includes(PHRASE), { message: 'the note arrives' });

    const boardIdBefore = new URL(facilitator.page.url()).pathname.split('/').pop() as string;
    expect(holdsPhrase(await patient.page.evaluate(storedUpdates, `costudio-board-${boardIdBefore}`), PHRASE)).toBe(true);
    facilitator.page.on('dialog', (dialog) => void dialog.accept());
    // History & backups is in the Facilitate panel (issue 12's board-first layout).
    await facilitator.page.getByRole('button', { name: 'Facilitate', exact: true }).click();
    await facilitator.page.getByRole('button', { name: 'History & backups' }).click();
    await facilitator.page.getByLabel('Notes posted as').selectOption('Pat');
    await facilitator.page.getByRole('button', { name: 'Erase their notes' }).click();
    await facilitator.page.getByText('Erased 1 note by Pat').waitFor({ timeout: 15_000 });
    for (const { page } of [facilitator, patient]) {
      await waitFor(async () => {
        expect(Object.values(await noteTexts(page))).toEqual(['Fiona’s note stays']);
        return true;
      });
    }
    expect(phraseInFiles(env.server.dataDir, PHRASE)).toEqual([]);
    // Pat's device rewrites its offline copy without the erased note, too.
    const boardId = new URL(facilitator.page.url()).pathname.split('/').pop() as string;
    await waitFor(
      async () => {
        expect(holdsPhrase(await patient.page.evaluate(storedUpdates, `costudio-board-${boardId}`), PHRASE)).toBe(false);
        return true;
      },
      { message: 'the erased note gone from IndexedDB on Pat’s device', timeout: 15_000 },
    );

    await facilitator.page.getByRole('button', { name: 'Show the audit log' }).click();
    await facilitator.page.getByRole('region', { name: 'Audit log' }).getByText('Contributions erased').waitFor();
  });
});
