import { afterEach } from 'vitest';

/**
 * Where a store under test keeps its data: a fresh, empty place per test (a temporary
 * directory for SQLite, a new database or schema for PostgreSQL). `open` may be called again
 * on the same place after the store was closed, as a restart would, and while another store is
 * open on it, as a second server instance would.
 */
export interface StorePlace<S extends { close(): Promise<void> }> {
  open(): S | Promise<S>;
  /** Removes the place once every store opened on it is closed. */
  destroy(): void | Promise<void>;
}

/**
 * Gives each test of a contract suite a fresh place, and closes every store the test opened
 * (then destroys the place) after it, whatever the test's outcome.
 */
export function placePerTest<S extends { close(): Promise<void> }>(
  makePlace: () => StorePlace<S> | Promise<StorePlace<S>>,
): { open(): Promise<S> } {
  let place: StorePlace<S> | null = null;
  const opened: S[] = [];
  afterEach(async () => {
    for (const store of opened.splice(0).reverse()) await store.close();
    await place?.destroy();
    place = null;
  });
  return {
    async open() {
      place ??= await makePlace();
      const store = await place.open();
      opened.push(store);
      return store;
    },
  };
}
