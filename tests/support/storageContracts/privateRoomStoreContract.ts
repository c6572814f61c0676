import { describe, expect, it } from 'vitest';
import type { PrivateRoomStore } from '../../../server/src/storage/PrivateRoomStore.ts';
import { placePerTest, type StorePlace } from './storePlace.ts';

const room = (boardId: string, secret: string) => `${boardId}__private__${secret}`;

/**
 * What private writing (facilitators reviewing and revealing private rooms) relies on from a
 * PrivateRoomStore (storage/PrivateRoomStore.ts), for every implementation.
 */
export function describePrivateRoomStoreContract(
  name: string,
  makePlace: () => StorePlace<PrivateRoomStore> | Promise<StorePlace<PrivateRoomStore>>,
) {
  describe(`${name} (PrivateRoomStore contract)`, () => {
    const place = placePerTest(makePlace);

    it('lists no rooms for a board that has none', async () => {
      const store = await place.open();
      expect(await store.list('missing')).toEqual([]);
    });

    it('lists each recorded room of a board once, and no other board’s', async () => {
      const store = await place.open();
      await store.record('a', room('a', 'first-secret-0001'));
      await store.record('a', room('a', 'second-secret-002'));
      await store.record('a', room('a', 'first-secret-0001'));
      await store.record('b', room('b', 'other-secret-0003'));
      expect([...(await store.list('a'))].sort()).toEqual([room('a', 'first-secret-0001'), room('a', 'second-secret-002')]);
      expect(await store.list('b')).toEqual([room('b', 'other-secret-0003')]);
    });

    it('knows which rooms it recorded and counts each link’s rooms on a board', async () => {
      const store = await place.open();
      await store.record('c', room('c', 'link-one-secret-1'), 'link-1');
      await store.record('c', room('c', 'link-one-secret-2'), 'link-1');
      await store.record('c', room('c', 'link-one-secret-2'), 'link-2');
      await store.record('c', room('c', 'no-link-secret-03'));
      await store.record('d', room('d', 'link-one-secret-4'), 'link-1');
      expect(await store.has(room('c', 'link-one-secret-1'))).toBe(true);
      expect(await store.has(room('c', 'never-recorded-05'))).toBe(false);
      expect(await store.countByLink('c', 'link-1')).toBe(2);
      expect(await store.countByLink('c', 'link-2')).toBe(0);
      expect(await store.countByLink('e', 'link-1')).toBe(0);
    });

    it('forgets every room of one board and no other’s', async () => {
      const store = await place.open();
      await store.record('a', room('a', 'first-secret-0001'));
      await store.record('b', room('b', 'other-secret-0003'));
      await store.deleteForBoard('a');
      expect(await store.list('a')).toEqual([]);
      expect(await store.list('b')).toEqual([room('b', 'other-secret-0003')]);
    });

    it('keeps the rooms when opened again on the same place', async () => {
      const store = await place.open();
      await store.record('kept', room('kept', 'kept-secret-00004'));
      await store.close();
      const reopened = await place.open();
      expect(await reopened.list('kept')).toEqual([room('kept', 'kept-secret-00004')]);
    });
  });
}
