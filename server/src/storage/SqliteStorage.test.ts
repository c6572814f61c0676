import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStorage } from './openStorage.ts';
import { DATABASE_FILE } from './SqliteDatabase.ts';
import { SqliteStorage } from './SqliteStorage.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'costudio-storage-'));
  dirs.push(dir);
  return dir;
}

describe('SqliteStorage', () => {
  it('answers ping while open and refuses it, in words, once closed', async () => {
    const storage = await openStorage({ kind: 'sqlite', dataDir: join(tempDir(), 'data'), backgroundCheckpoints: false });
    await expect(storage.ping()).resolves.toBeUndefined();
    await storage.close();
    await expect(storage.ping()).rejects.toThrow('the SQLite database is closed');
  });

  it('keeps boards, versions, links and private rooms in the one database file', async () => {
    const dataDir = join(tempDir(), 'data');
    const storage = await openStorage({ kind: 'sqlite', dataDir, backgroundCheckpoints: false });
    const snapshot = { data: new Uint8Array([1]), encoding: 'v1' as const };
    await storage.boards.createBoard('b', snapshot);
    await storage.history?.save({ boardId: 'b', kind: 'named', name: 'One', noteCount: 0, snapshot });
    await storage.links.create({
      id: 'l',
      boardId: 'b',
      access: 'edit',
      label: '',
      createdAt: 1,
      expiresAt: null,
      revokedAt: null,
      code: 'ABCD2345',
    });
    await storage.privateRooms.record('b', 'b__private__0123456789abcdef');
    await storage.close();
    await storage.close();

    expect(readdirSync(dataDir)).toEqual([DATABASE_FILE]);
    const reopened = SqliteStorage.open(dataDir, { backgroundCheckpoints: false });
    expect(reopened.file).toBe(join(dataDir, DATABASE_FILE));
    expect(await reopened.boards.hasBoard('b')).toBe(true);
    expect((await reopened.history.list('b')).map((v) => v.name)).toEqual(['One']);
    expect((await reopened.links.get('l'))?.code).toBe('ABCD2345');
    expect(await reopened.privateRooms.list('b')).toEqual(['b__private__0123456789abcdef']);
    await reopened.close();
  });

  it('refuses a file written by a newer Costudio', async () => {
    const dataDir = tempDir();
    const db = new Database(join(dataDir, DATABASE_FILE));
    db.pragma('user_version = 99');
    db.close();
    expect(() => SqliteStorage.open(dataDir, { backgroundCheckpoints: false })).toThrow(/newer Costudio/);
  });
});
