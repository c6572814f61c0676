import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/support/storageContracts/postgresPlace.ts';
import { PostgresStorage } from './PostgresStorage.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

// What data-protection's erasure and deletion (issue 15) ask of the stores beyond deleting the
// board itself, written before the branches met; the contract suites now cover the same on both
// backends, and postgresDataProtection.test.ts what is PostgreSQL's own.
describe('PostgreSQL stores removing a board’s data', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function openStorage(): Promise<PostgresStorage> {
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    const storage = await PostgresStorage.open(database.url, { poolSize: 2 });
    cleanups.push(() => storage.close());
    return storage;
  }

  it('drops only the board’s quarantined rows, and leaves its log alone', async () => {
    const { boards } = await openStorage();
    const seqs = await boards.appendUpdates([1, 2, 3].map((value) => ({ boardId: 'a', update: bytes(value) })));
    const other = await boards.appendUpdates([{ boardId: 'b', update: bytes(4) }]);
    await boards.quarantine('a', seqs[1] as number, 'unreadable');
    await boards.quarantine('b', other[0] as number, 'unreadable');
    expect(await boards.dropQuarantined('a')).toBe(1);
    expect(await boards.dropQuarantined('a')).toBe(0);
    expect(await boards.dropQuarantined('b')).toBe(1);
    expect((await boards.loadBoard('a')).log.map((row) => row.seq)).toEqual([seqs[0], seqs[2]]);
  });

  it('rewrites a version’s content in place and deletes a board’s versions, links and private rooms', async () => {
    const { history, links, privateRooms } = await openStorage();
    const saved = await history.save({
      boardId: 'a',
      kind: 'named',
      name: 'Workshop',
      noteCount: 4,
      snapshot: { data: bytes(1), encoding: 'v1' },
      createdAt: 1_000,
    });
    expect(await history.rewrite('a', saved.id, { data: bytes(2, 2), encoding: 'v2' }, 3)).toBe(true);
    expect(await history.rewrite('b', saved.id, { data: bytes(9), encoding: 'v1' }, 1)).toBe(false);
    const found = await history.get('a', saved.id);
    expect(found?.version).toEqual({ ...saved, noteCount: 3 });
    expect([found?.snapshot.encoding, [...(found?.snapshot.data ?? [])]]).toEqual(['v2', [2, 2]]);

    await history.save({ boardId: 'b', kind: 'auto', name: null, noteCount: 1, snapshot: { data: bytes(5), encoding: 'v1' } });
    const link = { access: 'edit', label: '', createdAt: 1, expiresAt: null, revokedAt: null } as const;
    await links.create({ ...link, id: 'la', boardId: 'a', code: 'AAAA2345' });
    await links.create({ ...link, id: 'lb', boardId: 'b', code: 'BBBB2345' });
    await privateRooms.record('a', 'a__private__secret-secret-01');
    await privateRooms.record('b', 'b__private__secret-secret-02');
    await history.deleteBoard('a');
    await links.deleteForBoard('a');
    await privateRooms.deleteForBoard('a');
    expect([await history.list('a'), await links.getByCode('AAAA2345'), await privateRooms.list('a')]).toEqual([[], null, []]);
    expect(await history.list('b')).toHaveLength(1);
    expect((await links.getByCode('BBBB2345'))?.id).toBe('lb');
    expect(await privateRooms.list('b')).toEqual(['b__private__secret-secret-02']);
  });
});
