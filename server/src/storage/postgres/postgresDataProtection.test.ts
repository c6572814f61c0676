import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/support/storageContracts/postgresPlace.ts';
import { PostgresStorage } from './PostgresStorage.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

// What issue 15 asks of PostgreSQL beyond the contract suites (which run on both backends).
describe('PostgreSQL and data protection', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function openStorage(): Promise<{ storage: PostgresStorage; url: string }> {
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    const storage = await PostgresStorage.open(database.url, { poolSize: 2 });
    cleanups.push(() => storage.close());
    return { storage, url: database.url };
  }

  it('refuses any change, deletion or truncation of an audit entry, from any connection', async () => {
    const { storage, url } = await openStorage();
    await storage.audit.append({
      boardId: 'b',
      action: 'board-exported',
      actor: 'link',
      linkId: 'l',
      access: 'facilitate',
      details: {},
    });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await expect(client.query("UPDATE audit_log SET action = 'x'")).rejects.toThrow(/append-only/);
      await expect(client.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      await expect(client.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
    expect(await storage.audit.listForBoard('b')).toHaveLength(1);
  });

  it('erases freed space (VACUUM) while another connection holds a transaction open, and the board stays deleted', async () => {
    const { storage, url } = await openStorage();
    await storage.boards.appendUpdates([1, 2, 3].map((value) => ({ boardId: 'gone', update: bytes(value) })));
    await storage.boards.appendUpdates([{ boardId: 'kept', update: bytes(9) }]);
    const reader = new pg.Client({ connectionString: url });
    await reader.connect();
    try {
      await reader.query('BEGIN');
      await reader.query("SELECT count(*) FROM updates WHERE board_id = 'kept'");
      await storage.boards.deleteBoard('gone');
      await storage.eraseFreedSpace();
      await reader.query('COMMIT');
    } finally {
      await reader.end();
    }
    await storage.eraseFreedSpace();
    expect(await storage.boards.isDeleted('gone')).toBe(true);
    expect((await storage.boards.loadBoard('gone')).log).toEqual([]);
    expect((await storage.boards.loadBoard('kept')).log.map((row) => [...row.update])).toEqual([[9]]);
  });

  it('saves no version of a deleted board (another instance may still hold its room)', async () => {
    const { storage } = await openStorage();
    const version = {
      boardId: 'gone',
      kind: 'last-leave' as const,
      name: null,
      noteCount: 1,
      snapshot: { data: bytes(1), encoding: 'v1' as const },
    };
    await storage.history.save(version);
    await storage.boards.deleteBoard('gone');
    await storage.history.deleteBoard('gone');
    await expect(storage.history.save(version)).rejects.toThrow(/deleted/);
    expect(await storage.history.list('gone')).toEqual([]);
    expect(await storage.history.save({ ...version, boardId: 'kept' })).toMatchObject({ boardId: 'kept' });
  });
});
