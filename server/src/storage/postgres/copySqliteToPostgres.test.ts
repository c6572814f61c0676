import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/support/storageContracts/postgresPlace.ts';
import { SqliteStorage } from '../SqliteStorage.ts';
import type { Storage } from '../Storage.ts';
import { copySqliteToPostgres } from './copySqliteToPostgres.ts';
import { PostgresStorage } from './PostgresStorage.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

/**
 * Everything a deployment holds about some boards, read through the store interfaces. Log rows
 * by their order and bytes: their numbers change (each SQLite board numbers its own rows).
 */
async function everything(storage: Storage, boardIds: readonly string[]) {
  const plain = (data: Uint8Array | undefined) => (data ? [...data] : data);
  return Promise.all(
    boardIds.map(async (boardId) => {
      const board = await storage.boards.loadBoard(boardId);
      const versions = (await storage.history?.list(boardId)) ?? [];
      const contents = await Promise.all(
        versions.map(async (v) => plain((await storage.history?.get(boardId, v.id))?.snapshot.data)),
      );
      return {
        snapshot: board.snapshot && { ...board.snapshot, data: plain(board.snapshot.data) },
        log: board.log.map((row) => plain(row.update)),
        versions,
        contents,
        links: await storage.links.listForBoard(boardId),
        privateRooms: await storage.privateRooms.list(boardId),
      };
    }),
  );
}

