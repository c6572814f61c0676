import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteAuditStore } from './SqliteAuditStore.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('SqliteAuditStore', () => {
  it('refuses any change or deletion of an entry, whoever writes to the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'costudio-audit-'));
    dirs.push(dir);
    const file = join(dir, 'costudio.sqlite');
    const store = new SqliteAuditStore(file);
    await store.append({ boardId: 'b', action: 'board-exported', actor: 'link', linkId: 'l', access: 'facilitate', details: {} });
    await store.close();
    const db = new Database(file);
    try {
      expect(() => db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });
});
