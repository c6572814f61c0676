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
      { action: 'board-deleted', actor: 'server', details: { reason: 'retention', retentionDays: 30 } },
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
      expect(await storage.boards.idleSince(before)).toEqual([]);
    } finally {
      await storage.close();
    }
  });
});
