import type { Page } from 'playwright-core';

interface Store {
  count(): { onsuccess: (() => void) | null };
}
interface Connection {
  transaction(stores: string[], mode: 'readwrite'): { objectStore(name: string): Store; oncomplete: (() => void) | null };
  close(): void;
}
declare const indexedDB: {
  open(name: string): { result: Connection; onsuccess: (() => void) | null; onerror: (() => void) | null };
};
declare const performance: { now(): number };

/**
 * Makes the board's copy on this device slow to store, as on a busy phone: for `ms`, a second
 * IndexedDB connection holds a read-write transaction on the copy's store (kept alive by a
 * chain of reads), so every write the page makes to it waits. The copy must already exist
 * (the board has been open on this page); its name is the one client/src/offline/localCopy.ts
 * gives it.
 */
export function holdLocalCopy(page: Page, boardId: string, ms: number): Promise<void> {
  return page.evaluate(
    ([name, duration]) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onerror = () => reject(new Error(`could not open ${name}`));
        request.onsuccess = () => {
          const db = request.result;
          const transaction = db.transaction(['updates'], 'readwrite');
          const store = transaction.objectStore('updates');
          const until = performance.now() + duration;
          const next = () => {
            if (performance.now() < until) store.count().onsuccess = next;
          };
          next();
          transaction.oncomplete = () => db.close();
          resolve();
        };
      }),
    [`costudio-board-${boardId}`, ms] as const,
  );
}
