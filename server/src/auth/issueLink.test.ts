import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createNewBoard } from '../storage/createNewBoard.ts';
import { DATABASE_FILE, SqliteBoardStore } from '../storage/SqliteBoardStore.ts';
import { issueLinkInDataDir } from './issueLink.ts';
import { loadServerSecret } from './serverSecret.ts';
import { verifyShareToken } from './shareToken.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('issuing a link from the command line', () => {
  it('gives a board made before share links a facilitator link the server accepts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'costudio-issue-'));
    dirs.push(dir);
    const store = new SqliteBoardStore(join(dir, DATABASE_FILE), { backgroundCheckpoints: false });
    const boardId = await createNewBoard(store, 'Old board');
    await store.close();
    const link = await issueLinkInDataDir(dir, boardId, 'facilitate');
    expect(link?.path).toMatch(new RegExp(`^/b/${boardId}#token=`));
    const check = verifyShareToken(link?.token ?? '', loadServerSecret(dir));
    expect(check).toMatchObject({ ok: true, claims: { board: boardId, access: 'facilitate' } });
    expect(await issueLinkInDataDir(dir, 'no-such-board', 'edit')).toBeNull();
  });
});
