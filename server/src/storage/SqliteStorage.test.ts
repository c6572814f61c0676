import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { phraseInFiles } from '../../../tests/support/phraseInFiles.ts';
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

  it('leaves no byte of a deleted board in the database, its WAL or free pages', async () => {
    const dataDir = join(tempDir(), 'data');
    const storage = SqliteStorage.open(dataDir, { checkpointIntervalMs: 50 });
    const phrase = 'Zebra-kettle-4471 my own words';
    const doc = new Y.Doc();
    const text = doc.getText('note');
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < 40; i++) text.insert(text.length, `${phrase} ${i}; `);
    await storage.boards.createBoard('gone', { data: Y.encodeStateAsUpdate(new Y.Doc()), encoding: 'v1' });
    const seqs = await storage.boards.appendUpdates(updates.map((update) => ({ boardId: 'gone', update })));
    const snapshot = { data: Y.encodeStateAsUpdate(doc), encoding: 'v1' as const };
    await storage.boards.compact('gone', snapshot, seqs[19] as number);
    for (let i = 0; i < 3; i++) await storage.history.save({ boardId: 'gone', kind: 'auto', name: null, noteCount: 1, snapshot });
    const other = new Y.Doc();
    other.getText('note').insert(0, 'Another board, kept');
    await storage.boards.appendUpdates([{ boardId: 'kept', update: Y.encodeStateAsUpdate(other) }]);
    expect(phraseInFiles(dataDir, phrase)).not.toEqual([]);

    await storage.boards.deleteBoard('gone');
    await storage.history.deleteBoard('gone');
    await storage.eraseFreedSpace();
    expect(phraseInFiles(dataDir, phrase)).toEqual([]);
    expect(phraseInFiles(dataDir, 'Another board, kept')).not.toEqual([]);
    await storage.close();
    expect(phraseInFiles(dataDir, phrase)).toEqual([]);
  });
});
