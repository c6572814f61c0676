import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { normalizeJoinCode } from './joinCode.ts';
import { SqliteLinkStore } from './SqliteLinkStore.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('SqliteLinkStore on a database made before join codes', () => {
  it('adds the code column and gives every existing link its own code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'costudio-links-'));
    dirs.push(dir);
    const file = join(dir, 'old.sqlite');
    const old = new Database(file);
    old.exec(`CREATE TABLE share_links (
      id TEXT PRIMARY KEY, board_id TEXT NOT NULL, access TEXT NOT NULL, label TEXT NOT NULL DEFAULT '',
      created_at INTEGER NOT NULL, expires_at INTEGER, revoked_at INTEGER
    );`);
    const insert = old.prepare('INSERT INTO share_links (id, board_id, access, created_at) VALUES (?, ?, ?, ?)');
    insert.run('link-a', 'board', 'edit', 1);
    insert.run('link-b', 'board', 'view', 2);
    old.close();

    const store = new SqliteLinkStore(file);
    const links = await store.listForBoard('board');
    await store.close();
    expect(links.map((link) => link.id)).toEqual(['link-a', 'link-b']);
    const codes = links.map((link) => link.code);
    for (const code of codes) expect(normalizeJoinCode(code)).toBe(code);
    expect(new Set(codes).size).toBe(2);

    // Opening again keeps the codes, and the index refuses a duplicate.
    const reopened = new SqliteLinkStore(file);
    expect((await reopened.getByCode(codes[0] as string))?.id).toBe('link-a');
    await expect(
      reopened.create({
        id: 'link-c',
        boardId: 'board',
        access: 'edit',
        label: '',
        createdAt: 3,
        expiresAt: null,
        revokedAt: null,
        code: codes[0] as string,
      }),
    ).rejects.toThrow(/UNIQUE/);
    await reopened.close();
  });
});
