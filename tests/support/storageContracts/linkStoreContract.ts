import { describe, expect, it } from 'vitest';
import type { LinkStore, ShareLink } from '../../../server/src/storage/LinkStore.ts';
import { placePerTest, type StorePlace } from './storePlace.ts';

const link = (id: string, overrides: Partial<ShareLink> = {}): ShareLink => ({
  id,
  boardId: 'board',
  access: 'edit',
  label: '',
  createdAt: 1_000,
  expiresAt: null,
  revokedAt: null,
  code: `CODE${id.toUpperCase().padEnd(4, 'X').slice(0, 4)}`,
  ...overrides,
});

/**
 * What share links (auth/ShareLinks.ts) rely on from a LinkStore (storage/LinkStore.ts), for
 * every implementation.
 */
export function describeLinkStoreContract(name: string, makePlace: () => StorePlace<LinkStore> | Promise<StorePlace<LinkStore>>) {
  describe(`${name} (LinkStore contract)`, () => {
    const place = placePerTest(makePlace);

    it('knows no link it was never given', async () => {
      const store = await place.open();
      expect(await store.get('nope')).toBeNull();
      expect(await store.getByCode('NOPE2345')).toBeNull();
      expect(await store.listForBoard('board')).toEqual([]);
      expect(await store.revoke('nope', 1)).toBeNull();
    });

    it('gives a link back with every field, by id and by code', async () => {
      const store = await place.open();
      const made = link('aaa', { access: 'facilitate', label: 'Projector', expiresAt: 9_000, code: 'ABCD2345' });
      await store.create(made);
      expect(await store.get('aaa')).toEqual(made);
      expect(await store.getByCode('ABCD2345')).toEqual(made);
    });

    it('lists a board’s links oldest first, revoked ones included, and no other board’s', async () => {
      const store = await place.open();
      await store.create(link('new', { createdAt: 3_000, code: 'NEWW2345' }));
      await store.create(link('old', { createdAt: 1_000, code: 'OLDD2345' }));
      await store.create(link('other', { boardId: 'elsewhere', code: 'OTHE2345' }));
      await store.revoke('old', 2_000);
      expect((await store.listForBoard('board')).map((l) => [l.id, l.revokedAt])).toEqual([
        ['old', 2_000],
        ['new', null],
      ]);
    });

    it('deletes every link of one board with its join codes, and no other board’s', async () => {
      const store = await place.open();
      await store.create(link('one', { code: 'ONEE2345' }));
      await store.create(link('two', { code: 'TWOO2345' }));
      await store.create(link('other', { boardId: 'elsewhere', code: 'OTHE2345' }));
      await store.deleteForBoard('board');
      expect(await store.listForBoard('board')).toEqual([]);
      expect(await store.get('one')).toBeNull();
      expect(await store.getByCode('TWOO2345')).toBeNull();
      expect((await store.listForBoard('elsewhere')).map((l) => l.id)).toEqual(['other']);
    });

    it('keeps the first revocation time when a link is revoked again', async () => {
      const store = await place.open();
      await store.create(link('gone', { code: 'GONE2345' }));
      expect((await store.revoke('gone', 2_000))?.revokedAt).toBe(2_000);
      expect((await store.revoke('gone', 5_000))?.revokedAt).toBe(2_000);
      expect((await store.getByCode('GONE2345'))?.revokedAt).toBe(2_000);
    });

    it('refuses a second link with a code already taken', async () => {
      const store = await place.open();
      await store.create(link('first', { code: 'SAME2345' }));
      await expect(store.create(link('second', { code: 'SAME2345' }))).rejects.toThrow();
      expect((await store.getByCode('SAME2345'))?.id).toBe('first');
    });

    it('keeps links and revocations when opened again on the same place', async () => {
      const store = await place.open();
      const kept = link('kept', { code: 'KEPT2345' });
      await store.create(kept);
      await store.create(link('cut', { code: 'CUTT2345' }));
      await store.revoke('cut', 4_000);
      await store.close();
      const reopened = await place.open();
      expect(await reopened.get('kept')).toEqual(kept);
      expect((await reopened.get('cut'))?.revokedAt).toBe(4_000);
    });
  });
}
