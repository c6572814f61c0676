import { describe, expect, it } from 'vitest';
import type { AuditEntryToAppend, AuditStore } from '../../../server/src/storage/AuditStore.ts';
import { placePerTest, type StorePlace } from './storePlace.ts';

const entry = (boardId: string, overrides: Partial<AuditEntryToAppend> = {}): AuditEntryToAppend => ({
  boardId,
  action: 'link-created',
  actor: 'link',
  linkId: 'link-1',
  access: 'facilitate',
  details: {},
  ...overrides,
});

/**
 * What the audit log (issue 15) relies on from an AuditStore (storage/AuditStore.ts), for every
 * implementation: append-only, in order, per board and for everything, surviving a restart.
 */
export function describeAuditStoreContract(
  name: string,
  makePlace: () => StorePlace<AuditStore> | Promise<StorePlace<AuditStore>>,
) {
  describe(`${name} (AuditStore contract)`, () => {
    const place = placePerTest(makePlace);

    it('has no entries for a board never audited', async () => {
      const store = await place.open();
      expect(await store.listForBoard('missing')).toEqual([]);
      expect(await store.listAll()).toEqual([]);
    });

    it('appends entries with every field and lists a board’s oldest first, no other board’s', async () => {
      const store = await place.open();
      const first = await store.append(entry('a', { at: 1_000, details: { target: 'link-2', notes: 3, all: true } }));
      const second = await store.append(
        entry('a', { action: 'board-deleted', actor: 'operator', linkId: null, access: null, at: 2_000 }),
      );
      await store.append(entry('b', { at: 1_500 }));
      expect(first).toEqual({ ...entry('a', { details: { target: 'link-2', notes: 3, all: true } }), id: first.id, at: 1_000 });
      expect(second.id).toBeGreaterThan(first.id);
      expect(await store.listForBoard('a')).toEqual([first, second]);
      expect((await store.listForBoard('a', 1)).map((e) => e.id)).toEqual([second.id]);
      expect((await store.listAll()).map((e) => e.boardId)).toEqual(['a', 'a', 'b']);
      expect((await store.listAll(1_500)).map((e) => e.at)).toEqual([2_000, 1_500]);
    });

    it('stamps an entry appended without a time with the current time', async () => {
      const store = await place.open();
      const before = Date.now();
      const appended = await store.append(entry('a'));
      expect(appended.at).toBeGreaterThanOrEqual(before);
      expect(appended.at).toBeLessThanOrEqual(Date.now());
    });

    it('keeps every entry when opened again on the same place', async () => {
      const store = await place.open();
      const kept = await store.append(entry('kept'));
      await store.close();
      const reopened = await place.open();
      expect(await reopened.listForBoard('kept')).toEqual([kept]);
    });
  });
}