describe('copySqliteToPostgres', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('moves every board, update, version, link and private room, and numbers new updates above all old ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'costudio-copy-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const sqlite = SqliteStorage.open(dir, { backgroundCheckpoints: false });
    await sqlite.boards.createBoard('made', { data: bytes(1), encoding: 'v1', schemaVersion: 2 });
    const seqs = await sqlite.boards.appendUpdates(
      [1, 2, 3, 4, 5].map((value) => ({ boardId: value % 2 ? 'made' : 'logged', update: bytes(value) })),
    );
    await sqlite.boards.compact('made', { data: bytes(9, 9), encoding: 'v2', schemaVersion: 3 }, seqs[4] as number);
    await sqlite.boards.quarantine('logged', seqs[1] as number, 'unreadable');
    // Numbered like 'logged''s rows (SQLite numbers each board on its own), one sequence in PostgreSQL.
    const third = await sqlite.boards.appendUpdates([6, 7].map((value) => ({ boardId: 'third', update: bytes(value) })));
    expect(third).toEqual([seqs[1], seqs[3]]);
    // A snapshot that covers some of its board's rows: the rest stay above it once renumbered.
    await sqlite.boards.compact('third', { data: bytes(6), encoding: 'v1' }, third[0] as number);
    await sqlite.history.save({
      boardId: 'made',
      kind: 'named',
      name: 'Workshop',
      noteCount: 4,
      snapshot: { data: bytes(7), encoding: 'v1' },
    });
    await sqlite.history.save({
      boardId: 'made',
      kind: 'auto',
      name: null,
      noteCount: 5,
      snapshot: { data: bytes(8), encoding: 'v2' },
    });
    await sqlite.links.create({
      id: 'link1',
      boardId: 'made',
      access: 'facilitate',
      label: 'Facilitator',
      createdAt: 1_000,
      expiresAt: 5_000,
      revokedAt: null,
      code: 'ABCD2345',
    });
    await sqlite.links.create({
      id: 'link2',
      boardId: 'made',
      access: 'view',
      label: '',
      createdAt: 2_000,
      expiresAt: null,
      revokedAt: null,
      code: 'EFGH2345',
    });
    await sqlite.links.revoke('link2', 3_000);
    await sqlite.privateRooms.record('made', 'made__private__secret-secret-01');
    // Data protection (issue 15): a tombstone, retention, an opening and the audit log move too.
    await sqlite.boards.appendUpdates([{ boardId: 'gone', update: bytes(1) }]);
    await sqlite.boards.deleteBoard('gone');
    await sqlite.boards.setRetention('made', { days: 7 });
    await sqlite.boards.setRetention('logged', { keep: true });
    await sqlite.boards.recordOpened('made', 4_000);
    const audited = [
      await sqlite.audit.append({
        boardId: 'made',
        action: 'board-created',
        actor: 'link',
        linkId: null,
        access: null,
        details: {},
      }),
      await sqlite.audit.append({
        boardId: 'gone',
        action: 'board-deleted',
        actor: 'operator',
        linkId: null,
        access: null,
        details: { privateRooms: 0 },
      }),
    ];
    const boards = ['made', 'logged', 'third'];
    const before = await everything(sqlite, boards);
    await sqlite.close();
    // The link that opened a private room (a column newer SQLite layouts have) arrives too.
    const file = new Database(join(dir, 'costudio.sqlite'));
    const columns = file.prepare('PRAGMA table_info(private_rooms)').all() as { name: string }[];
    if (!columns.some((column) => column.name === 'link_id')) file.exec('ALTER TABLE private_rooms ADD COLUMN link_id TEXT');
    file.exec("UPDATE private_rooms SET link_id = 'link1'");
    file.close();

    const database = await createTestDatabase();
    cleanups.push(database.drop);
    const counts = await copySqliteToPostgres(join(dir, 'costudio.sqlite'), database.url);
    expect(counts).toEqual({
      snapshots: 2,
      updates: 2,
      quarantinedUpdates: 1,
      versions: 2,
      links: 2,
      privateRooms: 1,
      deletedBoards: 1,
      boardsOpened: 1,
      retentions: 2,
      auditEntries: 2,
    });

    const postgres = await PostgresStorage.open(database.url, { poolSize: 2 });
    cleanups.push(() => postgres.close());
    expect(await everything(postgres, boards)).toEqual(before);
    const copied = await Promise.all(boards.map((boardId) => postgres.boards.loadBoard(boardId)));
    const copiedSeqs = copied.flatMap((board) => board.log.map((row) => row.seq));
    expect(new Set(copiedSeqs).size).toBe(copiedSeqs.length);
    for (const board of copied) expect(board.log.every((row) => row.seq > board.snapshotSeq)).toBe(true);
    expect((await postgres.links.getByCode('ABCD2345'))?.id).toBe('link1');
    expect(await postgres.privateRooms.countByLink('made', 'link1')).toBe(1);
    expect(await postgres.boards.isDeleted('gone')).toBe(true);
    await expect(postgres.boards.createBoard('gone', { data: bytes(1), encoding: 'v1' })).rejects.toThrow(/deleted/i);
    expect(await postgres.boards.retentionOf('made')).toMatchObject({ policy: { days: 7 } });
    expect(await postgres.boards.retentionOf('logged')).toMatchObject({ policy: { keep: true } });
    expect(await postgres.audit.listAll()).toEqual(audited);
    const nextEntry = await postgres.audit.append({
      boardId: 'made',
      action: 'board-exported',
      actor: 'link',
      linkId: null,
      access: null,
      details: {},
    });
    expect(nextEntry.id).toBeGreaterThan(Math.max(...audited.map((entry) => entry.id)));
    // Compaction had deleted every row of 'made'; a new row must not fall under its snapshot.
    const [next] = await postgres.boards.appendUpdates([{ boardId: 'made', update: bytes(6) }]);
    expect(next).toBeGreaterThan(Math.max(...copiedSeqs));
    expect((await postgres.boards.loadBoard('made')).log.map((row) => row.seq)).toEqual([next]);
    const [nextLogged] = await postgres.boards.appendUpdates([{ boardId: 'logged', update: bytes(8) }]);
    expect((await postgres.boards.loadBoard('logged')).log.map((row) => [...row.update])).toEqual([[4], [8]]);
    expect(nextLogged).toBeGreaterThan(next as number);
    const version = await postgres.history.save({
      boardId: 'made',
      kind: 'auto',
      name: null,
      noteCount: 1,
      snapshot: { data: bytes(1), encoding: 'v1' },
    });
    const oldIds = before.flatMap((board) => board.versions.map((v) => v.id));
    expect(version.id).toBeGreaterThan(Math.max(...oldIds));

    // A second copy into the same, no longer empty, database is refused and changes nothing.
    await expect(copySqliteToPostgres(join(dir, 'costudio.sqlite'), database.url)).rejects.toThrow(/already holds Costudio data/);
    expect((await postgres.boards.loadBoard('made')).log).toHaveLength(1);
  });
});
