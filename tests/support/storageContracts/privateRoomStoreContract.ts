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
