import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDeletion, NO_ROOMS } from '../../server/src/dataProtection/BoardDeletion.ts';
import { RetentionSweeper } from '../../server/src/dataProtection/RetentionSweeper.ts';
import { createLogger } from '../../server/src/log.ts';
import { SqliteStorage } from '../../server/src/storage/SqliteStorage.ts';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';
import { phraseInFiles } from '../support/phraseInFiles.ts';
import { createTempDir, type TempDir } from '../support/tempDir.ts';

const DAY = 86_400_000;
const PHRASE = 'Axolotl-meadow-4040 idle words';
const dirs: TempDir[] = [];
let server: InProcessServer | undefined;

afterEach(async () => {
  await server?.dispose();
  server = undefined;
  for (const dir of dirs.splice(0)) await dir.remove();
});

function snapshotWith(text: string) {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return { data: Y.encodeStateAsUpdate(doc), encoding: 'v1' as const };
}

describe('retention', () => {
  it('deletes for good the boards nobody opened for RETENTION_DAYS, and records it; opened boards stay', async () => {
    const dir = await createTempDir('costudio-retention-');
    dirs.push(dir);
    const storage = SqliteStorage.open(dir.path, { backgroundCheckpoints: false });
    const logger = createLogger('silent');
    const sweeper = new RetentionSweeper(storage, new BoardDeletion(storage, NO_ROOMS, logger), 30, logger);
    await storage.boards.createBoard('idle', snapshotWith(PHRASE));
    await storage.boards.createBoard('idle__facilitation', snapshotWith('locks'));
    await storage.boards.createBoard('visited', snapshotWith('Visited board'));
    const now = Date.now() + 31 * DAY;
    await storage.boards.recordOpened('visited', now - 2 * DAY);

    expect(await sweeper.sweep(now)).toEqual(['idle']);
    expect(await storage.boards.isDeleted('idle')).toBe(true);
    expect(await storage.boards.isDeleted('idle__facilitation')).toBe(true);
    expect(await storage.boards.hasBoard('visited')).toBe(true);
    expect(phraseInFiles(dir.path, PHRASE)).toEqual([]);
    expect(await storage.audit.listForBoard('idle')).toMatchObject([
      { action: 'board-deleted', actor: 'server', details: { reason: 'retention', defaultDays: 30 } },
    ]);
    expect(await sweeper.sweep(now)).toEqual([]);
    await storage.close();
  });

  it('counts opening a board over a socket as a visit', async () => {
    server = await startInProcessServer({ retentionDays: 30 });
    const created = (await (
      await fetch(`${server.httpUrl}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Kept' }),
      })
    ).json()) as { id: string };
    const storage = SqliteStorage.open(server.dataDir, { backgroundCheckpoints: false });
    try {
      const { connectBoardClient } = await import('../support/boardClient.ts');
      const before = Date.now();
      const client = connectBoardClient(server.syncUrl, created.id);
      await client.whenSynced();
      client.destroy();
      expect((await storage.boards.retentionOf(created.id)).lastActiveAt).toBeGreaterThanOrEqual(before);
    } finally {
      await storage.close();
    }
  });

  it('lets a facilitator see when the board will go, keep it, or shorten its retention, never lengthen it', async () => {
    server = await startInProcessServer({ retentionDays: 30, requireLinks: true, secret: 'beef'.repeat(16) });
    const api = (path: string, token: string, method = 'GET', body?: unknown) =>
      fetch(`${server?.httpUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const created = (await (
      await fetch(`${server.httpUrl}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Kept' }),
      })
    ).json()) as { id: string; facilitatorLink: { token: string } };
    const token = created.facilitatorLink.token;
    const path = `/api/boards/${created.id}/retention`;
    const edit = (
      (await (await api(`/api/boards/${created.id}/links`, token, 'POST', { access: 'edit' })).json()) as { token: string }
    ).token;
    expect((await api(path, edit)).status).toBe(403);
    const initial = (await (await api(path, token)).json()) as { defaultDays: number; deletesAt: number; lastActiveAt: number };
    expect(initial.defaultDays).toBe(30);
    expect(initial.deletesAt).toBe(initial.lastActiveAt + 30 * DAY);
    const shorter = (await (await api(path, token, 'PUT', { days: 7 })).json()) as { policy: unknown; deletesAt: number };
    expect(shorter.policy).toEqual({ days: 7 });
    expect(shorter.deletesAt).toBe(initial.lastActiveAt + 7 * DAY);
    expect((await api(path, token, 'PUT', { days: 31 })).status).toBe(400);
    const kept = (await (await api(path, token, 'PUT', { keep: true })).json()) as { deletesAt: number | null };
    expect(kept.deletesAt).toBeNull();
    const back = (await (await api(path, token, 'PUT', { useDefault: true })).json()) as { policy: unknown };
    expect(back.policy).toBeNull();
    const audit = (await (await api(`/api/boards/${created.id}/audit`, token)).json()) as { entries: { action: string }[] };
    expect(audit.entries.filter((entry) => entry.action === 'retention-changed')).toHaveLength(3);
  });
});
