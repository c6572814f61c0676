import { describe, expect, it } from 'vitest';
import type { HistoryStore, VersionToSave } from '../../../server/src/storage/HistoryStore.ts';
import { placePerTest, type StorePlace } from './storePlace.ts';

const version = (boardId: string, overrides: Partial<VersionToSave> = {}): VersionToSave => ({
  boardId,
  kind: 'auto',
  name: null,
  noteCount: 3,
  snapshot: { data: new Uint8Array([1, 2, 3]), encoding: 'v1' },
  ...overrides,
});

/**
 * What history (listing, previewing, restoring versions) relies on from a HistoryStore
 * (storage/HistoryStore.ts), for every implementation.
 */
export function describeHistoryStoreContract(
  name: string,
  makePlace: () => StorePlace<HistoryStore> | Promise<StorePlace<HistoryStore>>,
) {
  describe(`${name} (HistoryStore contract)`, () => {
    const place = placePerTest(makePlace);

    it('has no versions of a board never saved', async () => {
      const store = await place.open();
      expect(await store.list('missing')).toEqual([]);
      expect(await store.get('missing', 1)).toBeNull();
    });

    it('saves a version with every field and lists a board’s versions newest first', async () => {
      const store = await place.open();
      const first = await store.save(version('a', { createdAt: 1_000 }));
      const named = await store.save(version('a', { kind: 'named', name: 'After workshop 2', noteCount: 12, createdAt: 2_000 }));
      await store.save(version('b'));
      expect(first).toEqual({ id: first.id, boardId: 'a', createdAt: 1_000, kind: 'auto', name: null, noteCount: 3 });
      expect(named).toMatchObject({ boardId: 'a', kind: 'named', name: 'After workshop 2', noteCount: 12, createdAt: 2_000 });
      expect(named.id).toBeGreaterThan(first.id);
      expect(await store.list('a')).toEqual([named, first]);
    });

    it('stamps a version saved without a time with the current time', async () => {
      const store = await place.open();
      const before = Date.now();
      const saved = await store.save(version('a'));
      expect(saved.createdAt).toBeGreaterThanOrEqual(before);
      expect(saved.createdAt).toBeLessThanOrEqual(Date.now());
    });

    it('returns a version’s content in its encoding, and nothing for another board’s id', async () => {
      const store = await place.open();
      const saved = await store.save(
        version('a', { kind: 'before-restore', snapshot: { data: new Uint8Array([9, 8]), encoding: 'v2' } }),
      );
      const found = await store.get('a', saved.id);
      expect(found?.version).toEqual(saved);
      expect(found?.snapshot.encoding).toBe('v2');
      expect([...(found?.snapshot.data ?? [])]).toEqual([9, 8]);
      expect(await store.get('b', saved.id)).toBeNull();
      expect(await store.get('a', saved.id + 1000)).toBeNull();
    });

    it('rewrites one version’s content and note count, keeping the rest of it and every other version', async () => {
      const store = await place.open();
      const named = await store.save(version('a', { kind: 'named', name: 'Kept name', noteCount: 3, createdAt: 1_000 }));
      const other = await store.save(version('a'));
      const replacement = { data: new Uint8Array([9, 8]), encoding: 'v1' as const };
      expect(await store.rewrite('a', named.id, replacement, 2)).toBe(true);
      const found = await store.get('a', named.id);
      expect(found?.version).toEqual({ ...named, noteCount: 2 });
      expect([...(found?.snapshot.data ?? [])]).toEqual([9, 8]);
      expect([...((await store.get('a', other.id))?.snapshot.data ?? [])]).toEqual([1, 2, 3]);
      expect(await store.rewrite('b', named.id, replacement, 0)).toBe(false);
      expect(await store.rewrite('a', 999_999, replacement, 0)).toBe(false);
    });

    it('deletes every version of one board and no other’s', async () => {
      const store = await place.open();
      const gone = await store.save(version('gone'));
      await store.save(version('gone'));
      const kept = await store.save(version('kept'));
      await store.deleteBoard('gone');
      expect(await store.list('gone')).toEqual([]);
      expect(await store.get('gone', gone.id)).toBeNull();
      expect(await store.list('kept')).toEqual([kept]);
    });

    it('keeps every version when opened again on the same place', async () => {
      const store = await place.open();
      const saved = await store.save(version('kept', { kind: 'last-leave', createdAt: 5 }));
      await store.close();
      const reopened = await place.open();
      expect(await reopened.list('kept')).toEqual([saved]);
      expect([...((await reopened.get('kept', saved.id))?.snapshot.data ?? [])]).toEqual([1, 2, 3]);
    });
  });
}
